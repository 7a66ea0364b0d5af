import { describeModel } from './run';

describeModel('tranDt-today');
