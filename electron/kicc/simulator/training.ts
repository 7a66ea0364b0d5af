import type { KiccCredentials } from '../signing';
import type { MerchantKey } from './ledger';

/**
 * Training mode's credentials (DESIGN.md "Modes"). They open only the simulator on loopback,
 * never KICC, so printing them (`npm run sim`) and showing them to a trainee is fine. Live
 * credentials are never defaults anywhere.
 */
export const TRAINING_CREDENTIALS: KiccCredentials = {
  channelId: 'TRAINING01',
  secretKey: 'training-only-secret-not-for-live-use',
};

/** The training store: the seed page's example merchant (tid, svcId, bizrNo). */
export const TRAINING_MERCHANT: MerchantKey = {
  tid: 'T123456789',
  svcId: 'SVC_SIMPLE',
  bizrNo: '1234567890',
};
