import { describeModel } from './run';

describeModel('foreign-numbers');
