/**
 * `npm run bench:pin` — what one manager PIN check costs on this PC, for each scrypt work
 * factor (issue 11: "raise the PIN's work factor to what a POS PC still answers in ≈ 250 ms").
 * Prints the median and the slowest of a few checks per N (r = 8, p = 1), the memory each
 * needs, and which N the app uses (electron/manager/pin-hash.ts DEFAULT_SCRYPT). Run it on the
 * store's POS PC before deciding it is too slow there; docs/bench.md has this machine's figures.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SCRYPT, hashPin, pinMatches } from '../../electron/manager/pin-hash';

const RUNS = 7;

interface Timing {
  median: number;
  max: number;
  /** CPU time of the check (the thread pool's work): what an idle PC would take */
  cpu: number;
}

async function timeCheck(N: number): Promise<Timing> {
  const params = { N, r: 8, p: 1 };
  const stored = await hashPin('739146', params, randomBytes(16));
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await pinMatches('739146', stored);
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - started);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
  return { median: median(times), max: Math.max(...times), cpu: median(cpus) };
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${RUNS} checks per work factor, r=8 p=1`);
  console.log('| N | memory | CPU per check (median) | wall, median | wall, slowest |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const exponent of [14, 15, 16, 17]) {
    const N = 2 ** exponent;
    const { median, max, cpu } = await timeCheck(N);
    const memory = (128 * N * 8) / 2 ** 20;
    const mark = N === DEFAULT_SCRYPT.N ? ' (the app)' : '';
    console.log(
      `| 2^${exponent}${mark} | ${memory} MiB | ${cpu.toFixed(0)} ms | ${median.toFixed(0)} ms | ${max.toFixed(0)} ms |`,
    );
  }
}

void main();
