import { kstDateTime } from '../kicc/time';

/** Texts printed on slips: Korea time, KICC dates with dashes (STYLE.md "dates and times in Korea time"). */

/** "2023-12-26 10:00:02", Korea time, whatever the PC's zone. */
export function formatKstDateTime(epochMs: number): string {
  const { date, time } = kstDateTime(epochMs);
  return `${formatKiccDate(date)} ${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}`;
}

/** "20231225" -> "2023-12-25"; anything that is not 8 digits is printed as it is. */
export function formatKiccDate(yyyymmdd: string): string {
  return /^[0-9]{8}$/.test(yyyymmdd)
    ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
    : yyyymmdd;
}

/** "1234567890" -> "123-45-67890" (사업자등록번호 as Korean receipts print it). */
export function formatBusinessNumber(digits: string): string {
  return /^[0-9]{10}$/.test(digits)
    ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`
    : digits;
}

/** alotMonth "00" -> 일시불 / Lump sum; "03" -> 3개월 / 3 months. */
export function formatInstallment(alotMonth: string, locale: 'ko' | 'en'): string {
  if (!/^[0-9]{2}$/.test(alotMonth)) return alotMonth;
  const months = Number(alotMonth);
  if (months === 0) return locale === 'ko' ? '일시불' : 'Lump sum';
  return locale === 'ko' ? `${months}개월` : `${months} ${months === 1 ? 'month' : 'months'}`;
}
