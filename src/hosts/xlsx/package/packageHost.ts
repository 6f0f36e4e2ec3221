/**
 * A WorkbookHost over the package reader/writer: what the command line and the standalone preview can use
 * instead of the ExcelJS model. `write` produces new package bytes (`result`); the caller saves them.
 * Ownership: only the exact mark of an output sheet (a workbook-level defined name `ownerMarkName(sheet)`)
 * pointing at A1 of that very sheet counts; a mark left at `#REF!` is simply replaced by the new one.
 */
import type { OutputSheet, WorkbookHost, WorkbookSnapshot } from '../../../workbook/grid';
import { INPUT_SHEETS, ownerMarkName } from '../../../workbook/schema';
import type { PackageLimits } from './opc';
import { PackageSheetGrid, WorkbookInfo, XlsxPackage } from './read';
import { writePackage } from './write';
import type { DeflateRaw } from './zipWrite';

/** Sheet names as the contract compares them: NFC, surrounding spaces ignored, case-insensitive. */
export function contractName(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('sv');
}

/** The sheet a mark formula points at, when it is exactly that sheet's A1 (`'Budget'!$A$1`, `Budget!A1`). */
export function markTarget(formula: string): string | null {
  if (/#REF!/i.test(formula)) return null;
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!\s]+))!\$?A\$?1\s*$/.exec(formula);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

/** Names of the worksheets that carry their exact mark. */
export function ownedSheets(info: WorkbookInfo, markName: (sheet: string) => string = ownerMarkName): string[] {
  const owned: string[] = [];
  for (const s of info.sheets) {
    if (s.kind !== 'worksheet') continue;
    const mark = markName(s.name).toLowerCase();
    const ok = info.definedNames.some((d) => {
      if (d.localSheetId !== null || d.name.toLowerCase() !== mark) return false;
      const target = markTarget(d.formula);
      return target !== null && target.toLocaleLowerCase('sv') === s.name.toLocaleLowerCase('sv');
    });
    if (ok) owned.push(s.name);
  }
  return owned;
}

export interface PackageHostOptions {
  limits?: PackageLimits;
  deflateRaw?: DeflateRaw;
  /** Input sheet names to read (compared as the contract says); the contract's input sheets by default. */
  inputNames?: readonly string[];
  markName?: (sheet: string) => string;
}

export class PackageHost implements WorkbookHost {
  /** The new package after `write`. */
  result: Uint8Array | null = null;
  /** The grids of the last `read`, with what the snapshot does not carry (formulas without values, tables). */
  grids: PackageSheetGrid[] = [];

  private constructor(
    private readonly bytes: Uint8Array,
    readonly pkg: XlsxPackage,
    private readonly options: PackageHostOptions,
  ) {}

  static async open(bytes: Uint8Array, options: PackageHostOptions = {}): Promise<PackageHost> {
    return new PackageHost(bytes, await XlsxPackage.open(bytes, options.limits), options);
  }

  async read(): Promise<WorkbookSnapshot> {
    const info = this.pkg.info;
    const wanted = new Set((this.options.inputNames ?? Object.values(INPUT_SHEETS)).map(contractName));
    // Every matching worksheet, hidden ones too: two sheets for one name is the parser's error to report.
    const names = info.sheets.filter((s) => s.kind === 'worksheet' && wanted.has(contractName(s.name))).map((s) => s.name);
    this.grids = await this.pkg.readSheets(names);
    return {
      inputs: this.grids,
      sheetNames: info.sheets.map((s) => s.name),
      ownedSheets: ownedSheets(info, this.options.markName),
    };
  }

  async write(sheets: OutputSheet[]): Promise<void> {
    const markName = this.options.markName ?? ownerMarkName;
    const quote = (n: string) => `'${n.replace(/'/g, "''")}'`;
    this.result = await writePackage(
      this.bytes,
      {
        sheets,
        owned: ownedSheets(this.pkg.info, markName),
        definedNames: sheets.map((s) => ({ name: markName(s.name), formula: `${quote(s.name)}!$A$1` })),
      },
      { limits: this.options.limits, deflateRaw: this.options.deflateRaw },
    );
  }
}
