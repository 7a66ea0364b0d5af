import { settingsPatchSchema } from '../../shared/contract';
import type {
  IntegrityStatus,
  PosError,
  PosResult,
  Settings,
  SettingsPatch,
} from '../../shared/contract';
import type { IntegrityFinding } from '../../shared/contract/manager-models';
import type { JsonObject } from '../audit/canonical';
import { findingMessage } from '../integrity/findings';
import type { FindingChange } from '../integrity/findings';
import type { InstallIntegrity } from '../integrity/install-integrity';
import type { StoredSettings } from '../settings/schema';

/**
 * The manager's side of the tamper evidence (issue 11: "shown to the manager, and what still
 * works until a manager confirms"): what was found at start, in plain words, and the manager's
 * confirmation, each recorded in the install-wide audit log. For a settings file changed by
 * hand the sealed settings are in force; the manager may apply the file's values instead, as
 * an ordinary, audited settings change.
 */
export interface IntegrityOpsDeps {
  integrity: InstallIntegrity;
  settings: {
    current(): StoredSettings;
    update?(patch: SettingsPatch): PosResult<Settings>;
  };
  /** the install-wide audit log */
  record(kind: string, subject: string, details: JsonObject): void;
  /** after a settings change (audited and sealed by the caller) */
  settingsChanged(before: Settings, after: Settings): void;
  getSettings(): Settings;
}

const notFound = (): PosError => ({
  code: 'not-found',
  message: {
    ko: '확인할 항목을 찾을 수 없습니다. 이미 확인되었을 수 있습니다.',
    en: 'Nothing to confirm under that id; it may already be confirmed.',
  },
});

/** 'limits.cashierMaxAmount' → { limits: { cashierMaxAmount } }: the file's values as a patch. */
export function patchOfChanges(changes: readonly FindingChange[]): SettingsPatch | null {
  const patch: Record<string, unknown> = {};
  for (const { key, found } of changes) {
    const [head, tail] = key.split('.', 2);
    if (head === undefined) continue;
    if (tail === undefined) patch[head] = found;
    else patch[head] = { ...(patch[head] as object | undefined), [tail]: found };
  }
  const parsed = settingsPatchSchema.safeParse(patch);
  return parsed.success ? parsed.data : null;
}

export function createIntegrityOps(deps: IntegrityOpsDeps) {
  const { integrity } = deps;
  const view = (f: ReturnType<InstallIntegrity['findings']>[number]): IntegrityFinding => ({
    id: f.id,
    kind: f.kind,
    at: f.at,
    message: findingMessage(f),
    changes: f.changes,
    canApply:
      f.kind === 'settings-changed' &&
      deps.settings.update !== undefined &&
      patchOfChanges(f.changes) !== null,
  });
  const status = (): IntegrityStatus => ({
    sealed: integrity.state === 'sealed',
    findings: integrity.findings().map(view),
    liveBlockedBy: integrity.liveBlockedBy(),
  });

  return {
    status,
    confirm(input: { id: string; apply: boolean }): PosResult<IntegrityStatus> {
      const finding = integrity.findings().find((f) => f.id === input.id);
      if (finding === undefined) return { ok: false, error: notFound() };
      let applied = false;
      if (input.apply && view(finding).canApply && deps.settings.update) {
        const before = deps.getSettings();
        const updated = deps.settings.update(patchOfChanges(finding.changes) as SettingsPatch);
        if (!updated.ok) return updated;
        deps.settingsChanged(before, updated.value);
        applied = true;
      }
      integrity.confirm(finding.id, deps.settings.current());
      deps.record('integrity.confirmed', 'integrity', {
        finding: finding.kind,
        id: finding.id,
        applied,
      });
      return { ok: true, value: status() };
    },
  };
}
