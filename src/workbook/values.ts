/** Reading single cell values: Swedish numbers, amounts, percents, dates, yes/no. */
import { daysInMonth, fromExcelSerial, isValidDate, YMD } from '../engine/calendar';
import { kr, Kronor } from '../engine/kronor';
import { D, Ratio } from '../engine/money';
import { errorMessage, ErrorCode, ErrorParams } from '../messages/errors';
import { MONTH_ABBR_SV, MONTHS } from '../messages/format';
import type { CellValue, Failure } from './grid';

export type Parsed<T> = { ok: true; value: T } | ({ ok: false; message: string } & Failure);
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export function fail<C extends ErrorCode>(code: C, params: ErrorParams<C>): Parsed<never> {
  return { ok: false, code, params, message: errorMessage(code, params) } as Parsed<never>;
}

/** The contract's bound on amounts: ±1 000 000 000 000 kr (workbook.md, "Bounds"). */
export const MAX_AMOUNT = 1_000_000_000_000;
/** The contract's bounds on years, wherever a year is read (workbook.md, "Bounds"). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export function isEmpty(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

const SPACES = /[\s\u00a0\u202f\u2007\u2009]/g;

/** "1 308 750 kr", "−1 428", "3,04" → a plain decimal string ("1308750", "-1428", "3.04"), or null. */
function numberText(text: string): string | null {
  let s = text.replace(SPACES, '').replace(/[−–]/g, '-');
  s = s.replace(/(kr|kronor|sek|tkr)$/i, '');
  if (/^[-+]?\d+(,\d+)?$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  return s;
}

/** Any number (a fraction too), as an exact decimal. */
export function parseNumber(v: CellValue): Parsed<Ratio> {
  if (typeof v === 'number' && Number.isFinite(v)) return ok(new D(String(v)));
  if (typeof v === 'string') {
    const n = numberText(v);
    if (n) return ok(new D(n));
  }
  return fail('notANumber', { text: cellText(v) });
}

/** Whole kronor within the contract's bounds. */
export function parseAmount(v: CellValue): Parsed<Kronor> {
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (Math.abs(v) > MAX_AMOUNT) return fail('amountTooLarge', { text: cellText(v) });
    if (!Number.isInteger(v)) return fail('notWholeKronor', { text: cellText(v) });
    return ok(kr(v));
  }
  if (typeof v === 'string') {
    const n = numberText(v);
    if (n) {
      const [whole, fraction = ''] = n.split('.') as [string, string?];
      if (/[1-9]/.test(fraction)) return fail('notWholeKronor', { text: cellText(v) });
      const digits = whole.replace(/^[-+]?0*/, '');
      if (digits.length > 13 || Math.abs(Number(whole)) > MAX_AMOUNT) return fail('amountTooLarge', { text: cellText(v) });
      return ok(kr(Number(whole)));
    }
  }
  return fail('notANumber', { text: cellText(v) });
}

/** A whole number (year, count, months); `what` says what is expected. */
export function parseInteger(v: CellValue, what: { sv: string; en: string }): Parsed<number> {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return ok(v);
  const n = parseNumber(v);
  if (!n.ok || !n.value.isInteger() || n.value.abs().greaterThan(Number.MAX_SAFE_INTEGER))
    return fail('notAnInteger', { text: cellText(v), what });
  return ok(n.value.toNumber());
}

/** A year (`År`, `Från år`, a year column's header): a whole number within 1900–2200. */
export function parseYear(v: CellValue, what: { sv: string; en: string }): Parsed<number> {
  const n = parseInteger(v, what);
  if (!n.ok) return n;
  if (n.value < MIN_YEAR || n.value > MAX_YEAR)
    return fail('yearOutOfRange', { text: cellText(v), min: MIN_YEAR, max: MAX_YEAR });
  return n;
}

/** `25 %`, `25%`, `0,25`, `0.25`, or a number in a percent-formatted cell. A bare number above 1 is an error. */
export function parsePercent(v: CellValue, format?: string | null): Parsed<Ratio> {
  if (typeof v === 'number' && Number.isFinite(v)) {
    const n = new D(String(v));
    if (format && format.includes('%')) return ok(n);
    if (n.abs().greaterThan(1)) return fail('percentTooLarge', { text: cellText(v) });
    return ok(n);
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.endsWith('%')) {
      const n = numberText(t.slice(0, -1));
      if (n) return ok(new D(n).dividedBy(100));
    } else {
      const n = numberText(t);
      if (n) return new D(n).abs().greaterThan(1) ? fail('percentTooLarge', { text: t }) : ok(new D(n));
    }
  }
  return fail('notAPercent', { text: cellText(v) });
}

/** Excel dates (serials or Date objects), `2024-01-15`, or a month `2024-01` (first or last day), in 1900–2200. */
export function parseDate(v: CellValue, role: 'start' | 'end' = 'start'): Parsed<YMD> {
  const d = parseAnyDate(v, role);
  if (d.ok && (d.value.year < MIN_YEAR || d.value.year > MAX_YEAR))
    return fail('yearOutOfRange', { text: `${d.value.year}`, min: MIN_YEAR, max: MAX_YEAR });
  return d;
}

function parseAnyDate(v: CellValue, role: 'start' | 'end'): Parsed<YMD> {
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    return ok({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
  }
  if (typeof v === 'number' && Number.isFinite(v) && v >= 61 && v < 2958466) return ok(fromExcelSerial(v));
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(v.trim());
    if (m) {
      const year = Number(m[1]);
      const month = Number(m[2]);
      if (month >= 1 && month <= 12) {
        const day = m[3] !== undefined ? Number(m[3]) : role === 'start' ? 1 : daysInMonth(year, month);
        const d = { year, month, day };
        if (isValidDate(d)) return ok(d);
      }
    }
  }
  return fail('notADate', { text: cellText(v) });
}

export function parseYesNo(v: CellValue, fallback: boolean): Parsed<boolean> {
  if (isEmpty(v)) return ok(fallback);
  if (typeof v === 'boolean') return ok(v);
  const t = cellText(v).toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'x', 'sant', 'true', '1'].includes(t)) return ok(true);
  if (['nej', 'n', 'no', 'falskt', 'false', '0'].includes(t)) return ok(false);
  return fail('notYesNo', { text: cellText(v) });
}

/** `30 november`, `30 nov`, `11-30`, or any date (its year ignored). */
export function parseDayMonth(v: CellValue): Parsed<{ month: number; day: number }> {
  const d = parseAnyDate(v, 'start');
  if (d.ok && !(typeof v === 'string' && /^\d{4}-\d{1,2}$/.test(v.trim()))) return ok({ month: d.value.month, day: d.value.day });
  const t = cellText(v).toLowerCase();
  let m = /^(\d{1,2})\s*([a-zåäö]+)\.?$/.exec(t);
  if (m) {
    const name = m[2]!;
    const month = MONTH_ABBR_SV.findIndex((n) => name.startsWith(n) || (n === 'maj' && name === 'may')) + 1;
    const day = Number(m[1]);
    if (month > 0 && day >= 1 && day <= daysInMonth(2000, month)) return ok({ month, day });
  }
  m = /^(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month)) return ok({ month, day });
  }
  return fail('dayMonth', { text: cellText(v) });
}

/** Header text normalised: NFC, case, spaces and a trailing unit such as "(kr)" or "(%)" ignored. */
export function normalizeHeader(v: CellValue): string {
  return cellText(v)
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(SPACES, '');
}

/**
 * A month: an Excel date or serial (any day of it), `2024-06`, `2024-06-30`, `jun 2024`, `juni 2024`,
 * `jun-24`. Null when the value names no month (for headers that may be something else).
 */
export function monthOfValue(v: CellValue): { year: number; month: number } | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1 };
  if (typeof v === 'number') {
    // A serial date (a header cell formatted as a month holds one); four digits are a year, no month.
    if (!Number.isFinite(v) || v < 10000 || v >= 2958466) return null;
    const d = fromExcelSerial(v);
    return { year: d.year, month: d.month };
  }
  if (typeof v !== 'string') return null;
  const t = v.trim().toLocaleLowerCase('sv');
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (m[3] !== undefined && !isValidDate({ year, month, day: Number(m[3]) })) return null;
    return { year, month };
  }
  m = /^([a-zåäö]+)\.?[\s-]*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const name = m[1]!;
    // A month's name or its first three letters or more, in Swedish or English ("jun", "juni", "june").
    const named = (names: readonly string[]) => names.findIndex((n) => n.toLocaleLowerCase('sv').startsWith(name)) + 1;
    const month = name.length < 3 ? 0 : named(MONTHS.sv) || named(MONTHS.en);
    if (month === 0) return null;
    const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return { year, month };
  }
  return null;
}

/** A month's name alone (`jan`, `januari`, `June`): its number 1–12, or null. */
export function monthNameOf(v: CellValue): number | null {
  if (typeof v !== 'string') return null;
  const name = v.trim().toLocaleLowerCase('sv').replace(/\.$/, '');
  if (name.length < 3 || !/^[a-zåäö]+$/.test(name)) return null;
  const named = (names: readonly string[]) => names.findIndex((n) => n.toLocaleLowerCase('sv').startsWith(name)) + 1;
  return named(MONTHS.sv) || named(MONTHS.en) || null;
}
