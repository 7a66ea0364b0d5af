import { describeModel } from './run';

describeModel('slow-issuer+window-first');
