import { describe, expect, it } from 'vitest';
import { CANCELLATION_STATES, FINAL_STATES, isFinalState } from '../../../renderer/format/states';
import * as contract from '../../../shared/contract/models';

describe("the page's state lists are the contract's", () => {
  it('lists every state of the contract, in its order', () => {
    expect([...CANCELLATION_STATES]).toEqual(contract.cancellationStateSchema.options);
  });

  it('agrees on which states are final', () => {
    expect([...FINAL_STATES]).toEqual([...contract.FINAL_STATES]);
    expect(CANCELLATION_STATES.filter(isFinalState)).toEqual([...contract.FINAL_STATES]);
  });
});
