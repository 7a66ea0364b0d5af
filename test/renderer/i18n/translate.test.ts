import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { ko } from '../../../renderer/i18n/ko';
import { managerMessages } from '../../../renderer/i18n/manager-messages';
import { otherLanguage, translate } from '../../../renderer/i18n/translate';

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => vi.restoreAllMocks());

describe('translations', () => {
  it.each([
    ['the desk', ko, en],
    ["the manager's screens", managerMessages.ko, managerMessages.en],
  ] as const)('%s: English has exactly the Korean keys, none empty', (_what, kor, eng) => {
    expect(Object.keys(eng).sort()).toEqual(Object.keys(kor).sort());
    for (const table of [kor, eng]) {
      for (const text of Object.values(table)) expect(text.trim()).not.toBe('');
    }
  });

  it('the two sets never share a key (a text lives with the screens that show it)', () => {
    const desk = new Set(Object.keys(ko));
    expect(Object.keys(managerMessages.ko).filter((key) => desk.has(key))).toEqual([]);
  });

  it.each([
    ['the desk', ko, en],
    ["the manager's screens", managerMessages.ko, managerMessages.en],
  ] as const)('%s: the same placeholders in both languages', (_what, kor, eng) => {
    for (const key of Object.keys(kor) as (keyof typeof kor)[]) {
      expect(names(eng[key]), key).toEqual(names(kor[key]));
    }
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translate('ko', 'status.queue', { count: 3, total: '30,000원' })).toBe(
      '미완료 3건 · 30,000원',
    );
    expect(translate('en', 'status.queue', { count: 3 })).toBe('Unfinished 3 · {total}');
  });

  it('a text whose table is not loaded shows its key and says so on the console', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(translate('ko', 'nothing.here' as never)).toBe('nothing.here');
    expect(error).toHaveBeenCalledWith('translate: "nothing.here" is not loaded (ko)');
  });

  it('switches between the two languages', () => {
    expect(otherLanguage('ko')).toBe('en');
    expect(otherLanguage('en')).toBe('ko');
  });

  it('keeps the words DESIGN.md and STYLE.md fix for the outcomes', () => {
    expect(ko['outcome.cancelled']).toBe('취소 완료');
    expect(ko['outcome.rejected']).toBe('취소 거절');
    expect(ko['outcome.verifying']).toBe('취소 확인 중 — 현금으로 환불하지 마세요');
  });
});
