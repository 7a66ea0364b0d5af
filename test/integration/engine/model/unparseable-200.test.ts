import { describeModel } from './run';

describeModel('unparseable-200');
