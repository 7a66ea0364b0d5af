import { startKiccSimulator } from '../../electron/kicc/simulator/server';

/**
 * The simulator in a process of its own, for the drain bench: KICC is another machine in real
 * life, so the engine should not share its event loop with it. Prints one JSON line with the
 * URL, the (training) credentials and the merchant; runs until killed.
 */
async function main(): Promise<void> {
  const sim = await startKiccSimulator({ seed: Number(process.argv[2] ?? 1) });
  process.stdout.write(
    `${JSON.stringify({ url: sim.url, credentials: sim.credentials, merchant: sim.merchant })}\n`,
  );
  process.on('SIGTERM', () => {
    void sim.close().then(() => process.exit(0));
  });
}

void main();
