/**
 * What the add-in needs from Excel and what it uses where available, checked at run time with
 * `Office.context.requirements.isSetSupported`.
 * https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
 *
 * The core needs ExcelApi 1.7 (each API as its reference page states):
 * - 1.4: `worksheets.getItemOrNullObject`, `Worksheet.getUsedRangeOrNullObject`,
 *   `Range.getUsedRangeOrNullObject` (the read's two used ranges per input sheet), `names.add`,
 *   `names.getItemOrNullObject`, `NamedItem.delete`;
 * - 1.1: `Workbook.tables`, `Table.name`, `Table.showTotals`, `Table.getRange`; 1.2: `Table.worksheet`
 *   (tables' totals rows on input sheets, https://learn.microsoft.com/javascript/api/excel/excel.table);
 * - 1.7: `NamedItem.formula`, `Worksheet.getRangeByIndexes`, `Worksheet.freezePanes`,
 *   `Worksheet.onChanged` with `WorksheetChangedEventArgs.source` and `worksheetId`, `Workbook.protection`;
 * - 1.2: `Worksheet.protection`, `RangeFormat.columnWidth`; 1.1: values, numberFormat, clear, select.
 * - 1.1: `Range.format` fill colour, font (name, size, colour, bold), `wrapText`, `horizontalAlignment`;
 *   `ChartCollection.add`, `Chart.name`, `Chart.title`, `Chart.setPosition`, `Chart.delete`,
 *   `ChartSeries.name`, `ChartSeriesCollection.getItemAt`, `Worksheet.activate`;
 * - 1.7: `Range.hyperlink` (https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink),
 *   `ChartSeriesCollection.add`, `ChartSeries.setValues`, `ChartSeries.setXAxisValues`
 *   (https://learn.microsoft.com/javascript/api/excel/excel.chartseries).
 * Optional: `WorksheetCollection.onChanged` (1.9: one handler for every sheet, including sheets added
 * later), `WorksheetChangedEventArgs.triggerSource` (1.14: the add-in's own writes recognised) and
 * `Worksheet.pageLayout` (1.9: paper size, orientation, zoom, print title rows, headers and footers,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). Without it the sheets are written
 * all the same, with Excel's default print setup.
 * Not in Office.js at all: a chart's alternative text (`altTextDescription` exists on `Shape`, 1.9, and on
 * `PivotLayout`, 1.13, but not on `Chart`, and charts are not in `Worksheet.shapes`); the figures a chart
 * shows are on the sheet beside it.
 * `Excel.run({ delayForCellEdit: true }, …)` (https://learn.microsoft.com/javascript/api/excel/excel.runoptions)
 * names no requirement set; where a host ignores it, a batch refused in cell edit mode is retried.
 */
import { officeText, OfficeLang, OptionalFeature } from '../../messages/office';

export const CORE_EXCEL_API = '1.7';

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface ExcelFeatures {
  /** ExcelApi 1.7: the add-in can run. */
  core: boolean;
  /** ExcelApi 1.9: `worksheets.onChanged`. */
  workbookEvents: boolean;
  /** ExcelApi 1.14: `triggerSource` on change events. */
  triggerSource: boolean;
}

export function excelFeatures(isSetSupported: IsSetSupported): ExcelFeatures {
  const has = (v: string) => {
    try {
      return isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return { core: has(CORE_EXCEL_API), workbookEvents: has('1.9'), triggerSource: has('1.14') };
}

/** What the write uses where the host has it (beyond the core). */
export interface WriteFeatures {
  /** ExcelApi 1.9: `Worksheet.pageLayout` (print setup, headers and footers). */
  pageLayout: boolean;
}

export function excelWriteFeatures(isSetSupported: IsSetSupported): WriteFeatures {
  try {
    return { pageLayout: isSetSupported('ExcelApi', '1.9') };
  } catch {
    return { pageLayout: false };
  }
}

/** The write features of the Excel the add-in runs in (none outside Office). */
export function currentWriteFeatures(): WriteFeatures {
  return excelWriteFeatures(officeIsSetSupported());
}

function officeIsSetSupported(): IsSetSupported {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const requirements = office?.context?.requirements;
  const check = requirements?.isSetSupported;
  return check ? (n, v) => check.call(requirements, n, v) : () => false;
}

/** The features of the Excel the pane runs in (all false outside Office). */
export function currentExcelFeatures(): ExcelFeatures {
  return excelFeatures(officeIsSetSupported());
}

/** For the pane: null when everything is there, else what to tell the user (too old, or what is missing). */
export function featureMessage(features: ExcelFeatures, lang: OfficeLang = 'sv'): { blocking: boolean; text: string } | null {
  const t = officeText(lang);
  if (!features.core) return { blocking: true, text: t.tooOld(CORE_EXCEL_API) };
  const missing = (['workbookEvents', 'triggerSource'] as OptionalFeature[]).filter((f) => !features[f]);
  return missing.length === 0 ? null : { blocking: false, text: missing.map((f) => t.missingFeature[f]).join(' ') };
}
