import type { Bilingual } from '../../shared/kicc/messages';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { ImportedReceipt } from './receipt';
import type { ImportPreview, ParsedReceipt } from './preview';

/**
 * Import is all-or-nothing and idempotent (issue 6 "Receipt import").
 *  - all-or-nothing: any header problem, any row error or any conflicting duplicate refuses the
 *    whole file; otherwise every new row is inserted in ONE transaction.
 *  - idempotent: a row whose key ('van:…' / 'merc:…') the ledger already holds is skipped, so
 *    importing the same file twice, or an export that overlaps yesterday's, adds nothing twice.
 *    An existing receipt is never changed by an import (decided, docs/manager.md).
 */

export type ImportRefusalCode =
  'header-problems' | 'row-errors' | 'conflicting-duplicates' | 'empty';

export interface ImportRefusal {
  code: ImportRefusalCode;
  message: Bilingual;
}

export interface ImportPlan {
  toInsert: ParsedReceipt[];
  alreadyPresent: { row: number; key: string }[];
  /** exact repeats inside the file, imported once */
  repeatedInFile: number;
}

export interface ImportSummary {
  inserted: number;
  alreadyPresent: number;
  repeatedInFile: number;
}

const refusal = (code: ImportRefusalCode, message: Bilingual): ImportRefusal => ({ code, message });

export function planImport(
  preview: ImportPreview,
  existingKeys: ReadonlySet<string>,
): Result<ImportPlan, ImportRefusal> {
  if (preview.headerProblems.length > 0) {
    return err(
      refusal('header-problems', {
        ko: '열 제목에 문제가 있어 가져올 수 없습니다. 미리보기의 안내대로 파일을 고치세요.',
        en: 'The column titles have problems; fix the file as the preview says.',
      }),
    );
  }
  if (preview.errors.length > 0) {
    const n = preview.errors.length;
    return err(
      refusal('row-errors', {
        ko: `오류가 있는 줄이 ${n}개 있어 아무것도 가져오지 않았습니다. 고친 뒤 다시 가져오세요.`,
        en: `${n} ${n === 1 ? 'row has' : 'rows have'} errors, so nothing was imported. Fix and import again.`,
      }),
    );
  }
  const conflicts = preview.duplicatesInFile.filter((d) => d.conflict);
  if (conflicts.length > 0) {
    return err(
      refusal('conflicting-duplicates', {
        ko: `같은 거래번호에 다른 내용이 있는 줄이 ${conflicts.length}개 있습니다. 어느 것이 맞는지 고친 뒤 다시 가져오세요.`,
        en: `${conflicts.length} rows repeat a transaction number with different data. Fix them and import again.`,
      }),
    );
  }
  if (preview.rows.length === 0) {
    return err(
      refusal('empty', { ko: '가져올 영수증이 없습니다.', en: 'There are no receipts to import.' }),
    );
  }
  const toInsert: ParsedReceipt[] = [];
  const alreadyPresent: ImportPlan['alreadyPresent'] = [];
  for (const parsed of preview.rows) {
    const present = parsed.keys.find((key) => existingKeys.has(key));
    if (present === undefined) toInsert.push(parsed);
    else alreadyPresent.push({ row: parsed.row, key: present });
  }
  return ok({ toInsert, alreadyPresent, repeatedInFile: preview.duplicatesInFile.length });
}

/** What the ledger provides for an import (docs/manager.md "Receipt import" shows the wiring). */
export interface ImportStore {
  /** Runs `work` in ONE transaction: the ledger's `write` (../store-ops/import-ledger.ts). */
  transaction<T>(work: () => T): T;
  /** Which of these keys the ledger already holds (receipts' van_trx_no / merc_trx_no). */
  existingKeys(keys: readonly string[]): ReadonlySet<string>;
  /** Inserts receipts with source 'imported'; throws on any failure (rolling back all). */
  insertMany(receipts: readonly ImportedReceipt[]): void;
}

/**
 * Plans and writes in the same transaction, so the "already present" answer cannot go stale
 * between the check and the insert. A database error propagates (an exception: a bug or a
 * broken disk) and the transaction leaves the ledger as it was.
 */
export function commitImport(
  preview: ImportPreview,
  store: ImportStore,
): Result<ImportSummary, ImportRefusal> {
  return store.transaction(() => {
    const keys = preview.rows.flatMap((parsed) => parsed.keys);
    const plan = planImport(preview, store.existingKeys(keys));
    if (!plan.ok) return plan;
    if (plan.value.toInsert.length > 0) {
      store.insertMany(plan.value.toInsert.map((parsed) => parsed.receipt));
    }
    return ok({
      inserted: plan.value.toInsert.length,
      alreadyPresent: plan.value.alreadyPresent.length,
      repeatedInFile: plan.value.repeatedInFile,
    });
  });
}
