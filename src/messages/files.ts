/**
 * Messages about files: a workbook that cannot be read or written, and files that are not workbooks.
 * Swedish (the command line, the workbook contract) and English (the task pane's English UI). No paths
 * other than the ones the user gave, no error codes of the system, no library texts, no URLs.
 */
import type { Lang } from './format';

/** What a file is, as src/hosts/xlsx/fileKind.ts finds it from its bytes. */
export type FileKind =
  /** An Office Open XML workbook (.xlsx or .xlsm): a zip with `[Content_Types].xml` and `xl/workbook.xml`. */
  | { kind: 'xlsx' }
  /** A binary Excel workbook (.xlsb). */
  | { kind: 'xlsb' }
  /** An OLE2 compound file with an `EncryptionInfo` stream: a password-protected (encrypted) Office file. */
  | { kind: 'encrypted' }
  /** An OLE2 compound file with a `Workbook` or `Book` stream: a legacy Excel file (.xls, Excel 97–2003 or older). */
  | { kind: 'xls' }
  /** An OLE2 compound file with a `WordDocument` stream: a legacy Word document (.doc). */
  | { kind: 'doc' }
  /** Another OLE2 compound file (PowerPoint, Outlook message…). */
  | { kind: 'ole' }
  /** An Office Open XML Word document (.docx). */
  | { kind: 'docx' }
  /** An Office Open XML presentation (.pptx). */
  | { kind: 'pptx' }
  /** An OpenDocument file; `spreadsheet` for a spreadsheet (.ods). */
  | { kind: 'opendocument'; spreadsheet: boolean }
  /** A zip archive that is none of the above. */
  | { kind: 'zip' }
  /** Starts like a zip archive but its directory cannot be found (truncated or damaged). */
  | { kind: 'damagedZip' }
  /** Text with a separator on (almost) every line. */
  | { kind: 'csv'; separator: ',' | ';' | '\t' }
  /** An XML spreadsheet (Excel 2003 XML, often saved with an .xls or .xml name). */
  | { kind: 'spreadsheetXml' }
  /** A web page (HTML), e.g. "Excel" exported by a web system. */
  | { kind: 'html' }
  | { kind: 'pdf' }
  /** Other text. */
  | { kind: 'text' }
  /** No bytes at all. */
  | { kind: 'empty' }
  | { kind: 'unknown' };

/** Why a file cannot be read or written (src/hosts/xlsx/files.ts). */
export type FileProblem =
  | { code: 'notWorkbook'; kind: FileKind }
  | { code: 'notFound' }
  | { code: 'brokenLink' }
  | { code: 'linkLoop' }
  | { code: 'isDirectory' }
  | { code: 'notRegular' }
  | { code: 'tooLarge'; size: number; limit: number }
  | { code: 'readOnly' }
  | { code: 'noPermission'; op: 'read' | 'write' }
  | { code: 'dirNotFound'; dir: string }
  | { code: 'dirNoPermission'; dir: string }
  | { code: 'noSpace' }
  | { code: 'readOnlyFs' }
  | { code: 'nameTooLong' }
  | { code: 'exists' }
  | { code: 'ioError'; op: 'read' | 'write'; errno: string };

/** A size in MB with one decimal, Swedish or English decimal mark: 23,4 MB / 23.4 MB. */
export function formatMegabytes(bytes: number, lang: Lang = 'sv'): string {
  const mb = Math.floor((bytes / (1024 * 1024)) * 10) / 10;
  const text = Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
  return `${lang === 'sv' ? text.replace('.', ',') : text} MB`;
}

/** What a file that is not a readable workbook is, as a full sentence with what to do. */
export function notWorkbookText(file: string, kind: FileKind, lang: Lang = 'sv'): string {
  const f = lang === 'sv' ? `”${file}”` : `"${file}"`;
  const saveAs =
    lang === 'sv'
      ? 'Öppna den i Excel, spara den som Excel-arbetsbok (.xlsx) och försök igen.'
      : 'Open it in Excel, save it as an Excel Workbook (.xlsx) and try again.';
  const notOurs =
    lang === 'sv'
      ? 'Ange Excel-arbetsboken (.xlsx) med budgetens blad.'
      : "Give the Excel workbook (.xlsx) with the budget's sheets.";
  if (lang === 'sv') {
    switch (kind.kind) {
      case 'xlsx':
        return `${f} ser ut som en Excel-arbetsbok men kunde inte läsas; den kan vara skadad. Öppna den i Excel, spara den på nytt och försök igen.`;
      case 'xlsb':
        return `${f} är en binär Excel-arbetsbok (.xlsb). ${saveAs}`;
      case 'encrypted':
        return `${f} är lösenordsskyddad (krypterad) och kan inte läsas. Ta bort lösenordet i Excel (Arkiv > Info > Skydda arbetsbok > Kryptera med lösenord, töm fältet), spara och försök igen.`;
      case 'xls':
        return `${f} är en äldre Excel-fil (.xls). Spara den som Excel-arbetsbok (.xlsx) och försök igen.`;
      case 'doc':
        return `${f} är ett Word-dokument (.doc), ingen Excel-arbetsbok. ${notOurs}`;
      case 'ole':
        return `${f} är en äldre Office-fil men ingen Excel-arbetsbok. ${notOurs}`;
      case 'docx':
        return `${f} är ett Word-dokument, ingen Excel-arbetsbok. ${notOurs}`;
      case 'pptx':
        return `${f} är en PowerPoint-presentation, ingen Excel-arbetsbok. ${notOurs}`;
      case 'opendocument':
        return kind.spreadsheet
          ? `${f} är ett OpenDocument-kalkylblad (.ods, t.ex. från LibreOffice). Spara det som Excel-arbetsbok (.xlsx) och försök igen.`
          : `${f} är ett OpenDocument-dokument (t.ex. från LibreOffice), ingen Excel-arbetsbok. ${notOurs}`;
      case 'zip':
        return `${f} är en zip-fil men ingen Excel-arbetsbok. ${notOurs}`;
      case 'damagedZip':
        return `${f} är skadad eller ofullständig (till exempel avbruten vid kopiering eller nedladdning) och kan inte läsas. Använd en hel kopia av arbetsboken.`;
      case 'csv':
        return `${f} är en textfil med värden avgränsade med ${separatorName(kind.separator, 'sv')} (CSV), ingen Excel-arbetsbok. Budgeten behöver en arbetsbok (.xlsx) med bladen Inställningar, År och Medlemmar; en CSV-fil har bara ett blad.`;
      case 'spreadsheetXml':
        return `${f} är ett XML-kalkylblad (Excel 2003 XML). ${saveAs}`;
      case 'html':
        return `${f} är en webbsida (HTML), ingen Excel-arbetsbok. ${saveAs}`;
      case 'pdf':
        return `${f} är en PDF-fil, ingen Excel-arbetsbok. ${notOurs}`;
      case 'text':
        return `${f} är en textfil, ingen Excel-arbetsbok. ${notOurs}`;
      case 'empty':
        return `${f} är tom (0 byte). ${notOurs}`;
      case 'unknown':
        return `${f} är ingen Excel-arbetsbok (.xlsx). ${notOurs}`;
    }
  }
  switch (kind.kind) {
    case 'xlsx':
      return `${f} looks like an Excel workbook but could not be read; it may be damaged. Open it in Excel, save it again and try again.`;
    case 'xlsb':
      return `${f} is an Excel Binary Workbook (.xlsb). ${saveAs}`;
    case 'encrypted':
      return `${f} is password-protected (encrypted) and cannot be read. Remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password, clear the box), save and try again.`;
    case 'xls':
      return `${f} is an older Excel file (.xls). Save it as an Excel Workbook (.xlsx) and try again.`;
    case 'doc':
      return `${f} is a Word document (.doc), not an Excel workbook. ${notOurs}`;
    case 'ole':
      return `${f} is an older Office file but not an Excel workbook. ${notOurs}`;
    case 'docx':
      return `${f} is a Word document, not an Excel workbook. ${notOurs}`;
    case 'pptx':
      return `${f} is a PowerPoint presentation, not an Excel workbook. ${notOurs}`;
    case 'opendocument':
      return kind.spreadsheet
        ? `${f} is an OpenDocument spreadsheet (.ods, e.g. from LibreOffice). Save it as an Excel Workbook (.xlsx) and try again.`
        : `${f} is an OpenDocument document (e.g. from LibreOffice), not an Excel workbook. ${notOurs}`;
    case 'zip':
      return `${f} is a zip file but not an Excel workbook. ${notOurs}`;
    case 'damagedZip':
      return `${f} is damaged or incomplete (for example cut off while copying or downloading) and cannot be read. Use a complete copy of the workbook.`;
    case 'csv':
      return `${f} is a text file of values separated by ${separatorName(kind.separator, 'en')} (CSV), not an Excel workbook. The budget needs a workbook (.xlsx) with the sheets Inställningar, År and Medlemmar; a CSV file holds only one sheet.`;
    case 'spreadsheetXml':
      return `${f} is an XML Spreadsheet (Excel 2003 XML). ${saveAs}`;
    case 'html':
      return `${f} is a web page (HTML), not an Excel workbook. ${saveAs}`;
    case 'pdf':
      return `${f} is a PDF file, not an Excel workbook. ${notOurs}`;
    case 'text':
      return `${f} is a text file, not an Excel workbook. ${notOurs}`;
    case 'empty':
      return `${f} is empty (0 bytes). ${notOurs}`;
    case 'unknown':
      return `${f} is not an Excel workbook (.xlsx). ${notOurs}`;
  }
}

function separatorName(separator: ',' | ';' | '\t', lang: Lang): string {
  if (lang === 'sv') return separator === ';' ? 'semikolon' : separator === ',' ? 'komma' : 'tabb';
  return separator === ';' ? 'semicolons' : separator === ',' ? 'commas' : 'tabs';
}

/** Printed (stderr) when Ctrl-C or SIGTERM stops a write: whether the file was replaced already. */
export function interruptedText(file: string, replaced: boolean, lang: Lang = 'sv'): string {
  if (lang === 'sv') {
    return replaced
      ? `Avbrutet. ”${file}” hann skrivas färdigt innan avbrottet.`
      : `Avbrutet. ”${file}” är oförändrad; ingen tillfällig fil finns kvar.`;
  }
  return replaced
    ? `Interrupted. "${file}" had been written completely before the interrupt.`
    : `Interrupted. "${file}" is unchanged; no temporary file is left.`;
}

/** The message of a file problem: `file` is the name the user gave. */
export function fileProblemText(file: string, problem: FileProblem, lang: Lang = 'sv'): string {
  const sv = lang === 'sv';
  const f = sv ? `”${file}”` : `"${file}"`;
  switch (problem.code) {
    case 'notWorkbook':
      return notWorkbookText(file, problem.kind, lang);
    case 'notFound':
      return sv
        ? `Filen ${f} finns inte. Kontrollera namnet och mappen.`
        : `The file ${f} does not exist. Check the name and folder.`;
    case 'brokenLink':
      return sv
        ? `${f} är en symbolisk länk till en fil som inte finns.`
        : `${f} is a symbolic link to a file that does not exist.`;
    case 'linkLoop':
      return sv ? `${f} är en symbolisk länk som pekar på sig själv i en slinga.` : `${f} is a symbolic link that loops.`;
    case 'isDirectory':
      return sv ? `${f} är en mapp, inte en fil.` : `${f} is a folder, not a file.`;
    case 'notRegular':
      return sv
        ? `${f} är ingen vanlig fil (t.ex. en enhet eller en rörledning).`
        : `${f} is not a regular file (e.g. a device or a pipe).`;
    case 'tooLarge':
      return sv
        ? `${f} är ${formatMegabytes(problem.size, 'sv')}, mer än gränsen ${formatMegabytes(problem.limit, 'sv')} för en arbetsbok. Ett förbunds budget ryms med god marginal i mindre; ta bort stora bilder eller blad som inte hör till budgeten, eller lägg budgeten i en egen arbetsbok.`
        : `${f} is ${formatMegabytes(problem.size, 'en')}, more than the ${formatMegabytes(problem.limit, 'en')} limit for a workbook. A förbund's budget fits easily in less; remove large images or sheets that are not part of the budget, or keep the budget in a workbook of its own.`;
    case 'readOnly':
      return sv
        ? `${f} är skrivskyddad; ingenting har skrivits. Ta bort skrivskyddet, eller skriv resultatet till en annan fil med --out.`
        : `${f} is read-only; nothing has been written. Remove the protection, or write the result to another file with --out.`;
    case 'noPermission':
      return problem.op === 'read'
        ? sv
          ? `Du har inte behörighet att läsa ${f}.`
          : `You do not have permission to read ${f}.`
        : sv
          ? `Du har inte behörighet att skriva ${f}; ingenting har skrivits. Skriv resultatet till en annan fil med --out.`
          : `You do not have permission to write ${f}; nothing has been written. Write the result to another file with --out.`;
    case 'dirNotFound':
      return sv
        ? `Mappen ”${problem.dir}” finns inte; ${f} kan inte skrivas dit.`
        : `The folder "${problem.dir}" does not exist; ${f} cannot be written there.`;
    case 'dirNoPermission':
      return sv
        ? `Du har inte behörighet att skapa filer i mappen ”${problem.dir}”; ${f} har inte skrivits. Välj en annan mapp med --out.`
        : `You do not have permission to create files in the folder "${problem.dir}"; ${f} has not been written. Choose another folder with --out.`;
    case 'noSpace':
      return sv
        ? `Det finns inte plats på disken för ${f}; ingenting har ändrats. Frigör utrymme och försök igen.`
        : `There is no room on the disk for ${f}; nothing has been changed. Free some space and try again.`;
    case 'readOnlyFs':
      return sv
        ? `${f} ligger på en enhet som bara går att läsa (t.ex. en skrivskyddad disk); ingenting har skrivits. Skriv resultatet till en annan plats med --out.`
        : `${f} is on a read-only drive; nothing has been written. Write the result elsewhere with --out.`;
    case 'nameTooLong':
      return sv ? `Namnet ${f} är för långt för filsystemet.` : `The name ${f} is too long for the file system.`;
    case 'exists':
      return sv ? `Filen ${f} finns redan och skrivs inte över.` : `The file ${f} already exists and is not overwritten.`;
    case 'ioError':
      return problem.op === 'read'
        ? sv
          ? `${f} kunde inte läsas på grund av ett fel i filsystemet (${problem.errno}).`
          : `${f} could not be read because of a file system error (${problem.errno}).`
        : sv
          ? `${f} kunde inte skrivas på grund av ett fel i filsystemet (${problem.errno}); originalet är oförändrat.`
          : `${f} could not be written because of a file system error (${problem.errno}); the original is unchanged.`;
  }
}
