/**
 * The refresh state machine of the pane: read (host) → compute (worker) → write (host, only without
 * input errors); visible phases; a result that replaces the previous one entirely; staleness; automatic
 * recompute after local edits (debounced), stale-only for a co-author's edits.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../messages/format';
import { type PaneHost, takesPrepared } from '../hosts/paneHost';
import { compute } from './computeClient';
import type { PaneResult } from './paneTypes';

export type Phase = 'idle' | 'reading' | 'computing' | 'writing';

export type Outcome =
  | { kind: 'written'; at: Date }
  | { kind: 'inputErrors'; count: number; at: Date }
  /** The run failed: `office` when the message is the host's own instruction (OfficeHostError). */
  | { kind: 'crash'; message: string; office: boolean };

export interface RefreshState {
  phase: Phase;
  /** The last run's result; null before the first run and after a failed one. */
  result: PaneResult | null;
  outcome: Outcome | null;
  stale: boolean;
}

const INITIAL: RefreshState = { phase: 'idle', result: null, outcome: null, stale: false };
/**
 * The pause after an edit before the automatic refresh starts. Short, because it is not there to wait
 * out typing: Excel raises `Worksheet.onChanged` when the data of cells has changed
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events), which happens once per
 * committed edit (Enter, Tab, a paste, a fill), not per keystroke — while the user types, Excel is in cell
 * edit mode and holds even our batches until it ends (`delayForCellEdit`,
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions). The pause only gathers the events
 * one action raises together (a paste over two sheets, an undo of several steps) into one refresh; an
 * edit while a refresh runs makes one more after it (`again`). At most 150 ms (issue 7).
 */
export const DEBOUNCE_MS = 50;

export function useRefresh(host: PaneHost, auto: boolean, lang: Lang) {
  const [state, setState] = useState<RefreshState>(INITIAL);
  const running = useRef(false);
  const again = useRef(false);

  const run = useCallback(async () => {
    if (running.current) {
      again.current = true; // an edit during a refresh: one more after it
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        const phase = (p: Phase) => setState((s) => ({ ...s, phase: p }));
        try {
          const workbook = host.workbook();
          phase('reading');
          const snapshot = await workbook.read();
          phase('computing');
          const prepared = takesPrepared(workbook);
          const result = await compute(snapshot, lang, prepared ? workbook.preparedKind : undefined);
          if (result.errors.length === 0) {
            phase('writing');
            // The sheets in the host's own form where the worker made it (no preparation here).
            if (prepared && result.prepared) await workbook.writePrepared(result.prepared.sheets);
            else await workbook.write(result.sheets);
          }
          const at = new Date();
          setState({
            phase: 'idle',
            result,
            outcome:
              result.errors.length === 0 ? { kind: 'written', at } : { kind: 'inputErrors', count: result.errors.length, at },
            stale: result.errors.length > 0,
          });
        } catch (e) {
          const office = e instanceof Error && e.name === 'OfficeHostError';
          const message = e instanceof Error ? e.message : String(e);
          setState({ phase: 'idle', result: null, outcome: { kind: 'crash', message, office }, stale: true });
        }
      } while (again.current);
    } finally {
      running.current = false;
    }
  }, [host, lang]);

  // Edits to input sheets: mark the outputs stale and, with automatic recompute, refresh after a pause.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const autoRef = useRef(auto);
  autoRef.current = auto;
  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), DEBOUNCE_MS);
  }, [run]);
  useEffect(() => {
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    const markStale = () => setState((s) => ({ ...s, stale: true }));
    void host
      .watchInputs(
        () => {
          markStale();
          if (autoRef.current) schedule();
        },
        // A co-author's edit: their pane writes; this one only says the figures are out of date.
        markStale,
      )
      .then((u) => {
        if (cancelled) void u();
        else unsubscribe = u;
      })
      // Without change events (an older Excel) the pane still refreshes on Beräkna.
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (timer.current) clearTimeout(timer.current);
      if (unsubscribe) void unsubscribe();
    };
  }, [host, schedule]);

  const markStale = useCallback(() => setState((s) => ({ ...s, stale: true })), []);
  /** Forget the previous workbook's result (a new file is opened). */
  const reset = useCallback(() => setState(INITIAL), []);
  return { state, run, markStale, reset };
}
