/** The KICC simulator's public surface (docs/simulator.md). */
export { startKiccSimulator } from './server';
export type { KiccSimulator, KiccSimulatorOptions, SimFaults } from './server';
export type { ApproveInput } from './approve-from-code';
export type { FaultKind, FaultEndpoint, FaultSpec, FaultPlan } from './faults';
export { FAULT_KINDS, FAULT_COMMIT, DEFAULT_DELAY_MS } from './faults';
export type { LedgerView, MerchantKey } from './ledger';
export type { SampleReceipt, SampleExpectation } from './samples';
export { SIM_CODES, NOTHING_HAPPENED_CODES, UNKNOWN_CODES } from './result-codes';
export type { KiccProfile, KiccProfileName } from './profiles';
export { KICC_PROFILES, KICC_PROFILE_NAMES, AS_MODELLED, profileByName } from './profiles';
export { TRAINING_CREDENTIALS, TRAINING_MERCHANT } from './training';
export { CARD_ISSUERS } from './card-issuers';
export type {
  SimAnswer,
  SimOriginal,
  SimCancellation,
  SimNetCancel,
  SimRequestRecord,
  AuthFailureReason,
} from './types';
