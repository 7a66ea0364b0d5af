import { describeModel } from './run';

describeModel('as-modelled');
