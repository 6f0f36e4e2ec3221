/** The task pane inside Excel: refresh through ExcelHost, react to edits, select cells, add the template. */
import type { PaneHost } from '../../taskpane/paneHost';
import { exampleSheets } from '../../workbook/example';
import { ExcelHost, ExcelRun } from './excelHost';

export function excelPane(run: ExcelRun): PaneHost {
  const host = new ExcelHost(run);
  return {
    kind: 'excel',
    workbook: () => host,
    select: (sheet, cell) => host.select(sheet, cell),
    async watchInputs(onChange) {
      let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
      await run(async (context) => {
        handler = context.workbook.worksheets.onChanged.add(async (event) => {
          if (host.isInputChange(event.worksheetId)) onChange();
        });
        await context.sync();
      });
      return async () => {
        const h = handler as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
        if (!h) return;
        await run(async (context) => {
          h.remove();
          await context.sync();
        });
      };
    },
    createTemplate: () => host.addTemplate(exampleSheets()),
  };
}
