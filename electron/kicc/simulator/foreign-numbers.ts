import type { CancelRequest } from '../../../shared/kicc/types';
import type { Result } from '../../../shared/result';
import type { ApproveInput } from './approve-from-code';
import type { Prng } from './prng';
import type { SimOriginal } from './types';

/**
 * The 'foreign-numbers' profile (./profiles.ts): a share of the fresh mercTrxNos a merchant sends
 * turn out to be owned already by another transaction of the same merchant (another terminal, a
 * back office, a generator that collided). That transaction, another customer's payment of 1,000
 * won more, is recorded just before our request arrives, so KICC answers S005, and a net-cancel
 * of ours under that number must never reverse it (issue 9, sequence 5): KICC checks a
 * net-cancel's amounts against the transaction it names [A] (./net-cancel.ts), so one that
 * reaches it anyway (our S005 answer lost) is refused with S003.
 */
export interface ForeignNumbers {
  /** Whether another transaction already owns this fresh number (seeded); if so it is recorded. */
  claim(request: CancelRequest, now: number): boolean;
}

export function createForeignNumbers(deps: {
  share: number;
  prng: Prng;
  approve: (input: ApproveInput, at: number) => Result<SimOriginal, string>;
}): ForeignNumbers {
  return {
    claim(request, now) {
      if (!(deps.prng.next() < deps.share)) return false;
      const made = deps.approve(
        {
          mercTrxNo: request.mercTrxNo,
          trxAmt: request.trxAmt + 1000,
          tid: request.tid,
          svcId: request.svcId,
          bizrNo: request.bizrNo,
          foreign: true,
        },
        now,
      );
      return made.ok;
    },
  };
}
