import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The installer cannot be built here (no Electron binary), so the configuration is checked
// against electron-builder's own JSON schema, and the promises docs/packaging.md makes are
// asserted one by one.
const root = join(__dirname, '../../..');
const require = createRequire(import.meta.url);
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema (unknown keys refused)", () => {
    const schema: unknown = JSON.parse(
      readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema as object, config);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(ajv.validate(schema as object, { ...config, bogusKey: 1 })).toBe(false);
  });

  it('builds NSIS installers for x64 and ia32 with a real appId and product name', () => {
    expect(config.appId).toBe('kr.kiccdesk.canceldesk');
    expect(config.productName).toBe('KICC Cancel Desk');
    expect(config.win).toEqual({ target: [{ target: 'nsis', arch: ['x64', 'ia32'] }] });
  });

  it('offers the per-machine install, chosen by default (the app folder out of the cashier’s reach)', () => {
    // issue 11: the assisted installer's install-mode page, "all users" preselected, elevation
    // asked for; "only for me" still possible where no administrator is at hand
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: true,
      allowElevation: true,
    });
  });

  it('keeps the app data (the ledger) on uninstall and upgrade', () => {
    expect(config.nsis).toMatchObject({ deleteAppDataOnUninstall: false });
  });

  it('flips the fuses: no run-as-node, cookie encryption, ASAR integrity, app only from ASAR', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('publishes nowhere (no update feed reaching out)', () => {
    expect(config.publish).toBeNull();
  });
});
