/** The room for new grants in the command's JSON (workbook.md `room`), for the bundled example. */
import ExcelJS from 'exceljs';
import { addTemplateSheets, XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets } from '../src/workbook/example';
import { computeFromSnapshot } from '../src/workbook/refresh';

test('room per plan year: the binding goal by name, its month as YYYY-MM, the spend to the cap', async () => {
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, exampleSheets());
  const json = computeFromSnapshot(await new XlsxHost(wb).read()).json();
  // Derived by hand in test/room.test.ts: March 2024's decision room (window to September) binds 2024.
  expect(json.room[0]).toEqual({
    year: 2024,
    toResultTarget: 1538000,
    withinGoals: 1537996,
    limitedBy: 'Beslutsutrymme',
    limitingMonth: '2024-03',
    spendToCap: 699000,
  });
  expect(json.room.map((r) => r.year)).toEqual(json.years);
});
