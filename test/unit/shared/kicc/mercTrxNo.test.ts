import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Clock } from '../../../../shared/clock';
import { createMercTrxNoGenerator, terminalTag } from '../../../../shared/kicc/mercTrxNo';
import { validateCancelField } from '../../../../shared/kicc/requests';

const SUFFIX_SPACE = 36 ** 6;
/** 2023-12-26 10:00:00 KST (01:00 UTC): the seed example's tranDt/tranTm. */
const SEED_SEND_TIME = Date.UTC(2023, 11, 26, 1, 0, 0);

const fixedClock = (epochMs: number): Clock => ({ now: () => epochMs });
/** A random() whose single draw puts the counter exactly at `start`. */
const startingAt = (start: number) => () => (start + 0.5) / SUFFIX_SPACE;

/** Small deterministic PRNG (mulberry32) standing in for Math.random in restart tests. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createMercTrxNoGenerator', () => {
  it('writes terminal tag, KST yyMMddHHmmss and a base-36 counter: 20 characters', () => {
    const next = createMercTrxNoGenerator({
      terminalId: 'T123456789',
      clock: fixedClock(SEED_SEND_TIME),
      random: startingAt(0),
    });
    expect(next()).toBe('89231226100000000000');
    expect(next()).toBe('89231226100000000001');
  });

  it('uses Korea time, whatever the epoch falls on in UTC', () => {
    // 2023-12-25 23:30 UTC is already 2023-12-26 08:30 in Korea.
    const next = createMercTrxNoGenerator({
      terminalId: 'T1',
      clock: fixedClock(Date.UTC(2023, 11, 25, 23, 30, 0)),
      random: startingAt(35),
    });
    expect(next()).toBe('T1231226083000' + '00000Z');
  });

  it('wraps the counter inside its six digits', () => {
    const next = createMercTrxNoGenerator({
      terminalId: 'T1',
      clock: fixedClock(SEED_SEND_TIME),
      random: startingAt(SUFFIX_SPACE - 1),
    });
    expect(next().slice(-6)).toBe('ZZZZZZ');
    expect(next().slice(-6)).toBe('000000');
  });

  it("passes KICC's mercTrxNo rule and fits a G cancellation's 20-byte cndTrxNo", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (terminalId, now, draw) => {
          const id = createMercTrxNoGenerator({
            terminalId,
            clock: fixedClock(now),
            random: () => draw,
          })();
          expect(id).toMatch(/^[0-9A-Z]{20}$/);
          expect(validateCancelField('mercTrxNo', id)).toEqual([]);
          expect(validateCancelField('cndTrxNo', id)).toEqual([]);
        },
      ),
    );
  });

  it('never repeats within one generator, whatever the clock does (still, backwards, jumps)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (times, count, draw) => {
          let tick = 0;
          // Cycles through the times, so the clock stands still, jumps and goes backwards.
          const clock: Clock = { now: () => times[tick++ % times.length] ?? 0 };
          const next = createMercTrxNoGenerator({
            terminalId: 'T123456789',
            clock,
            random: () => draw,
          });
          const ids = Array.from({ length: count }, next);
          expect(new Set(ids).size).toBe(count);
        },
      ),
    );
  });

  it('never collides across restarts in the same second while the random starts are k apart', () => {
    // The collision argument (docs/kicc-fields.md): generators that each issue at most k numbers
    // collide only if their random offsets fall within k of each other.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.uniqueArray(fc.nat(Math.floor(SUFFIX_SPACE / 20) - 1), { minLength: 2, maxLength: 30 }),
        (k, slots) => {
          const clock = fixedClock(SEED_SEND_TIME); // every restart lands in the same second
          const ids = slots.flatMap((slot) => {
            const next = createMercTrxNoGenerator({
              terminalId: 'T123456789',
              clock,
              random: startingAt(slot * 20),
            });
            return Array.from({ length: k }, next);
          });
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
    );
  });

  it('keeps 1,000 restarts in one second apart, each drawing its start from a PRNG', () => {
    // Two terminals with the same tid suffix are the same case: same tag, same clock.
    const random = seededRandom(20231226);
    const clock = fixedClock(SEED_SEND_TIME);
    const ids = Array.from({ length: 1000 }, () => {
      const next = createMercTrxNoGenerator({ terminalId: 'POS-01', clock, random });
      return [next(), next(), next()];
    }).flat();
    expect(new Set(ids).size).toBe(3000);
  });

  it('keeps a restart after the clock was set back apart from the numbers already issued', () => {
    const before = createMercTrxNoGenerator({
      terminalId: 'T123456789',
      clock: fixedClock(SEED_SEND_TIME + 60_000),
      random: startingAt(1000),
    });
    const issued = [before(), before()];
    // The PC's clock is set back one minute, then the app restarts and lives that minute again.
    const after = createMercTrxNoGenerator({
      terminalId: 'T123456789',
      clock: fixedClock(SEED_SEND_TIME + 60_000),
      random: startingAt(5000),
    });
    expect(issued).not.toContain(after());
  });

  it('tells terminals apart by their tag even with the same random start', () => {
    const clock = fixedClock(SEED_SEND_TIME);
    const a = createMercTrxNoGenerator({ terminalId: 'T000000001', clock, random: startingAt(7) });
    const b = createMercTrxNoGenerator({ terminalId: 'T000000002', clock, random: startingAt(7) });
    expect(a()).not.toBe(b());
  });

  it.each([1, -0.1, NaN, Infinity])('refuses a broken random source returning %s', (draw) => {
    expect(() =>
      createMercTrxNoGenerator({ terminalId: 'T1', clock: fixedClock(0), random: () => draw }),
    ).toThrow(RangeError);
  });
});

describe('terminalTag', () => {
  it.each([
    ['T123456789', '89'],
    ['pos-ab', 'AB'],
    ['a-b', 'AB'],
    ['7', '07'],
    ['', '00'],
    ['단말기', '00'],
  ])('%j -> %s', (terminalId, tag) => {
    expect(terminalTag(terminalId)).toBe(tag);
  });
});
