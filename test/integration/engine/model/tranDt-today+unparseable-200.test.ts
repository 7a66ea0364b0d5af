import { describeModel } from './run';

describeModel('tranDt-today+unparseable-200');
