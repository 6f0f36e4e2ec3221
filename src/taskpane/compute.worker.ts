/**
 * The compute worker: parse, compute and render off the pane's main thread, so that the pane stays
 * responsive at national scale (no long task while Excel's batch is prepared or the user types).
 * Built by webpack 5 from `new Worker(new URL('./compute.worker.ts', import.meta.url))`.
 */
import { computeFromSnapshot } from '../workbook/refresh';
import { prepareSheets } from '../hosts/excel/prepare';
import { toPaneResult } from './paneResult';
import type { PaneResult, WorkerReply, WorkerRequest } from './paneTypes';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (m: WorkerReply) => void;
};

scope.onmessage = (e) => {
  const { id, snapshot, lang, prepare } = e.data;
  try {
    const result: PaneResult = toPaneResult(computeFromSnapshot(snapshot), lang);
    // The Excel host's ranges made here, where the sheets are: the main thread only queues them, and the
    // reply carries flat arrays and rectangles instead of an object per cell.
    if (prepare === 'excel' && result.sheets.length > 0) {
      result.prepared = { kind: 'excel', sheets: prepareSheets(result.sheets) };
      result.sheets = [];
    }
    scope.postMessage({ id, result });
  } catch (err) {
    scope.postMessage({ id, crash: err instanceof Error ? err.message : String(err) });
  }
};
