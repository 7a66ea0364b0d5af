import { z } from 'zod';
import {
  cashiersSchema,
  confirmedCodesSchema,
  isAllowedApiBaseUrl,
  isValidStoreName,
  limitsSchema,
  settingsSchema,
  STORE_NAME_MAX,
} from '../../shared/contract';
import type { Settings } from '../../shared/contract';
import { runChecks } from '../../shared/kicc/fields';
import { CANCEL_FIELD_RULES } from '../../shared/kicc/requests';

/**
 * The settings file (electron-store, <userData>/settings.json), as data that is versioned.
 * `schemaVersion` is the FILE's format; ./migrations.ts brings older files up to it.
 *
 * The structural rules below are also handed to electron-store as its JSON Schema (generated
 * from this one zod schema, so there is no second copy); the KICC field rules on top of them
 * (terminal id, service id, business number) are the shared ones (shared/kicc/requests.ts).
 * Empty strings mean "not configured yet": a fresh install runs in training mode.
 */
export const SETTINGS_VERSION = 6;

const ASCII = /^[\x20-\x7e]*$/;

/** '' (not configured) or a value that passes KICC's rule for that field. */
const kiccOrEmpty = (field: 'tid' | 'svcId' | 'bizrNo', max: number) =>
  z
    .string()
    .max(max)
    .regex(ASCII)
    .refine(
      (value) => value === '' || runChecks(CANCEL_FIELD_RULES[field].checks, value, field) === null,
      `not a valid ${field}`,
    );

export const storedSettingsSchema = z.strictObject({
  schemaVersion: z.literal(SETTINGS_VERSION),
  apiBaseUrl: z
    .string()
    .max(200)
    .refine((s) => s === '' || isAllowedApiBaseUrl(s), 'https://host'),
  terminalId: kiccOrEmpty('tid', 10),
  serviceId: kiccOrEmpty('svcId', 10),
  businessNumber: kiccOrEmpty('bizrNo', 10),
  limits: z.strictObject({
    cashierMaxAmount: z.int().min(0),
    offlineMaxCount: z.int().min(0).max(10_000),
    offlineMaxAmount: z.int().min(0),
  }),
  language: z.enum(['ko', 'en']),
  /** the slip's store line (상호), version 2; '' = not set (the line prints empty) */
  storeName: z
    .string()
    .max(STORE_NAME_MAX * 2)
    .refine(isValidStoreName, `trimmed, at most ${STORE_NAME_MAX} printable characters`),
  printerName: z.string().max(200),
  startAtLogin: z.boolean(),
  /** version 3: full-screen kiosk window (a manager's choice; default a maximized window) */
  kiosk: z.boolean(),
  /** version 4: the store's cashiers ([] = a one-person store, recorded as "계산원") */
  cashiers: cashiersSchema,
  /** version 5 (issue 9): KICC codes a manager confirmed to mean "nothing happened" */
  confirmedRefusalCodes: confirmedCodesSchema,
  /** version 6: print the final slip by itself when a waited-for cancellation settles */
  autoPrintSettled: z.boolean(),
  /** version 6: where the daily backup goes (chosen in main's folder dialog); '' = none */
  backupFolder: z.string().max(1000),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

/**
 * A fresh install: training mode, Korean, limits a small shop would start with (the manager
 * changes them; DESIGN.md "Exposure limits, like the store-and-forward terminals").
 */
export const DEFAULT_SETTINGS: StoredSettings = {
  schemaVersion: SETTINGS_VERSION,
  apiBaseUrl: '',
  terminalId: '',
  serviceId: '',
  businessNumber: '',
  limits: { cashierMaxAmount: 300_000, offlineMaxCount: 20, offlineMaxAmount: 1_000_000 },
  language: 'ko',
  storeName: '',
  printerName: '',
  startAtLogin: false,
  kiosk: false,
  cashiers: [],
  confirmedRefusalCodes: [],
  autoPrintSettled: false,
  backupFolder: '',
};

/** What the page sees: everything but the file's own bookkeeping. */
export function publicSettings(stored: StoredSettings): Settings {
  const { schemaVersion: _version, ...rest } = stored;
  return settingsSchema.parse({ ...rest, limits: limitsSchema.parse(rest.limits) });
}

/**
 * electron-store's `schema` (the root's properties) and `rootSchema` (the rest), generated from
 * storedSettingsSchema. Refinements (KICC rules, URL rule) cannot be JSON Schema: zod checks
 * those (./settings-store.ts) on every read and write.
 */
export function settingsJsonSchema(): {
  schema: Record<string, unknown>;
  rootSchema: Record<string, unknown>;
} {
  const json = z.toJSONSchema(storedSettingsSchema, {
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as { properties: Record<string, unknown>; required: string[] };
  return {
    schema: json.properties,
    rootSchema: { required: json.required, additionalProperties: false },
  };
}
