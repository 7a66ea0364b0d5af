/**
 * `npm run sim`: the KICC simulator on its own, for training and for trying the app by hand.
 * Listens on 127.0.0.1 only. Port: --port, else $KICC_SIM_PORT, else 7878. Seed: --seed
 * (default 1). Profile: --profile NAME[+NAME...] (docs/simulator.md "KICC profiles"; default
 * as-modelled). Prints the URL, the TRAINING credentials (they open only this simulator, never
 * KICC, so printing them is fine) and the sample receipts; Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import type { SampleReceipt } from '../electron/kicc/simulator';
import { KICC_PROFILE_NAMES, profileByName, startKiccSimulator } from '../electron/kicc/simulator';

const DEFAULT_PORT = 7878;

function wholeNumber(text: string | undefined, what: string, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  if (!/^[0-9]+$/.test(text)) {
    console.error(`${what} must be a whole number, not "${text}"`);
    process.exit(2);
  }
  return Number(text);
}

/** Terminal columns: Hangul and other wide characters take two. */
function columns(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xd7a3) ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number, right = false): string => {
  const fill = ' '.repeat(Math.max(0, width - columns(text)));
  return right ? fill + text : text + fill;
};

function table(headers: string[], rows: string[][], rightAligned: number[]): string {
  const widths = headers.map((h, i) =>
    Math.max(columns(h), ...rows.map((r) => columns(r[i] ?? ''))),
  );
  const line = (cells: string[]): string =>
    cells.map((c, i) => pad(c, widths[i] ?? 0, rightAligned.includes(i))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const won = (amount: number): string => amount.toLocaleString('ko-KR');

function sampleRows(samples: SampleReceipt[]): string[][] {
  return samples.map(({ no, note, original: o }) => [
    String(no),
    note.ko,
    o.issFmNm,
    o.cardConfirmNo,
    won(o.trxAmt),
    won(o.vatAmt),
    won(o.svcAmt),
    o.alotMonth === '00' ? '일시불' : `${Number(o.alotMonth)}개월`,
    `${o.aprvDt} ${o.aprvTm}`,
    o.aprvNo,
    o.vanTrxNo,
    o.mercTrxNo,
  ]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, seed: { type: 'string' }, profile: { type: 'string' } },
    strict: true,
  });
  const port = wholeNumber(values.port ?? process.env.KICC_SIM_PORT, 'port', DEFAULT_PORT);
  const seed = wholeNumber(values.seed, 'seed', 1);
  const profile = values.profile ?? 'as-modelled';
  if (profileByName(profile) === undefined) {
    console.error(`unknown profile "${profile}"; one or more of (joined with +):`);
    console.error(`  ${KICC_PROFILE_NAMES.join(', ')}`);
    process.exit(2);
  }
  const sim = await startKiccSimulator({ port, seed, sampleReceipts: true, profile });
  const { tid, svcId, bizrNo } = sim.merchant;

  console.log(`KICC simulator (training) listening on ${sim.url}`);
  console.log(`  profile: ${profile}`);
  console.log(`  control: ${sim.url}/__sim/health · /__sim/ledger · /__sim/samples`);
  console.log('\nTraining credentials (simulator only, never KICC):');
  console.log(`  ChannelId  ${sim.credentials.channelId}`);
  console.log(`  SecretKey  ${sim.credentials.secretKey}`);
  console.log(`\nStore: tid ${tid} · svcId ${svcId} · bizrNo ${bizrNo}`);
  console.log('\nSample receipts (샘플 영수증):\n');
  console.log(
    table(
      [
        '#',
        '설명',
        '카드사',
        '카드번호',
        '금액',
        '부가세',
        '봉사료',
        '할부',
        '승인일시',
        '승인번호',
        'vanTrxNo',
        'mercTrxNo',
      ],
      sampleRows(sim.samples),
      [4, 5, 6],
    ),
  );
  console.log('\nCtrl-C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The simulator could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
