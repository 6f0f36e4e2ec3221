/** The task pane inside Excel: refresh through ExcelHost, react to edits, select cells, add the template. */
import type { PaneHost } from '../paneHost';
import { templateSheets } from '../../workbook/example';
import { INPUT_SHEETS } from '../../workbook/schema';
import type { OfficeLang } from '../../messages/office';
import { asExcelApi, ExcelApi, ExcelHost, ExcelRun, officeExcel } from './excelHost';
import { currentExcelFeatures, ExcelFeatures } from './requirements';

export interface ExcelPaneOptions {
  lang?: OfficeLang;
  /** What the host supports (default: asked of Office.context.requirements). */
  features?: ExcelFeatures;
}

type Registration = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

export function excelPane(run?: ExcelApi | ExcelRun, options: ExcelPaneOptions = {}): PaneHost & { host: ExcelHost } {
  const api = run ? asExcelApi(run) : officeExcel();
  const host = new ExcelHost(api);
  host.lang = options.lang ?? 'sv';
  const features = () => options.features ?? currentExcelFeatures();
  return {
    kind: 'excel',
    host,
    workbook: () => host,
    select: (sheet, cell) => host.select(sheet, cell),
    /**
     * Local edits of input sheets call `onChange` (recompute); a co-author's edits (`source` Remote) only
     * `onRemoteChange` (mark stale: their own pane recomputes, this one must not write as well); the
     * add-in's own writes and other sheets call nothing. One handler for the workbook where ExcelApi 1.9
     * has it, else one per input sheet (ExcelApi 1.7), added for new input sheets after each read.
     * Removal runs on the context each handler was added with, as Office.js requires:
     * https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult
     */
    async watchInputs(onChange: () => void, onRemoteChange?: () => void) {
      const registrations: Registration[] = [];
      const watched = new Set<string>();
      let stopped = false;
      const handler = (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
        const kind = host.classify(event);
        if (kind === 'local') onChange();
        else if (kind === 'remote') onRemoteChange?.();
        return Promise.resolve();
      };
      const perSheet = async (ids: string[]) => {
        const fresh = ids.filter((id) => !watched.has(id));
        if (stopped || fresh.length === 0) return;
        fresh.forEach((id) => watched.add(id));
        await api.run(async (context) => {
          for (const id of fresh) registrations.push(context.workbook.worksheets.getItem(id).onChanged.add(handler));
          await context.sync();
        });
      };
      if (features().workbookEvents) {
        await api.run(async (context) => {
          registrations.push(context.workbook.worksheets.onChanged.add(handler));
          await context.sync();
        });
      } else {
        const ids = await api.run(async (context) => {
          const sheets = Object.values(INPUT_SHEETS).map((name) =>
            context.workbook.worksheets.getItemOrNullObject(name).load('id'),
          );
          await context.sync();
          return sheets.filter((s) => !s.isNullObject).map((s) => s.id);
        });
        await perSheet(ids);
        host.onInputSheets = (next) => void perSheet(next).catch(() => undefined);
      }
      host.watching = true;
      return async () => {
        stopped = true;
        host.watching = false;
        host.onInputSheets = null;
        const all = registrations.splice(0);
        for (const r of all)
          await api
            .runOn(r.context, async (context) => {
              r.remove();
              // Each handler on its own context (one in all where the workbook-wide event exists).
              await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
            })
            .catch(() => undefined); // a handler of a sheet deleted since: nothing left to remove
      };
    },
    createTemplate: () => host.addTemplate(templateSheets()),
  };
}
