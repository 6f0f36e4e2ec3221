/** What the task pane needs from where it runs: Excel (Office.js) or the standalone preview (ExcelJS). */
import type { WorkbookHost } from '../workbook/grid';
import type { PreparedSheet } from './excel/prepare';

/**
 * A workbook whose write also takes the output sheets in its host's own form, made off the main thread
 * where they are rendered (the pane's compute worker): `preparedKind` names the form, `writePrepared`
 * writes it as `write` would the sheets. Only the Excel host has one (hosts/excel/prepare.ts); the
 * others take `write`, and the interface they implement, `WorkbookHost`, is unchanged.
 */
export interface PreparedWorkbookHost extends WorkbookHost {
  readonly preparedKind: 'excel';
  writePrepared(sheets: PreparedSheet[]): Promise<void>;
}

export function takesPrepared(workbook: WorkbookHost): workbook is PreparedWorkbookHost {
  return (workbook as Partial<PreparedWorkbookHost>).preparedKind === 'excel';
}

export interface PaneHost {
  kind: 'excel' | 'standalone';
  /** The workbook to refresh (in the standalone preview it changes when a file is opened). */
  workbook(): WorkbookHost;
  /** Show a cell, e.g. `Likviditet` / `D6`. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Call back on the user's own edits to input sheets (not on the tool's own writes, nor on other
   * sheets); a co-author's edits (Excel reports them as Remote) call `onRemoteChange` instead: mark the
   * outputs stale, do not write (the co-author's pane does). Returns an unsubscribe.
   */
  watchInputs(onChange: () => void, onRemoteChange?: () => void): Promise<() => Promise<void>>;
  /** Add the input sheets with the bundled example; returns the names that already existed (nothing added). */
  createTemplate(): Promise<string[]>;
}

/** Split `'Insatser per år'!B5` or `Likviditet!D6` into sheet and cell. */
export function splitRef(ref: string): { sheet: string; cell: string } {
  const i = ref.lastIndexOf('!');
  const sheet = ref.slice(0, i);
  return { sheet: sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet, cell: ref.slice(i + 1) };
}
