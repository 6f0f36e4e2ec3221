// A fake Office.js for browser tests: the same fake Excel as the unit tests (test/fakeOffice.ts,
// transpiled and prepended as window.FakeOffice by the test), so the pane meets the same behaviour:
// queued commands, PropertyNotLoaded, #REF! marks, cell edit mode (delayForCellEdit), protection,
// Local/Remote events with triggerSource, handler removal only on its own context, round trips counted.
// window.__FAKE_WORKBOOK__ = { sheets: { name: { values, formats } }, displayLanguage, onReadyDelayMs,
// apiVersion }. window.__fake keeps the controls the tests use.
/* global window */
(function () {
  const data = window.__FAKE_WORKBOOK__;
  const excel = new window.FakeOffice.FakeExcel();
  if (data.apiVersion) excel.apiVersion = data.apiVersion;
  excel.latencyMs = 5;
  for (const [name, s] of Object.entries(data.sheets)) excel.addSheet(name, s.values || [], s.formats);
  const find = (name) => excel.sheet(name);
  const fake = {
    excel,
    get syncs() {
      return excel.syncs;
    },
    /** name → { id, values, formats } as stored. */
    get sheets() {
      return Object.fromEntries(excel.sheets.map((s) => [s.name, { id: s.id, values: s.values, formats: s.formats }]));
    },
    /** defined name → formula. */
    get names() {
      return Object.fromEntries([...excel.names.values()].map((n) => [n.name, excel.formulaOf(n)]));
    },
    get handlers() {
      return excel.handlers;
    },
    get selected() {
      return excel.selected;
    },
    /** The user edits a cell (Local), or a co-author does (Remote): Excel stores it and fires onChanged. */
    edit: (sheet, row, col, value, source) => excel.userEdit(find(sheet).name, row, col, value, source || 'Local'),
    /** Fire a change event for a sheet without changing anything (e.g. the add-in's own write). */
    fire: (sheet) => excel.fire(find(sheet), 'A1', 'Local', true),
    startCellEdit: () => excel.startCellEdit(),
    endCellEdit: () => excel.endCellEdit(),
    protect: (sheet) => (find(sheet).protected = true),
  };
  window.__fake = fake;
  const delay = data.onReadyDelayMs || 0;
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: {
      displayLanguage: data.displayLanguage || 'sv-SE',
      requirements: { isSetSupported: (name, version) => excel.isSetSupported(name, version) },
    },
    onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: 'Excel', platform: 'OfficeOnline' }), delay)),
  };
  window.Excel = excel.Excel;
})();
