import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';
import type { KiccCredentials } from '../../electron/kicc/signing';
import type { SimCancellation, SimOriginal } from '../../electron/kicc/simulator/types';

/**
 * A simulator running in a child process (./engine-sim-child.ts), driven over its control path
 * (/__sim/..., docs/simulator.md): approvals, faults, and its ledger for the final comparison.
 */
export interface SimulatorProcess {
  url: string;
  credentials: KiccCredentials;
  merchant: { tid: string; svcId: string; bizrNo: string };
  approve(input: Record<string, unknown>): Promise<SimOriginal>;
  faults(action: Record<string, unknown>): Promise<void>;
  cancellations(): Promise<SimCancellation[]>;
  close(): Promise<void>;
}

export async function startSimulatorProcess(seed: number): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'engine-sim-child.ts'), String(seed)],
    {
      cwd: join(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`simulator process exited (${String(code)})`)));
  });
  const info = JSON.parse(first) as Pick<SimulatorProcess, 'url' | 'credentials' | 'merchant'>;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const res = await request(`${info.url}/__sim/${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`/__sim/${path}: ${res.statusCode} ${text}`);
    return JSON.parse(text) as unknown;
  };
  return {
    ...info,
    approve: async (input) => (await call('POST', 'approve', input)) as SimOriginal,
    faults: async (action) => {
      await call('POST', 'faults', action);
    },
    cancellations: async () =>
      ((await call('GET', 'ledger')) as { cancellations: SimCancellation[] }).cancellations,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
