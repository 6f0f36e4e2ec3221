/**
 * The Excel pane host, loaded right after the pane's first paint instead of before it: the host, with
 * the template and the example it writes on Skapa mall, is a chunk of its own. Every call waits for
 * it (the first call loads it: `watchInputs` runs as soon as the pane is shown).
 */
import type { PaneHost, PreparedWorkbookHost } from '../hosts/paneHost';
import type { OfficeLang } from '../messages/office';

export function lazyExcelPane(lang: OfficeLang): PaneHost {
  let real: Promise<PaneHost> | null = null;
  // Office's Excel.run with delayForCellEdit, and Office errors in the pane's language.
  const get = () =>
    (real ??= import(/* webpackChunkName: "excel" */ '../hosts/excel/excelPane').then((m) => m.excelPane(undefined, { lang })));
  // The Excel host takes its sheets prepared by the compute worker (ExcelHost.writePrepared).
  const host = async () => (await get()).workbook() as PreparedWorkbookHost;
  const workbook: PreparedWorkbookHost = {
    preparedKind: 'excel',
    read: async () => (await host()).read(),
    write: async (sheets) => (await host()).write(sheets),
    writePrepared: async (sheets) => (await host()).writePrepared(sheets),
  };
  return {
    kind: 'excel',
    workbook: () => workbook,
    select: async (sheet, cell) => (await get()).select(sheet, cell),
    watchInputs: async (onChange, onRemoteChange) => (await get()).watchInputs(onChange, onRemoteChange),
    createTemplate: async () => (await get()).createTemplate(),
  };
}
