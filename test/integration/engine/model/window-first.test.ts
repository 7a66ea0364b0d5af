import { describeModel } from './run';

describeModel('window-first');
