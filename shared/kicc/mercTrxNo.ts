import type { Clock } from '../clock';
import { kstDateTime } from './time';

/**
 * New mercTrxNo for every cancellation attempt (KICC-API.md reqCancel: "NEW merchant number for
 * THIS cancellation ... (20 recommended); unique"). 20 characters, [0-9A-Z] only, so it passes
 * the mercTrxNo rule (ASCII, <= 40 bytes) and also fits KICC's 20-byte response field and a
 * `G` cancellation's 20-byte cndTrxNo, should anyone ever cancel one of ours by it.
 *
 *   TT yyMMddHHmmss CCCCCC        e.g. 89 231226100000 3F9K2A
 *   │  │            └ counter: 6 base-36 digits, starts at a RANDOM offset, +1 per number
 *   │  └ Korea time of issue (kstDateTime: whatever the PC's zone), readable for support staff
 *   └ terminal tag: the last two letters/digits of the terminal id (a hint for humans only)
 *
 * Why numbers do not collide (see docs/kicc-fields.md "mercTrxNo"):
 * - Within one generator: the counter suffix never repeats before 36^6 (2.1 billion) numbers,
 *   whatever the clock does. So a clock that stands still or goes BACKWARDS cannot repeat a
 *   number; uniqueness here is certain, not probable.
 * - Across generators (a restart within the same second, a restart after the clock was set
 *   back, two terminals whose tids end alike, even two PCs misconfigured with the same tid):
 *   two numbers collide only if they carry the same tag AND the same KST second AND the two
 *   counters, started at independent random offsets, land on the same suffix. For generators
 *   issuing at most k numbers each in a shared second that is at most (2k-1) / 36^6, about one
 *   in a billion for k = 1. A per-number random part of the same width would be no better, and a
 *   counter restarting at 0 would collide on every restart within the same second.
 * - Should one collide anyway, KICC answers S005 (duplicate) [A], which the workflow already
 *   treats as "outcome unknown, verify" (KICC-API.md "Result codes"): safe, never a double refund.
 */

const SUFFIX_SPACE = 36 ** 6;
const SUFFIX_WIDTH = 6;
const TAG_WIDTH = 2;

export interface MercTrxNoOptions {
  /** The KICC tid this terminal sends with; only its last two letters/digits are used. */
  terminalId: string;
  clock: Clock;
  /** Uniform in [0, 1), like Math.random; called once, when the generator is created. */
  random: () => number;
}

/** Last two [0-9A-Z] of the terminal id, upper-cased, left-padded with '0'. */
export function terminalTag(terminalId: string): string {
  const usable = terminalId.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return usable.slice(-TAG_WIDTH).padStart(TAG_WIDTH, '0');
}

export function createMercTrxNoGenerator(options: MercTrxNoOptions): () => string {
  const tag = terminalTag(options.terminalId);
  const draw = options.random();
  if (!(Number.isFinite(draw) && draw >= 0 && draw < 1)) {
    // A broken random source would silently make every restart start at the same offset.
    throw new RangeError(`random() must return a number in [0, 1), got ${String(draw)}`);
  }
  const start = Math.floor(draw * SUFFIX_SPACE);
  let issued = 0;

  return () => {
    if (issued >= SUFFIX_SPACE) {
      // 2.1 billion numbers from one process: a runaway loop, not a store's day.
      throw new Error('mercTrxNo generator exhausted; create a new one');
    }
    const suffix = ((start + issued) % SUFFIX_SPACE)
      .toString(36)
      .toUpperCase()
      .padStart(SUFFIX_WIDTH, '0');
    issued += 1;
    const { date, time } = kstDateTime(options.clock.now());
    // slice(-6): yyMMdd even for a clock set absurdly far out, so the length stays 20.
    return `${tag}${date.slice(-6)}${time}${suffix}`;
  };
}
