import type { Bilingual } from '../../shared/kicc/messages';
import type { Result } from '../../shared/result';
import { err } from '../../shared/result';
import type { ImportLimits } from './limits';

/**
 * Why a file is refused as a whole, before any row is judged (issue 11 finding 4; issue 12
 * finding 8). Korean first; every message says what to do next, and none names a path.
 * docs/manager.md "Receipt import" lists the codes.
 */
export type ImportFileProblemCode =
  | 'empty'
  | 'too-large'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'unzipped-too-large'
  | 'old-excel'
  | 'unreadable'
  | 'out-of-memory'
  | 'took-too-long'
  | 'worker-failed'
  | 'cancelled';

export interface ImportFileProblem {
  code: ImportFileProblemCode;
  message: Bilingual;
}

const count = (n: number): string => n.toLocaleString('en-US');
const mb = (bytes: number): string => count(Math.round(bytes / (1024 * 1024)));
const NOTHING = { ko: '아무것도 가져오지 않았습니다.', en: 'Nothing was imported.' };

const messages: Record<ImportFileProblemCode, (limits: ImportLimits) => Bilingual> = {
  empty: () => ({ ko: '파일이 비어 있습니다.', en: 'The file is empty.' }),
  'too-large': (l) => ({
    ko: `파일이 너무 큽니다 (최대 ${mb(l.maxFileBytes)}MB).`,
    en: `The file is too large (${mb(l.maxFileBytes)} MB at most).`,
  }),
  'too-many-rows': (l) => ({
    ko: `줄이 너무 많습니다 (최대 ${count(l.maxRows)}줄). 기간을 나눠 내보내세요.`,
    en: `Too many rows (${count(l.maxRows)} at most). Export a shorter period.`,
  }),
  'too-many-columns': (l) => ({
    ko: `열이 너무 많은 시트입니다 (최대 ${count(l.maxColumns)}열). 카드 승인 내역 파일이 아닌 것 같습니다. 백오피스에서 다시 내보내세요. ${NOTHING.ko}`,
    en: `A sheet has too many columns (${count(l.maxColumns)} at most). It does not look like a card approvals export; export it again from the back office. ${NOTHING.en}`,
  }),
  'unzipped-too-large': (l) => ({
    ko: `Excel 파일의 압축을 풀면 너무 큽니다 (최대 ${mb(l.maxUnzippedBytes)}MB). 기간을 나눠 내보내거나 CSV로 저장하세요. ${NOTHING.ko}`,
    en: `The Excel file is too large once unzipped (${mb(l.maxUnzippedBytes)} MB at most). Export a shorter period or save it as CSV. ${NOTHING.en}`,
  }),
  'old-excel': () => ({
    ko: '예전 Excel 형식(.xls)이나 암호가 걸린 파일은 읽을 수 없습니다. Excel에서 .xlsx 또는 CSV로 저장한 뒤 가져오세요.',
    en: 'Old Excel files (.xls) and password-protected files cannot be read. Save as .xlsx or CSV in Excel, then import.',
  }),
  unreadable: () => ({
    ko: 'Excel 파일을 읽을 수 없습니다. 파일이 손상되었거나 암호가 걸려 있을 수 있습니다.',
    en: 'The Excel file cannot be read. It may be damaged or password-protected.',
  }),
  'out-of-memory': () => ({
    ko: `파일을 읽는 데 메모리가 너무 많이 필요해 중단했습니다. 기간을 나눠 내보내세요. ${NOTHING.ko} 계산대는 그대로 쓸 수 있습니다.`,
    en: `Reading the file needed too much memory, so it was stopped. Export a shorter period. ${NOTHING.en} The desk works as before.`,
  }),
  'took-too-long': (l) => ({
    ko: `파일을 읽는 데 너무 오래 걸려 중단했습니다 (최대 ${count(Math.round(l.deadlineMs / 60_000))}분). 기간을 나눠 내보내세요. ${NOTHING.ko}`,
    en: `Reading the file took too long, so it was stopped (${count(Math.round(l.deadlineMs / 60_000))} min at most). Export a shorter period. ${NOTHING.en}`,
  }),
  'worker-failed': () => ({
    ko: `파일을 읽다가 문제가 생겨 중단했습니다. ${NOTHING.ko} 다시 해 보고, 계속되면 파일을 CSV로 저장해 가져오세요.`,
    en: `Something went wrong while reading the file, so it was stopped. ${NOTHING.en} Try again; if it keeps happening, save the file as CSV and import that.`,
  }),
  cancelled: () => ({
    ko: `가져오기를 취소했습니다. ${NOTHING.ko}`,
    en: `The import was cancelled. ${NOTHING.en}`,
  }),
};

export function importProblem(
  code: ImportFileProblemCode,
  limits: ImportLimits,
): ImportFileProblem {
  return { code, message: messages[code](limits) };
}

export const refuse = (
  code: ImportFileProblemCode,
  limits: ImportLimits,
): Result<never, ImportFileProblem> => err(importProblem(code, limits));
