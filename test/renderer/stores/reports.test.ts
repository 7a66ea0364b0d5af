import { describe, expect, it } from 'vitest';
import { createReportsStore } from '../../../renderer/stores/reports';
import { fakePos, okResult } from '../fakePos';

/** Issue 13 finding 6: the reports screen's default date is today when it opens, not at start. */
describe('reports: the default day', () => {
  const report = { from: '', to: '' };
  const kst = (d: number, hh: number) => Date.UTC(2023, 11, d, hh - 9);

  it('a desk left running past midnight opens reports on the new day', async () => {
    let now = kst(25, 22);
    const fake = fakePos({ 'reports.day': () => okResult(report) });
    const store = createReportsStore(fake.pos, () => now);
    await store.getState().open();
    now = kst(26, 9); // the next morning, same desk
    await store.getState().open();
    expect(store.getState().period.date).toBe('2023-12-26');
    expect(fake.callsTo('reports.day')).toEqual([{ date: '20231225' }, { date: '20231226' }]);
  });

  it('a day the manager chose today stays chosen when the screen opens again', async () => {
    const now = kst(26, 9);
    const fake = fakePos({ 'reports.day': () => okResult(report) });
    const store = createReportsStore(fake.pos, () => now);
    store.getState().setPeriod({ date: '2023-12-20' });
    await store.getState().open();
    expect(fake.callsTo('reports.day')).toEqual([{ date: '20231220' }]);
  });
});
