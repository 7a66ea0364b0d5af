import type { Ledger } from './ledger';
import type { TransactionNumbers } from './transaction-numbers';

/** What a business rule needs: the state, the number generator, the time and the windows. */
export interface RuleContext {
  ledger: Ledger;
  numbers: TransactionNumbers;
  /** epoch ms, from the injected clock */
  now: number;
  /** KICC-API.md S004 [A]: 45 days by default */
  cancelWindowDays: number;
  /** KICC-API.md S007 [A]: 30 minutes by default */
  netCancelWindowMinutes: number;
  /** reqRtran: is "already reversed" (S006) or the window (S007) checked first? (./profiles.ts) */
  netCancelOrder: 'reversed-first' | 'window-first';
}

/**
 * The card issuer's own processing stamp (cndDt/cndTm) comes a second after the VAN's
 * (trxDt/trxTm), as in the seed's response example (trxTm 100001, cndTm 100002).
 */
export const ISSUER_LAG_MS = 1000;
