import { describeModel } from './run';

describeModel('clock-skew');
