import { describe, expect, it } from 'vitest';
import type { ImportCell } from '../../../electron/import/table';
import { alotMonthOf, amountOf, dateOf, textOf, timeOf } from '../../../electron/import/values';

describe('amountOf', () => {
  it.each<[ImportCell, unknown]>([
    ['10000', 10000],
    ['10,000', 10000],
    [' 10,000 ', 10000],
    ['10,000원', 10000],
    ['₩10,000', 10000],
    ['KRW 10,000', 10000],
    [10000, 10000],
    ['0', 0],
    ['1,234,567', 1234567],
    ['10000.5', 10000.5], // kept: checkAmount refuses it as not whole won
    ['-1000', -1000], // kept: checkAmount refuses it
    ['만원', '만원'], // unreadable: the text goes to the rule, which says "must be a number"
    ['', undefined],
    [null, undefined],
  ])('%j -> %j', (cell, value) => {
    expect(amountOf(cell)).toEqual(value);
  });
});

describe('dateOf', () => {
  it.each<[ImportCell, unknown, string | undefined]>([
    ['2023-12-25', '20231225', undefined],
    ['2023.12.25', '20231225', undefined],
    ['2023/12/25', '20231225', undefined],
    ['2023. 12. 25.', '20231225', undefined],
    ['2023년 12월 25일', '20231225', undefined],
    ['2023-1-5', '20230105', undefined],
    ['20231225', '20231225', undefined],
    ['20231225 103000', '20231225', '103000'],
    ['2023-12-25 10:30:00', '20231225', '103000'],
    ['2023-12-25T10:30:00', '20231225', '103000'],
    ['2023-12-25 오후 3:05:00', '20231225', '150500'],
    [new Date(Date.UTC(2023, 11, 25)), '20231225', undefined],
    [new Date(Date.UTC(2023, 11, 25, 10, 30, 0)), '20231225', '103000'],
    [20231225, '20231225', undefined],
    ['25/12/2023', '25/12/2023', undefined], // day first: left for checkDate to refuse
    ['', undefined, undefined],
  ])('%j -> %j %j', (cell, date, time) => {
    expect(dateOf(cell)).toEqual({ date, time });
  });
});

describe('timeOf', () => {
  it.each<[ImportCell, unknown]>([
    ['10:30:00', '103000'],
    ['10:30', '103000'],
    ['9:05:07', '090507'],
    ['103000', '103000'],
    ['오전 12:10:00', '001000'],
    ['오후 12:10:00', '121000'],
    ['3:05 PM', '150500'],
    [new Date(Date.UTC(1899, 11, 30, 14, 0, 5)), '140005'], // an Excel time-only cell
    ['noon', 'noon'],
    [null, undefined],
  ])('%j -> %j', (cell, value) => {
    expect(timeOf(cell)).toEqual(value);
  });
});

describe('alotMonthOf', () => {
  it.each<[ImportCell, unknown]>([
    ['일시불', '00'],
    ['', '00'],
    [null, '00'],
    ['0', '00'],
    ['00', '00'],
    [0, '00'],
    ['3', '03'],
    [3, '03'],
    ['03', '03'],
    ['3개월', '03'],
    ['12 months', '12'],
    ['lump sum', '00'],
    ['무이자', '무이자'],
    [3.5, '3.5'],
  ])('%j -> %j', (cell, value) => {
    expect(alotMonthOf(cell)).toEqual(value);
  });
});

describe('textOf', () => {
  it.each<[ImportCell, string | undefined]>([
    ['  V1234  ', 'V1234'],
    [12345678, '12345678'],
    ['', undefined],
    [null, undefined],
  ])('%j -> %j', (cell, value) => {
    expect(textOf(cell)).toBe(value);
  });
});
