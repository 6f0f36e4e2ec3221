/** Office errors → messages that say what to do; the run-time requirement check. */
import { officeErrorCode, officeErrorMessage, officeText, writeBlockedMessage } from '../src/messages/office';
import { CORE_EXCEL_API, excelFeatures, featureMessage } from '../src/hosts/excel/requirements';
import { fail } from './fakeOffice';

const CODES = [
  'InvalidOperationInCellEditMode',
  'AccessDenied',
  'ItemAlreadyExists',
  'ItemNotFound',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'GeneralException',
  'ApiNotFound',
  'InvalidArgument',
  'InvalidOperation',
  'Conflict',
  'EditModeCellEdit',
];

describe('Office error messages', () => {
  test.each(CODES)('%s has its own Swedish and English message, neither Excel’s own text', (code) => {
    const e = fail(code);
    const sv = officeErrorMessage(e, 'sv');
    const en = officeErrorMessage(e, 'en');
    expect(sv).not.toBe(officeText('sv').fallback(code));
    expect(en).not.toBe(officeText('en').fallback(code));
    expect(sv).not.toContain(e.message);
    expect(sv).not.toBe(en);
    // says what to do
    expect(sv).toMatch(/Tryck|Ta bort|Uppdatera|använd|Vänta|Klicka|Logga/i);
    expect(en).toMatch(/Press|Remove|Update|use|Wait|Click|Sign|delete/i);
  });

  test('the cell edit message in plain Swedish', () => {
    expect(officeErrorMessage(fail('InvalidOperationInCellEditMode'))).toBe(
      'Excel väntar på att du gör klart en cell. Tryck Enter eller Esc i cellen och försök igen.',
    );
  });

  test('an unknown code, or no code at all, gets the generic message', () => {
    expect(officeErrorMessage(fail('SomethingNew'))).toBe(officeText('sv').fallback('SomethingNew'));
    expect(officeErrorMessage(new Error('x'))).toBe(officeText('sv').codes.GeneralException);
    expect(officeErrorCode({ code: '' })).toBeNull();
    expect(officeErrorCode('ItemNotFound')).toBeNull();
  });

  test('a refused write names the sheet', () => {
    expect(writeBlockedMessage('SheetProtected', 'Budget')).toMatch(/^Bladet ”Budget” är skyddat/);
    expect(writeBlockedMessage('WorkbookProtected', 'Kontroller', 'en')).toMatch(/“Kontroller” cannot be added/);
  });
});

describe('requirement sets at run time', () => {
  const upTo = (max: string) => (name: string, v?: string) => {
    const [a, b] = (v ?? '1.1').split('.').map(Number) as [number, number];
    const [c, d] = max.split('.').map(Number) as [number, number];
    return name === 'ExcelApi' && (a < c || (a === c && b <= d));
  };

  test('the core needs ExcelApi 1.7; 1.9 and 1.14 are optional', () => {
    expect(CORE_EXCEL_API).toBe('1.7');
    expect(excelFeatures(upTo('1.6'))).toEqual({ core: false, workbookEvents: false, triggerSource: false });
    expect(excelFeatures(upTo('1.8'))).toEqual({ core: true, workbookEvents: false, triggerSource: false });
    expect(excelFeatures(upTo('1.9'))).toEqual({ core: true, workbookEvents: true, triggerSource: false });
    expect(excelFeatures(upTo('1.20'))).toEqual({ core: true, workbookEvents: true, triggerSource: true });
    expect(
      excelFeatures(() => {
        throw new Error('no Office');
      }).core,
    ).toBe(false);
  });

  test('too old: a blocking message in the UI language; optional features missing: a note', () => {
    const old = featureMessage(excelFeatures(upTo('1.6')))!;
    expect(old.blocking).toBe(true);
    expect(old.text).toMatch(/^Den här versionen av Excel är för gammal för Finsam Budget \(tillägget behöver ExcelApi 1\.7/);
    expect(featureMessage(excelFeatures(upTo('1.6')), 'en')!.text).toMatch(/^This version of Excel is too old/);
    const partial = featureMessage(excelFeatures(upTo('1.8')))!;
    expect(partial.blocking).toBe(false);
    expect(partial.text).toMatch(/blad för blad/);
    expect(featureMessage(excelFeatures(upTo('1.14')))).toBeNull();
  });
});
