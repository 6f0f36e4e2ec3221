/**
 * The write's smaller payload changes nothing in the workbook: values as row bands, number formats,
 * bold, colours, wrap and alignment as rectangles that empty cells may join, widths as runs. A random
 * sheet written by the host and the same sheet written cell by cell (one command per cell and
 * property, test/fakeOffice.ts) give the same values everywhere, the same fills everywhere, and the
 * same formats and styles on every cell that shows something.
 */
import fc from 'fast-check';
import { ExcelHost, officeExcel } from '../src/hosts/excel/excelHost';
import { linksOf, styleRuns, toArrays } from '../src/hosts/excel/prepare';
import { prepareSheet } from '../src/hosts/excel/prepare';
import { coverRuns, valueBands, widthRuns } from '../src/hosts/excel/writeRuns';
import type { OutCell, OutputSheet } from '../src/workbook/grid';
import { FakeContext, FakeExcel } from './fakeOffice';

const cell: fc.Arbitrary<OutCell> = fc.record(
  {
    v: fc.oneof(fc.constant(null), fc.constant(''), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom('a', 'Summa', '=x')),
    f: fc.constantFrom('@', '#,##0', '0 %', 'General'),
    bold: fc.boolean(),
    fill: fc.constantFrom('C6EFCE', 'FFC7CE'),
    color: fc.constantFrom('006100', '9C0006'),
    wrap: fc.boolean(),
    align: fc.constantFrom('left' as const, 'center' as const),
  },
  { requiredKeys: ['v'] },
);

const sheet: fc.Arbitrary<OutputSheet> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 9 }),
    widths: fc.array(fc.constantFrom(10, 12, 30), { maxLength: 7 }),
  })
  .map(({ rows, widths }) => ({ name: 'Kontroller', rows, widths, freezeRows: 0 }));

/** The reference: every cell and property on its own, as the plainest writer would do it. */
async function cellByCell(excel: FakeExcel, out: OutputSheet): Promise<void> {
  const { values, formats } = toArrays(out);
  await excel.Excel.run(async (ctx: FakeContext) => {
    const ws = ctx.workbook.worksheets.add(out.name);
    out.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        const at = () => ws.getRangeByIndexes(i, j, 1, 1);
        if (formats[i]![j] !== 'General') at().numberFormat = [[formats[i]![j]]];
        if (values[i]![j] !== '') at().values = [[values[i]![j]]];
        if (c.bold) at().format.font.bold = true;
        if (c.fill) at().format.fill.color = `#${c.fill}`;
        if (c.color) at().format.font.color = `#${c.color}`;
        if (c.wrap) at().format.wrapText = true;
        if (c.align) at().format.horizontalAlignment = c.align === 'left' ? 'Left' : 'Center';
      }),
    );
    out.widths.forEach((w, j) => (ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = Math.round(w * 6.5)));
    await ctx.sync();
  });
}

describe('the write in runs and bands: the same workbook as cell by cell', () => {
  test('random sheets', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (out) => {
        const ours = new FakeExcel();
        await new ExcelHost(officeExcel(ours.Excel as never)).write([out]);
        const plain = new FakeExcel();
        await cellByCell(plain, out);
        const a = ours.sheet(out.name)!;
        const b = plain.sheet(out.name)!;
        const { values } = toArrays(out);
        expect(ours.valuesOf(out.name)).toEqual(plain.valuesOf(out.name));
        expect([...a.widths]).toEqual([...b.widths]);
        values.forEach((row, i) =>
          row.forEach((v, j) => {
            const key = `${i},${j}`;
            const style = (s: typeof a) => s.styles.get(key) ?? {};
            expect(style(a).fill).toBe(style(b).fill);
            if (v === '') return; // an empty cell shows no format, weight, colour, wrap or alignment
            expect(a.formats[i]?.[j] ?? 'General').toBe(b.formats[i]?.[j] ?? 'General');
            expect(a.bold.has(key)).toBe(b.bold.has(key));
            expect([style(a).color, style(a).wrap ?? false, style(a).align]).toEqual([
              style(b).color,
              style(b).wrap ?? false,
              style(b).align,
            ]);
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  test('the preparation in one pass makes the rectangles `coverRuns` makes of the grids', () => {
    fc.assert(
      fc.property(sheet, (out) => {
        const { values, formats, width } = toArrays(out);
        const prepared = prepareSheet(out);
        const empty = (r: number, c: number) => values[r]![c] === '';
        const bold = out.rows.map((r) => r.map((c) => (c.bold === true ? 'b' : '')));
        expect(prepared.runs).toEqual(coverRuns(formats, 'General', empty));
        expect(prepared.bold).toEqual(coverRuns(bold, '', empty));
        expect(prepared.styles).toEqual(styleRuns(out));
        expect(prepared.bands).toEqual(valueBands(values, width));
        const linked = {
          ...out,
          rows: out.rows.map((r, i) => r.map((c, j) => ((i + j) % 3 === 0 ? { ...c, link: 'A!B2' } : c))),
        };
        expect(prepareSheet(linked).links).toEqual(linksOf(linked));
      }),
      { numRuns: 300 },
    );
  });

  test('rectangles: a column of one value is one range; empty cells let rows of different reach merge', () => {
    const grid = [
      ['b', '', ''],
      ['b', 'b', ''],
      ['b', 'b', 'b'],
    ];
    expect(coverRuns(grid, '')).toEqual([
      [0, 0, 3, 1, 'b'],
      [1, 1, 2, 1, 'b'],
      [2, 2, 1, 1, 'b'],
    ]);
    const empty = new Set(['0,1', '0,2', '1,2']);
    expect(coverRuns(grid, '', (r, c) => empty.has(`${r},${c}`))).toEqual([[0, 0, 3, 3, 'b']]);
  });

  test('value bands: wide rows on top, narrow rows below, no padding sent for the narrow ones', () => {
    const wide = ['t', 1, 2, 3, 4, 5, 6, 7];
    const narrow = ['x', 1, '', '', '', '', '', ''];
    const values = [wide, wide, ...Array.from({ length: 40 }, () => narrow)];
    const bands = valueBands(values, 8);
    expect(bands.map((b) => [b.row, b.values.length, b.values[0]!.length])).toEqual([
      [0, 2, 8],
      [2, 40, 2],
    ]);
    // A few narrow rows are not worth a command of their own.
    expect(valueBands([wide, narrow], 8).map((b) => [b.row, b.values.length, b.values[0]!.length])).toEqual([[0, 2, 8]]);
  });

  test('widths: adjacent columns of one width as one run', () => {
    expect(widthRuns([65, 65, 78, 65])).toEqual([
      [0, 2, 65],
      [2, 1, 78],
      [3, 1, 65],
    ]);
  });
});
