/**
 * Amount cells. A national plan's output sheets hold some 100 000 cells, and four in ten are zeros (an
 * intervention's years outside its period, on Insatser per år, Budget and Sammanfattning). Nothing
 * changes a cell once it is made, so every zero of a weight is one shared, frozen cell: the sheets are
 * the same, with far fewer objects to allocate and collect. (Other amounts are not pooled: looking
 * them up in a table costs more than making them.)
 */
import type { OutCell } from './grid';

export class MoneyCells {
  private readonly zero: readonly [OutCell, OutCell];

  constructor(private readonly format: string) {
    this.zero = [Object.freeze({ v: 0, f: format, bold: false }), Object.freeze({ v: 0, f: format, bold: true })];
  }

  /** The cell showing `v` in this format, bold or not (`{ v, f, bold }`, as every amount cell is). */
  cell(v: number, bold: boolean): OutCell {
    // Object.is: −0 is not 0 to a cell (the engine never makes −0, but a cell shows what it is given).
    if (Object.is(v, 0)) return this.zero[bold ? 1 : 0];
    return { v, f: this.format, bold };
  }
}

/**
 * An instance kept for the module's life (never used).
 * V8 keeps a class's hidden classes only while an instance is alive: a full garbage collection that finds
 * none (between two refreshes) drops them, and with them the optimized code of every method that was
 * compiled against them, to be compiled again on the next refresh. At national scale that was a third
 * of a warm refresh (scripts/bench.js, which collects garbage before each run). This one instance,
 * alive as long as the module, keeps them.
 */
export const KEPT_MONEY_CELLS: unknown = new MoneyCells('0');
