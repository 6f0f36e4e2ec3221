// A fake Office.js for browser tests: Office.onReady reports Excel, and Excel.run works on an
// in-memory workbook (window.__fake). Only the API surface the add-in uses is here. Properties are
// readable after context.sync(), as in Excel; every sync is counted.
/* global window */
(function () {
  const data = window.__FAKE_WORKBOOK__;
  const fake = { syncs: 0, sheets: data.sheets, names: {}, handlers: [], selected: null, nextId: 100 };
  window.__fake = fake;
  const find = (name) => Object.keys(fake.sheets).find((k) => k.toLowerCase() === String(name).toLowerCase());
  const colName = (c) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  function rangeOf(sheet, r, c, rows, cols) {
    const store = fake.sheets[sheet];
    const format = { font: {}, columnWidth: 0 };
    Object.defineProperty(format.font, 'bold', { set() {}, get: () => false });
    return {
      format,
      load() {},
      clear() {
        store.values = [];
        store.formats = [];
      },
      select() {
        fake.selected = { sheet, cell: store.lastAddress };
      },
      set values(v) {
        for (let i = 0; i < rows; i++) {
          store.values[r + i] = store.values[r + i] || [];
          for (let j = 0; j < cols; j++) store.values[r + i][c + j] = v[i][j];
        }
      },
      set numberFormat(v) {
        for (let i = 0; i < rows; i++) {
          store.formats[r + i] = store.formats[r + i] || [];
          for (let j = 0; j < cols; j++) store.formats[r + i][c + j] = v[i][j];
        }
      },
    };
  }
  function sheetObj(name) {
    const store = fake.sheets[name];
    return {
      id: store.id,
      name,
      isNullObject: false,
      load() {},
      activate() {
        fake.active = name;
      },
      getRange(address) {
        store.lastAddress = address;
        return rangeOf(name, 0, 0, 0, 0);
      },
      getRangeByIndexes: (r, c, rows, cols) => rangeOf(name, r, c, rows, cols),
      freezePanes: { unfreeze() {}, freezeRows() {} },
    };
  }
  const nullObj = { isNullObject: true, load() {}, getUsedRangeOrNullObject: () => ({ isNullObject: true, load() {} }) };
  const context = {
    workbook: {
      worksheets: {
        getItemOrNullObject(name) {
          const key = find(name);
          if (!key) return nullObj;
          const s = sheetObj(key);
          const store = fake.sheets[key];
          s.getUsedRangeOrNullObject = () => {
            const rows = store.values.length;
            const cols = Math.max(0, ...store.values.map((r) => (r ? r.length : 0)));
            if (!rows || !cols) return { isNullObject: true, load() {} };
            const values = store.values.map((r) => Array.from({ length: cols }, (_, j) => (r && r[j] !== undefined ? r[j] : '')));
            const numberFormat = values.map((r, i) => r.map((_, j) => (store.formats[i] && store.formats[i][j]) || 'General'));
            return { isNullObject: false, load() {}, values, numberFormat, address: `${key}!A1:${colName(cols - 1)}${rows}` };
          };
          return s;
        },
        getItem(name) {
          return sheetObj(find(name));
        },
        add(name) {
          fake.sheets[name] = { id: `s${fake.nextId++}`, values: [], formats: [] };
          return sheetObj(name);
        },
        onChanged: {
          add(handler) {
            fake.handlers.push(handler);
            return { context, remove: () => (fake.handlers = fake.handlers.filter((h) => h !== handler)) };
          },
        },
      },
      names: {
        getItemOrNullObject: (name) =>
          fake.names[name] ? { isNullObject: false, load() {}, formula: fake.names[name] } : { isNullObject: true, load() {} },
        add(name) {
          const sheet = Object.keys(fake.sheets).pop();
          fake.names[name] = `='${sheet}'!$A$1`;
        },
      },
    },
    sync() {
      fake.syncs++;
      return new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
  /** The user edits a cell of a sheet: Excel changes it and fires onChanged. */
  fake.edit = (sheet, row, col, value) => {
    const key = find(sheet);
    fake.sheets[key].values[row][col] = value;
    for (const h of fake.handlers) h({ worksheetId: fake.sheets[key].id, address: `${colName(col)}${row + 1}` });
  };
  /** Fire a change event for a sheet without changing anything (e.g. the add-in's own write). */
  fake.fire = (sheet) => {
    const key = find(sheet);
    for (const h of fake.handlers) h({ worksheetId: fake.sheets[key].id, address: 'A1' });
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { displayLanguage: data.displayLanguage || 'sv-SE' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  };
  window.Excel = { run: (batch) => batch(context) };
})();
