/**
 * Texts for what Excel (Office.js) reports, in Swedish and English: every error is mapped by its
 * `code` to a sentence that says what happened and what to do. Excel's own `message` is not shown:
 * Microsoft says it is not meant for end users.
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * Codes: https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 */
export type OfficeLang = 'sv' | 'en';

/** Why a write cannot start: a protected output sheet, or protected workbook structure (a sheet must be added). */
export type BlockCode = 'SheetProtected' | 'WorkbookProtected';

interface Texts {
  codes: Record<string, string>;
  fallback: (code: string) => string;
  blocked: (code: BlockCode, sheet: string) => string;
  tooOld: (need: string) => string;
  notInExcel: string;
  missingFeature: Record<OptionalFeature, string>;
}

/** Features used where the host has them; the core works without. */
export type OptionalFeature = 'workbookEvents' | 'triggerSource';

const SV: Texts = {
  codes: {
    InvalidOperationInCellEditMode: 'Excel väntar på att du gör klart en cell. Tryck Enter eller Esc i cellen och försök igen.',
    EditModeCellEdit: 'Excel väntar på att du gör klart en cell. Tryck Enter eller Esc i cellen och försök igen.',
    AccessDenied:
      'Excel tillåter inte ändringen: ett blad eller arbetsbokens struktur har skydd. Ta bort skyddet (Granska → Ta bort skydd för blad/arbetsbok) och tryck Beräkna igen.',
    ItemAlreadyExists:
      'Ett namn eller blad som Finsam Budget vill skapa finns redan. Tryck Beräkna igen; hjälper inte det, ta bort namnet i Namnhanteraren (Formler → Namnhanteraren).',
    ItemNotFound: 'Ett blad ändrades eller togs bort medan beräkningen pågick. Tryck Beräkna igen.',
    RequestPayloadSizeLimitExceeded:
      'Arbetsboken är för stor för att skrivas i ett svep i Excel på webben. Försök igen; hjälper inte det, använd Excel för skrivbordet.',
    ResponsePayloadSizeLimitExceeded:
      'Underlaget är för stort för att läsas i ett svep i Excel på webben. Ta bort tomma rader och kolumner längst ned och till höger på underlagets blad, eller använd Excel för skrivbordet.',
    GeneralException: 'Excel kunde inte slutföra åtgärden. Vänta en stund och tryck Beräkna igen.',
    ApiNotFound:
      'Din version av Excel saknar en funktion som tillägget behöver. Uppdatera Excel (Microsoft 365, Excel 2021 eller senare, eller Excel på webben).',
    NotImplemented:
      'Din version av Excel saknar en funktion som tillägget behöver. Uppdatera Excel (Microsoft 365, Excel 2021 eller senare, eller Excel på webben).',
    InvalidArgument:
      'Excel godtog inte det som skulle skrivas. Tryck Beräkna igen; kvarstår felet, kontakta den som förvaltar tillägget.',
    InvalidOperation: 'Excel kunde inte utföra åtgärden just nu. Tryck Beräkna igen.',
    Conflict: 'Någon annan ändrade arbetsboken samtidigt. Vänta en stund och tryck Beräkna igen.',
    InsertDeleteConflict: 'Någon annan ändrade arbetsboken samtidigt. Vänta en stund och tryck Beräkna igen.',
    RequestAborted: 'Excel avbröt åtgärden. Tryck Beräkna igen.',
    ActivityLimitReached: 'Excel hinner inte med just nu. Vänta en stund och tryck Beräkna igen.',
    InactiveWorkbook: 'Arbetsboken är inte längre aktiv. Klicka i arbetsboken och tryck Beräkna igen.',
    Unauthenticated: 'Du är inte inloggad i Excel. Logga in och tryck Beräkna igen.',
  },
  fallback: (code) =>
    `Excel kunde inte slutföra åtgärden (${code}). Tryck Beräkna igen; kvarstår felet, spara, stäng och öppna arbetsboken.`,
  blocked: (code, sheet) =>
    code === 'SheetProtected'
      ? `Bladet ”${sheet}” är skyddat, så ingenting har skrivits. Ta bort skyddet (Granska → Ta bort skydd för blad) och tryck Beräkna igen.`
      : `Arbetsbokens struktur är skyddad, så bladet ”${sheet}” kan inte läggas till och ingenting har skrivits. Ta bort skyddet (Granska → Skydda arbetsbok) och tryck Beräkna igen.`,
  tooOld: (need) =>
    `Den här versionen av Excel är för gammal för Finsam Budget (tillägget behöver ExcelApi ${need}: Excel 2019, 2021 eller Microsoft 365 för Windows eller Mac, eller Excel på webben). Uppdatera Excel, eller använd kommandoraden.`,
  notInExcel: 'Tillägget körs inte i Excel.',
  missingFeature: {
    workbookEvents:
      'Din version av Excel följer ändringar blad för blad: ett blad som läggs till i underlaget räknas om först när du trycker Beräkna.',
    triggerSource: 'Din version av Excel kan inte märka ut tilläggets egna ändringar; de känns i stället igen på tidpunkten.',
  },
};

const EN: Texts = {
  codes: {
    InvalidOperationInCellEditMode:
      'Excel is waiting for you to finish editing a cell. Press Enter or Esc in the cell and try again.',
    EditModeCellEdit: 'Excel is waiting for you to finish editing a cell. Press Enter or Esc in the cell and try again.',
    AccessDenied:
      'Excel does not allow the change: a sheet or the workbook structure is protected. Remove the protection (Review → Unprotect Sheet/Workbook) and press Compute again.',
    ItemAlreadyExists:
      'A name or sheet Finsam Budget wants to create already exists. Press Compute again; if that does not help, delete the name in the Name Manager (Formulas → Name Manager).',
    ItemNotFound: 'A sheet was changed or deleted while computing. Press Compute again.',
    RequestPayloadSizeLimitExceeded:
      'The workbook is too large to write in one go in Excel on the web. Try again; if that does not help, use Excel for the desktop.',
    ResponsePayloadSizeLimitExceeded:
      'The input sheets are too large to read in one go in Excel on the web. Delete empty rows and columns at the bottom and right of the input sheets, or use Excel for the desktop.',
    GeneralException: 'Excel could not complete the operation. Wait a moment and press Compute again.',
    ApiNotFound:
      'Your version of Excel lacks a feature the add-in needs. Update Excel (Microsoft 365, Excel 2021 or later, or Excel on the web).',
    NotImplemented:
      'Your version of Excel lacks a feature the add-in needs. Update Excel (Microsoft 365, Excel 2021 or later, or Excel on the web).',
    InvalidArgument:
      'Excel did not accept what was to be written. Press Compute again; if the error remains, contact whoever maintains the add-in.',
    InvalidOperation: 'Excel could not do that right now. Press Compute again.',
    Conflict: 'Someone else changed the workbook at the same time. Wait a moment and press Compute again.',
    InsertDeleteConflict: 'Someone else changed the workbook at the same time. Wait a moment and press Compute again.',
    RequestAborted: 'Excel cancelled the operation. Press Compute again.',
    ActivityLimitReached: 'Excel is busy. Wait a moment and press Compute again.',
    InactiveWorkbook: 'The workbook is no longer active. Click in the workbook and press Compute again.',
    Unauthenticated: 'You are not signed in to Excel. Sign in and press Compute again.',
  },
  fallback: (code) =>
    `Excel could not complete the operation (${code}). Press Compute again; if the error remains, save, close and reopen the workbook.`,
  blocked: (code, sheet) =>
    code === 'SheetProtected'
      ? `The sheet “${sheet}” is protected, so nothing has been written. Remove the protection (Review → Unprotect Sheet) and press Compute again.`
      : `The workbook structure is protected, so the sheet “${sheet}” cannot be added and nothing has been written. Remove the protection (Review → Protect Workbook) and press Compute again.`,
  tooOld: (need) =>
    `This version of Excel is too old for Finsam Budget (the add-in needs ExcelApi ${need}: Excel 2019, 2021 or Microsoft 365 for Windows or Mac, or Excel on the web). Update Excel, or use the command line.`,
  notInExcel: 'The add-in is not running in Excel.',
  missingFeature: {
    workbookEvents:
      'Your version of Excel reports changes sheet by sheet: a sheet added to the input is recomputed only when you press Compute.',
    triggerSource: 'Your version of Excel cannot mark the add-in’s own changes; they are recognised by their timing instead.',
  },
};

const TEXTS: Record<OfficeLang, Texts> = { sv: SV, en: EN };

export const officeText = (lang: OfficeLang = 'sv'): Texts => TEXTS[lang];

/** The `code` of an Office.js error (OfficeExtension.Error), or null for anything else. */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** A message for an Office.js error that says what to do; a generic one for an unknown code. */
export function officeErrorMessage(e: unknown, lang: OfficeLang = 'sv'): string {
  const code = officeErrorCode(e) ?? 'GeneralException';
  const t = TEXTS[lang];
  return t.codes[code] ?? t.fallback(code);
}

export function writeBlockedMessage(code: BlockCode, sheet: string, lang: OfficeLang = 'sv'): string {
  return TEXTS[lang].blocked(code, sheet);
}
