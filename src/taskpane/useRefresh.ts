/** The refresh state machine of the pane: phases, timings, result, staleness, automatic recompute. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputError } from '../workbook/grid';
import { Computed, refresh, RefreshPhase, RefreshTimings } from '../workbook/refresh';
import type { PaneHost } from '../hosts/paneHost';

export interface RefreshState {
  phase: RefreshPhase | 'idle';
  result: Computed | null;
  errors: InputError[];
  timings: RefreshTimings | null;
  totalMs: number | null;
  stale: boolean;
  failure: string | null;
}

const INITIAL: RefreshState = {
  phase: 'idle',
  result: null,
  errors: [],
  timings: null,
  totalMs: null,
  stale: false,
  failure: null,
};
const DEBOUNCE_MS = 400;

export function useRefresh(host: PaneHost, auto: boolean) {
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
        const start = performance.now();
        try {
          const r = await refresh(
            host.workbook(),
            (phase) => setState((s) => ({ ...s, phase })),
            () => performance.now(),
          );
          setState({
            phase: 'done',
            result: r,
            errors: r.errors,
            timings: r.timings,
            totalMs: Math.round(performance.now() - start),
            stale: r.errors.length > 0,
            failure: null,
          });
        } catch (e) {
          setState((s) => ({ ...s, phase: 'idle', failure: e instanceof Error ? e.message : String(e) }));
        }
      } while (again.current);
    } finally {
      running.current = false;
    }
  }, [host]);

  // Edits to input sheets: mark the outputs stale and, with automatic recompute, refresh after a pause.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const autoRef = useRef(auto);
  autoRef.current = auto;
  useEffect(() => {
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    void host
      .watchInputs(() => {
        setState((s) => ({ ...s, stale: true }));
        if (!autoRef.current) return;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void run(), DEBOUNCE_MS);
      })
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
  }, [host, run]);

  const markStale = useCallback(() => setState((s) => ({ ...s, stale: true })), []);
  return { state, run, markStale };
}
