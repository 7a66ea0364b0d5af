import type { SettingsPatch } from '../../../shared/contract/requests';
import type { Language, Settings } from '../../../shared/contract/models';
import {
  CASHIERS_MAX,
  CASHIER_NAME_MAX,
  isAllowedApiBaseUrl,
  isPrintableText,
  isValidCashierName,
  isValidCashierNo,
  repeatedCashierNos,
  CONFIRMED_CODES_MAX,
  confirmedCodesProblem,
  parseCodeList,
  STORE_NAME_MAX,
} from '../../../shared/contract/settings-rules';
import type { CashierEntry } from '../../../shared/contract/settings-rules';
import type { FieldError } from '../../../shared/kicc/fields';
import { validateCancelField } from '../../../shared/kicc/requests';
import { amountText, parseAmount } from '../cancel/form';

/**
 * The manager's settings form as plain data (issue 6 "Settings"). Terminal id, service id and
 * business number are checked as typed with KICC's own rules (shared/kicc/requests.ts, the ones
 * the settings file and the client enforce), so the form shows the very message main would.
 * Limits are whole won / a whole count, within the contract's bounds.
 *
 * The API address and the store name are checked as typed with the contract's own rules
 * (shared/contract/settings-rules.ts, zod-free: the page bundle carries no zod, docs/renderer.md);
 * main checks them again on save and its refusal comes back onto the field.
 */
export interface SettingsDraft {
  apiBaseUrl: string;
  terminalId: string;
  serviceId: string;
  businessNumber: string;
  cashierMaxAmount: string;
  offlineMaxCount: string;
  offlineMaxAmount: string;
  language: Language;
  storeName: string;
  printerName: string;
  startAtLogin: boolean;
  kiosk: boolean;
  /** the store's cashiers, one per line: "07 김민지" ('' = a one-person store) */
  cashiers: string;
  /** KICC codes confirmed to mean "nothing happened", as typed: "S001, S004" (issue 9) */
  confirmedRefusalCodes: string;
  autoPrintSettled: boolean;
}

export type SettingsField = keyof SettingsDraft;
export type SettingsErrors = Partial<Record<SettingsField, FieldError[]>>;

/** the contract's bounds (limitsPatchSchema) */
export const OFFLINE_MAX_COUNT = 10_000;
const PRINTER_MAX = 200;

export function draftOf(settings: Settings): SettingsDraft {
  return {
    apiBaseUrl: settings.apiBaseUrl,
    terminalId: settings.terminalId,
    serviceId: settings.serviceId,
    businessNumber: settings.businessNumber,
    cashierMaxAmount: amountText(settings.limits.cashierMaxAmount),
    offlineMaxCount: String(settings.limits.offlineMaxCount),
    offlineMaxAmount: amountText(settings.limits.offlineMaxAmount),
    language: settings.language,
    storeName: settings.storeName,
    printerName: settings.printerName,
    startAtLogin: settings.startAtLogin,
    kiosk: settings.kiosk,
    cashiers: cashiersText(settings.cashiers),
    confirmedRefusalCodes: settings.confirmedRefusalCodes.join(', '),
    autoPrintSettled: settings.autoPrintSettled,
  };
}

/** The list as the manager edits it: one cashier a line, number then name. */
export const cashiersText = (list: readonly CashierEntry[]): string =>
  list.map((c) => `${c.no} ${c.name}`).join('\n');

/**
 * The lines typed, as cashiers and the problems of each line (the same rules main applies:
 * shared/contract/settings-rules.ts). Blank lines are skipped.
 */
export function parseCashiers(text: string): { list: CashierEntry[]; errors: FieldError[] } {
  const list: CashierEntry[] = [];
  const errors: FieldError[] = [];
  const problem = (line: number | null, ko: string, en: string): void => {
    errors.push({
      field: 'cashiers',
      rule: 'type',
      message:
        line === null ? message(ko, en) : message(`${line}번째 줄: ${ko}`, `Line ${line}: ${en}`),
    });
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const match = /^(\S+)\s+(.+)$/.exec(line);
    const no = match?.[1] ?? line;
    const name = match?.[2]?.trim() ?? '';
    if (!isValidCashierNo(no))
      problem(index + 1, '번호는 숫자 1~4자리입니다', 'the number is 1–4 digits');
    else if (!isValidCashierName(name)) {
      problem(
        index + 1,
        `번호 뒤에 이름을 ${CASHIER_NAME_MAX}자 이하로 쓰세요`,
        `write a name of at most ${CASHIER_NAME_MAX} characters after the number`,
      );
    } else list.push({ no, name });
  });
  for (const no of repeatedCashierNos(list)) {
    problem(null, `번호 ${no}이(가) 두 번 쓰였습니다`, `number ${no} is used twice`);
  }
  if (list.length > CASHIERS_MAX) {
    problem(null, `계산원은 ${CASHIERS_MAX}명까지입니다`, `at most ${CASHIERS_MAX} cashiers`);
  }
  return { list, errors };
}

/** "123-45-67890" as printed on the registration certificate -> the 10 digits KICC wants. */
export const businessDigits = (text: string): string => text.replace(/[-\s]/g, '');

const message = (ko: string, en: string) => ({ ko, en });

function wholeNumber(field: SettingsField, text: string, max: number): FieldError[] {
  const value = parseAmount(text);
  if (value === undefined) {
    return [{ field, rule: 'required', message: message('필수 항목입니다', 'Required') }];
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    return [
      {
        field,
        rule: 'amount',
        message: message('0 이상의 정수로 입력하세요', 'Enter a whole number, 0 or more'),
      },
    ];
  }
  if (value > max) {
    return [
      {
        field,
        rule: 'amount',
        message: message(
          `${max.toLocaleString('en-US')} 이하로 입력하세요`,
          `At most ${max.toLocaleString('en-US')}`,
        ),
      },
    ];
  }
  return [];
}

const CODE_PROBLEMS = {
  format: message(
    '코드는 KICC 응답 코드처럼 4자리 영문·숫자로, 쉼표나 빈칸으로 나눠 입력하세요 (예: S001, S004)',
    'Each code is 4 letters or digits like a KICC result code, separated by commas or spaces (e.g. S001, S004)',
  ),
  success: message(
    '0000은 정상 처리 코드라 넣을 수 없습니다',
    '0000 means success and cannot be listed',
  ),
  repeated: message('같은 코드가 두 번 들어 있습니다', 'A code is listed twice'),
  'too-many': message(
    `${CONFIRMED_CODES_MAX}개 이하로 입력하세요`,
    `At most ${CONFIRMED_CODES_MAX} codes`,
  ),
};

function confirmedCodesErrors(text: string): FieldError[] {
  const problem = confirmedCodesProblem(parseCodeList(text));
  return problem === null
    ? []
    : [{ field: 'confirmedRefusalCodes', rule: 'type', message: CODE_PROBLEMS[problem] }];
}

function storeNameErrors(name: string): FieldError[] {
  const errors: FieldError[] = [];
  if ([...name].length > STORE_NAME_MAX) {
    errors.push({
      field: 'storeName',
      rule: 'maxBytes',
      message: message(
        `${STORE_NAME_MAX}자 이하로 입력하세요`,
        `At most ${STORE_NAME_MAX} characters`,
      ),
    });
  }
  if (!isPrintableText(name)) {
    errors.push({
      field: 'storeName',
      rule: 'type',
      message: message(
        '줄바꿈·탭 같은 제어 문자는 쓸 수 없습니다',
        'No line breaks, tabs or other control characters',
      ),
    });
  }
  return errors;
}

/** Every field's errors, as the manager types. */
export function validateSettings(draft: SettingsDraft): SettingsErrors {
  const errors: SettingsErrors = {};
  const put = (field: SettingsField, found: FieldError[]) => {
    if (found.length > 0) errors[field] = found.map((e) => ({ ...e, field }));
  };
  const apiBaseUrl = draft.apiBaseUrl.trim();
  if (apiBaseUrl !== '' && !isAllowedApiBaseUrl(apiBaseUrl)) {
    put('apiBaseUrl', [
      {
        field: 'apiBaseUrl',
        rule: 'type',
        message: message(
          'https://로 시작하는 주소만, 경로 없이 입력하세요 (예: https://api.example.co.kr)',
          'Only https:// and the host, no path (e.g. https://api.example.co.kr)',
        ),
      },
    ]);
  }
  put('terminalId', validateCancelField('tid', draft.terminalId.trim()));
  put('serviceId', validateCancelField('svcId', draft.serviceId.trim()));
  put('businessNumber', validateCancelField('bizrNo', businessDigits(draft.businessNumber)));
  put('cashierMaxAmount', wholeNumber('cashierMaxAmount', draft.cashierMaxAmount, 2 ** 53 - 1));
  put('offlineMaxCount', wholeNumber('offlineMaxCount', draft.offlineMaxCount, OFFLINE_MAX_COUNT));
  put('offlineMaxAmount', wholeNumber('offlineMaxAmount', draft.offlineMaxAmount, 2 ** 53 - 1));
  put('storeName', storeNameErrors(draft.storeName.trim()));
  put('cashiers', parseCashiers(draft.cashiers).errors);
  put('confirmedRefusalCodes', confirmedCodesErrors(draft.confirmedRefusalCodes));
  if (draft.printerName.length > PRINTER_MAX) {
    put('printerName', [
      {
        field: 'printerName',
        rule: 'maxBytes',
        message: message(`${PRINTER_MAX}자 이하로 입력하세요`, `At most ${PRINTER_MAX} characters`),
      },
    ]);
  }
  return errors;
}

/**
 * Only what changed is sent (settings.update takes a partial): a field left alone is never
 * re-validated by main, so a store not yet configured (empty ids, training) can change its
 * limits or printer without inventing a terminal id. A field that was configured and is edited
 * must pass its rule.
 */
export function settingsPatch(saved: Settings, draft: SettingsDraft): SettingsPatch {
  const patch: SettingsPatch = {};
  const number = (text: string): number => {
    const value = parseAmount(text);
    return typeof value === 'number' ? value : 0;
  };
  if (draft.apiBaseUrl.trim() !== saved.apiBaseUrl) patch.apiBaseUrl = draft.apiBaseUrl.trim();
  if (draft.terminalId.trim() !== saved.terminalId) patch.terminalId = draft.terminalId.trim();
  if (draft.serviceId.trim() !== saved.serviceId) patch.serviceId = draft.serviceId.trim();
  const bizrNo = businessDigits(draft.businessNumber);
  if (bizrNo !== saved.businessNumber) patch.businessNumber = bizrNo;
  const limits: NonNullable<SettingsPatch['limits']> = {};
  const cashier = number(draft.cashierMaxAmount);
  if (cashier !== saved.limits.cashierMaxAmount) limits.cashierMaxAmount = cashier;
  const count = number(draft.offlineMaxCount);
  if (count !== saved.limits.offlineMaxCount) limits.offlineMaxCount = count;
  const amount = number(draft.offlineMaxAmount);
  if (amount !== saved.limits.offlineMaxAmount) limits.offlineMaxAmount = amount;
  if (Object.keys(limits).length > 0) patch.limits = limits;
  if (draft.language !== saved.language) patch.language = draft.language;
  if (draft.storeName.trim() !== saved.storeName) patch.storeName = draft.storeName.trim();
  if (draft.printerName !== saved.printerName) patch.printerName = draft.printerName;
  if (draft.startAtLogin !== saved.startAtLogin) patch.startAtLogin = draft.startAtLogin;
  if (draft.kiosk !== saved.kiosk) patch.kiosk = draft.kiosk;
  const cashiers = parseCashiers(draft.cashiers).list;
  if (cashiersText(cashiers) !== cashiersText(saved.cashiers)) patch.cashiers = cashiers;
  const codes = parseCodeList(draft.confirmedRefusalCodes);
  if (codes.join(',') !== saved.confirmedRefusalCodes.join(',')) {
    patch.confirmedRefusalCodes = codes;
  }
  if (draft.autoPrintSettled !== saved.autoPrintSettled) {
    patch.autoPrintSettled = draft.autoPrintSettled;
  }
  return patch;
}

/** Fields whose text differs from what is saved (only those are sent, and judged). */
export function changedFields(saved: Settings, draft: SettingsDraft): Set<SettingsField> {
  const before = draftOf(saved);
  const changed = new Set<SettingsField>();
  for (const field of Object.keys(draft) as SettingsField[]) {
    const now = draft[field];
    const was = before[field];
    const same =
      typeof now === 'string' && typeof was === 'string' ? sameText(field, now, was) : now === was;
    if (!same) changed.add(field);
  }
  return changed;
}

function sameText(field: SettingsField, now: string, was: string): boolean {
  if (field === 'businessNumber') return businessDigits(now) === was;
  if (field === 'confirmedRefusalCodes') {
    return parseCodeList(now).join(',') === parseCodeList(was).join(',');
  }
  return now.trim() === was.trim();
}

/** The errors that stop a save: a field left as saved is not held against the form. */
export function blockingErrors(saved: Settings, draft: SettingsDraft): SettingsErrors {
  const errors = validateSettings(draft);
  const changed = changedFields(saved, draft);
  const blocking: SettingsErrors = {};
  for (const [field, list] of Object.entries(errors) as [SettingsField, FieldError[]][]) {
    if (changed.has(field)) blocking[field] = list;
  }
  return blocking;
}
