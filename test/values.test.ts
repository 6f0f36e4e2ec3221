import {
  parseAmount,
  parseDate,
  parseDayMonth,
  parseNumber,
  parsePercent,
  parseYesNo,
  normalizeHeader,
} from '../src/workbook/values';

const value = <T>(p: { ok: boolean; value?: T; message?: string }) => (p.ok ? p.value : `ERR ${p.message}`);
const num = (v: Parameters<typeof parseNumber>[0]) => {
  const p = parseNumber(v);
  return p.ok ? p.value.toString() : `ERR ${p.message}`;
};

describe('Swedish cell values', () => {
  test('numbers with spaces, non-breaking spaces, kr, decimal comma and minus signs', () => {
    expect(num('1 308 750')).toBe('1308750');
    expect(num('1\u00a0308\u00a0750 kr')).toBe('1308750');
    expect(num('1\u202f308\u202f750')).toBe('1308750');
    expect(num('-1 428')).toBe('-1428');
    expect(num('−1 428')).toBe('-1428');
    expect(num('3,04')).toBe('3.04');
    expect(num(1308750)).toBe('1308750');
    expect(num('tolv')).toMatch(/^ERR ”tolv” är inte ett tal/);
    expect(num('1,2,3')).toMatch(/^ERR/);
  });

  test('amounts must be whole kronor', () => {
    expect(parseAmount('12,50').ok).toBe(false);
    expect(value(parseAmount('12 000 kr'))!.toString()).toBe('12000');
  });

  test('percentages: 25 %, 25%, 0,25, 0.25, a percent-formatted number; a bare number above 1 is an error', () => {
    for (const v of ['25 %', '25%', '0,25', '0.25', 0.25]) expect(value(parsePercent(v))!.toString()).toBe('0.25');
    expect(value(parsePercent(0.0304, '0.00%'))!.toString()).toBe('0.0304');
    expect(value(parsePercent('3,04 %'))!.toString()).toBe('0.0304');
    const three = parsePercent(3);
    expect(three.ok).toBe(false);
    expect(!three.ok && three.message).toMatch(/större än 1 utan procenttecken/);
    expect(value(parsePercent(3, '0%'))!.toString()).toBe('3');
  });

  test('dates: Excel serials and Date objects, ISO text, a month as first or last day', () => {
    expect(value(parseDate(45306))).toEqual({ year: 2024, month: 1, day: 15 });
    expect(value(parseDate(new Date(Date.UTC(2024, 1, 29))))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(value(parseDate('2024-01-15'))).toEqual({ year: 2024, month: 1, day: 15 });
    expect(value(parseDate('2024-02', 'start'))).toEqual({ year: 2024, month: 2, day: 1 });
    expect(value(parseDate('2024-02', 'end'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2024-02-30').ok).toBe(false);
    expect(parseDate('15/1 2024').ok).toBe(false);
  });

  test('yes/no with defaults', () => {
    expect(value(parseYesNo('Ja', false))).toBe(true);
    expect(value(parseYesNo('nej', true))).toBe(false);
    expect(value(parseYesNo('x', false))).toBe(true);
    expect(value(parseYesNo(null, true))).toBe(true);
    expect(parseYesNo('kanske', true).ok).toBe(false);
  });

  test('day and month for the budget deadline', () => {
    for (const v of ['30 november', '30 nov', '11-30', '2023-11-30'])
      expect(value(parseDayMonth(v))).toEqual({ month: 11, day: 30 });
    expect(parseDayMonth('31 november').ok).toBe(false);
  });

  test('headers ignore case, spaces and a trailing unit', () => {
    expect(normalizeHeader('Budget totalt (kr)')).toBe(normalizeHeader('budget  TOTALT'));
    expect(normalizeHeader('Årlig ökning (%)')).toBe('årligökning');
  });
});
