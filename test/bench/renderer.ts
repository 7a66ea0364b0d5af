import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ChannelName } from '../../shared/contract/channels';
import type { Cancellation, CancellationState } from '../../shared/contract/models';
import {
  emptyHistoryFilter,
  filterHistory,
  indexHistory,
  type FilterResult,
} from '../../renderer/screens/history/filter';
import { buildRenderer } from '../e2e/harness/build';
import { launchChromium } from '../e2e/harness/chromium';
import { bridgePos } from '../e2e/harness/pos-bridge';
import { serveStatic } from '../e2e/harness/static-server';

/**
 * The renderer's numbers for `npm run bench` (issue 5):
 *   bundle_js_gzip_kb       production JS, gzipped, summed over every chunk (goal ≤ 150)
 *   interactive_ms          navigation start -> search field focused, headless Chromium (≤ 300)
 *   history_filter_100k_ms  the slowest keystroke filtering 100,000 history rows (≤ 16)
 */
export interface RendererBench {
  bundle_js_gzip_kb: number;
  interactive_ms: number;
  history_filter_100k_ms: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** gzip -9 of each .js the production build emits, summed, in KB (1024 bytes). */
export async function benchBundleJsGzipKb(): Promise<number> {
  const dir = await buildRenderer();
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) files.push(path);
    }
  };
  walk(dir);
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length,
    0,
  );
  return round1(bytes / 1024);
}

/**
 * Median of `runs` fresh page loads: the page's own performance.mark('search-field-ready'),
 * set when the search field first has focus, read as ms since navigation start. `window.pos`
 * answers from a stub here: the field does not wait for main (the status bar fills in later),
 * so the services' speed is not part of this number (the engine's benches measure that).
 */
export async function benchInteractiveMs(runs = 7): Promise<number> {
  const server = await serveStatic(await buildRenderer());
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await bridgePos(page, { invoke: stubAnswer, subscribe: () => () => undefined });
      await page.goto(server.url);
      const mark = await page.waitForFunction(() => {
        const entry = performance.getEntriesByName('search-field-ready')[0];
        return entry ? entry.startTime : false;
      });
      times.push(Number(await mark.jsonValue()));
      await context.close();
    }
    return round1(median(times));
  } finally {
    await browser.close();
    await server.close();
  }
}

async function stubAnswer(channel: ChannelName): Promise<unknown> {
  const summary = {
    count: 0,
    totalAmount: 0,
    oldestAt: null,
    nextTryAt: null,
    online: true,
    pausedReason: null,
  };
  switch (channel) {
    case 'app.info':
      return {
        ok: true,
        value: {
          mode: 'training',
          trainingReason: null,
          recovered: null,
          terminalId: 'T000000001',
          version: 'bench',
          language: 'ko',
        },
      };
    case 'queue.status':
      return { ok: true, value: { summary, items: [] } };
    default:
      return { ok: false, error: { code: 'not-found', message: { ko: '없음', en: 'none' } } };
  }
}

const STATES: CancellationState[] = [
  'cancelled',
  'cancelled',
  'cancelled',
  'rejected',
  'in_doubt',
  'queued',
];
const REASONS = [
  '고객 변심',
  '중복 결제',
  'wrong item',
  '상품 불량',
  'customer request',
  '가격 오류',
];

/** 100,000 plausible rows over 90 days (deterministic: no randomness in a bench). */
export function historyRows(count = 100_000): Cancellation[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const aprvNo = String(10_000_000 + ((i * 7_919) % 89_999_999));
    return {
      id: `c${i}`,
      receiptId: `r${i}`,
      clientRequestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      state: STATES[i % STATES.length] ?? 'cancelled',
      wcc: i % 2 === 0 ? 'T' : 'G',
      cndTrxNo: `V${String(100_000_000_000 + i)}`,
      orgAprvDt: '20240101',
      orgAprvNo: aprvNo,
      alotMonth: '00',
      trxAmt: 1_000 + (i % 500) * 100,
      vatAmt: 91,
      svcAmt: 0,
      reason: REASONS[i % REASONS.length] ?? '',
      cardConfirmNo: `${4000 + (i % 5000)}-12**-****-${String(i % 10_000).padStart(4, '0')}`,
      mercTrxNo: `CANCEL_${i}`,
      requestedAt: start + Math.floor((i * 90 * 86_400_000) / count),
      updatedAt: start,
      attempts: 1,
      nextTryAt: null,
      cancelled: null,
      rejection: null,
      requestedBy: 'cashier',
      approvedBy: i % 10 === 0 ? 'manager' : null,
      resolvedByManager: false,
    };
  });
}

/**
 * The slowest keystroke while typing a query, a backspace (a full re-scan), and a state change,
 * over 100,000 indexed rows; median over `runs` repetitions of the whole sequence.
 */
export async function benchHistoryFilter100kMs(runs = 5): Promise<number> {
  const rows = indexHistory(historyRows());
  const keystrokes = ['1', '12', '123', '1234', '123', '', 'k', 'kb'].map((text) => ({ text }));
  const worst: number[] = [];
  for (let run = 0; run < runs; run++) {
    let previous: FilterResult | undefined;
    let slowest = 0;
    const sequence = [
      ...keystrokes.map((k) => ({ ...emptyHistoryFilter, ...k })),
      { ...emptyHistoryFilter, state: 'in_doubt' as const },
      { ...emptyHistoryFilter, from: '20240201', to: '20240215', text: '변심' },
    ];
    for (const filter of sequence) {
      const t0 = performance.now();
      previous = filterHistory(rows, filter, previous);
      slowest = Math.max(slowest, performance.now() - t0);
    }
    worst.push(slowest);
  }
  return round1(median(worst));
}

export async function benchRenderer(): Promise<RendererBench> {
  return {
    bundle_js_gzip_kb: await benchBundleJsGzipKb(),
    interactive_ms: await benchInteractiveMs(),
    history_filter_100k_ms: await benchHistoryFilter100kMs(),
  };
}
