import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { ko } from '../../../renderer/i18n/ko';
import { otherLanguage, translate } from '../../../renderer/i18n/translate';

describe('translations', () => {
  it('English has exactly the Korean keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const table of [ko, en]) {
      for (const text of Object.values(table)) expect(text.trim()).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      expect(names(en[key]), key).toEqual(names(ko[key]));
    }
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translate('ko', 'status.queue', { count: 3, total: '30,000원' })).toBe(
      '미완료 3건 · 30,000원',
    );
    expect(translate('en', 'status.queue', { count: 3 })).toBe('Unfinished 3 · {total}');
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
