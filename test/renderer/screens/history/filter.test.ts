import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  emptyHistoryFilter,
  filterHistory,
  indexHistory,
  type HistoryFilter,
} from '../../../../renderer/screens/history/filter';
import type { CancellationState } from '../../../../shared/contract/models';
import { AT, cancellation } from '../../fakePos';

const DAY = 24 * 60 * 60 * 1000;
const rows = indexHistory([
  cancellation({
    id: 'a',
    orgAprvNo: '11112222',
    reason: 'Customer changed mind',
    state: 'cancelled',
  }),
  cancellation({
    id: 'b',
    orgAprvNo: '33334444',
    reason: '중복 결제',
    state: 'rejected',
    requestedAt: AT + DAY,
  }),
  cancellation({
    id: 'c',
    orgAprvNo: '55556666',
    reason: 'wrong item',
    state: 'in_doubt',
    requestedAt: AT + 2 * DAY,
    cancelled: null,
  }),
]);
const ids = (filter: HistoryFilter) =>
  [...filterHistory(rows, filter).matches].map((i) => rows[i]?.cancellation.id);

describe('history filter', () => {
  it.each([
    [{}, ['a', 'b', 'c']],
    [{ text: '3333' }, ['b']],
    [{ text: 'CHANGED' }, ['a']],
    [{ text: '중복' }, ['b']],
    [{ text: '  wrong ' }, ['c']],
    [{ text: '87654321' }, ['a', 'b']], // the cancellation approval number
    [{ state: 'rejected' }, ['b']],
    [{ from: '20231227' }, ['b', 'c']],
    [{ to: '20231226' }, ['a']],
    [{ from: '20231227', to: '20231227' }, ['b']],
    [{ from: '20231227', state: 'in_doubt', text: '5555' }, ['c']],
    [{ text: 'nothing like it' }, []],
  ] as [Partial<HistoryFilter>, string[]][])('%j -> %j', (patch, expected) => {
    expect(ids({ ...emptyHistoryFilter, ...patch })).toEqual(expected);
  });

  it('uses the KST day: 23:30 UTC is the next day in Korea', () => {
    const late = indexHistory([cancellation({ requestedAt: Date.UTC(2023, 11, 26, 23, 30) })]);
    expect(late[0]?.day).toBe('20231227');
  });

  it('narrowing from the previous result equals filtering from scratch (any keystrokes)', () => {
    const states: (CancellationState | '')[] = ['', 'cancelled', 'rejected', 'in_doubt'];
    const many = indexHistory(
      Array.from({ length: 300 }, (_, i) =>
        cancellation({
          id: `id${i}`,
          orgAprvNo: String(10_000_000 + i * 7919),
          reason: ['abc', 'abd', 'xbc', 'ab'][i % 4] ?? '',
          state: (['cancelled', 'rejected', 'in_doubt'] as const)[i % 3],
          requestedAt: AT + (i % 5) * DAY,
        }),
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', '1', '9', ' ', 'x'), { maxLength: 6 }),
        fc.constantFrom(...states),
        (keys, state) => {
          let previous = filterHistory(many, { ...emptyHistoryFilter, state });
          let text = '';
          for (const key of keys) {
            text += key;
            const filter = { ...emptyHistoryFilter, state, text };
            const incremental = filterHistory(many, filter, previous);
            expect([...incremental.matches]).toEqual([...filterHistory(many, filter).matches]);
            previous = incremental;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
