import type { ApproveInput } from './approve-from-code';
import { approveFromCode } from './approve-from-code';
import type { DuplicateMode, DuplicateRegistry } from './duplicates';
import { createDuplicateRegistry } from './duplicates';
import type { FaultRegistry } from './faults';
import type { ForeignNumbers } from './foreign-numbers';
import { createForeignNumbers } from './foreign-numbers';
import { createFaultRegistry } from './faults';
import type { Ledger, MerchantKey } from './ledger';
import { createLedger } from './ledger';
import type { NonceCache } from './nonce-cache';
import { createNonceCache } from './nonce-cache';
import { createPrng, streamSeed } from './prng';
import type { KiccProfile } from './profiles';
import type { SampleDefinition } from './samples';
import { seedSampleReceipts } from './samples';
import type { TransactionNumbers } from './transaction-numbers';
import { createTransactionNumbers } from './transaction-numbers';
import type { SimOriginal } from './types';
import type { Result } from '../../../shared/result';

/**
 * Everything the simulator holds, created afresh from the seed at start and on reset: the same
 * seed and the same clock give the same state, numbers and samples (determinism).
 */
export interface SimConfig {
  seed: number;
  merchant: MerchantKey;
  duplicateMode: DuplicateMode;
  cancelWindowDays: number;
  netCancelWindowMinutes: number;
  timestampSkewMs: number;
  sampleReceipts: boolean;
  /** which reading of each [A] this KICC follows (./profiles.ts) */
  profile: KiccProfile;
}

export interface SimState {
  ledger: Ledger;
  duplicates: DuplicateRegistry;
  numbers: TransactionNumbers;
  nonces: NonceCache;
  faults: FaultRegistry;
  foreign: ForeignNumbers;
  samples: SampleDefinition[];
  approve(input: ApproveInput, now: number): Result<SimOriginal, string>;
}

export function createSimState(config: SimConfig, now: number): SimState {
  const ledger = createLedger();
  const duplicates = createDuplicateRegistry(config.duplicateMode);
  const numbers = createTransactionNumbers(createPrng(streamSeed(config.seed, 'numbers')));
  let orderSeq = 0;
  const approve = (input: ApproveInput, at: number): Result<SimOriginal, string> =>
    approveFromCode(input, {
      ledger,
      duplicates,
      numbers,
      merchant: config.merchant,
      now: at,
      nextOrderSeq: () => (orderSeq += 1),
    });
  const samples = config.sampleReceipts
    ? seedSampleReceipts({
        now,
        cancelWindowDays: config.cancelWindowDays,
        prng: createPrng(streamSeed(config.seed, 'samples')),
        ledger,
        duplicates,
        numbers,
        approve: (input) => {
          const made = approve(input, now);
          if (!made.ok) throw new Error(`a sample receipt is invalid: ${made.error}`);
          return made.value;
        },
      })
    : [];
  return {
    ledger,
    duplicates,
    numbers,
    nonces: createNonceCache(config.timestampSkewMs),
    faults: createFaultRegistry(createPrng(streamSeed(config.seed, 'faults'))),
    foreign: createForeignNumbers({
      share: config.profile.foreignShare,
      prng: createPrng(streamSeed(config.seed, 'foreign')),
      approve,
    }),
    samples,
    approve,
  };
}
