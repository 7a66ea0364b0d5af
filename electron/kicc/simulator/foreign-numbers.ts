import type { CancelRequest } from '../../../shared/kicc/types';
import type { Result } from '../../../shared/result';
import type { ApproveInput } from './approve-from-code';
import type { Prng } from './prng';
import type { SimOriginal } from './types';

/**
 * The 'foreign-numbers' profile (./profiles.ts): a share of the fresh mercTrxNos a merchant sends
 * turn out to be owned already by another transaction of the same merchant (another terminal, a
 * back office, a generator that collided). That transaction is recorded as an approval with the
 * same amounts and send time, just before our request arrives, so KICC answers S005, and a
 * net-cancel of ours under that number would reverse SOMEONE ELSE's payment: the property test
 * checks that never happens (issue 9, sequence 5).
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
          trxAmt: request.trxAmt,
          vatAmt: request.vatAmt,
          svcAmt: request.svcAmt,
          alotMonth: request.alotMonth,
          tid: request.tid,
          svcId: request.svcId,
          bizrNo: request.bizrNo,
          tranDt: request.tranDt,
          tranTm: request.tranTm,
          foreign: true,
        },
        now,
      );
      return made.ok;
    },
  };
}
