/**
 * Shared output cells. A national plan's output sheets hold some 100 000 cells but few distinct ones:
 * most are zeros (an intervention's years outside its period), the split repeats itself every year
 * with the same members, Budget and Sammanfattning show the same statement. Nothing changes a cell
 * once it is made, so a render hands out one frozen cell per amount and weight instead of one per
 * position: the sheets are the same, with a fraction of the objects to allocate and collect.
 */
import type { OutCell } from './grid';

export class MoneyCells {
  private readonly plain = new Map<number, OutCell>();
  private readonly bold = new Map<number, OutCell>();

  constructor(private readonly format: string) {}

  /** The cell showing `v` in this format, bold or not (`{ v, f, bold }`, as every amount cell is). */
  cell(v: number, bold: boolean): OutCell {
    // A Map does not tell −0 from 0 (the engine never makes −0, but a cell must show what it is given).
    if (Object.is(v, -0)) return { v, f: this.format, bold };
    const pool = bold ? this.bold : this.plain;
    let c = pool.get(v);
    if (c === undefined) {
      c = Object.freeze({ v, f: this.format, bold });
      pool.set(v, c);
    }
    return c;
  }
}
