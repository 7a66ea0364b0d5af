import { describeModel } from './run';

describeModel('unknown-codes');
