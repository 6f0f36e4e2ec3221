/**
 * The compute worker: parse, compute and render off the pane's main thread, so that the pane stays
 * responsive at national scale (no long task while Excel's batch is prepared or the user types).
 * Built by webpack 5 from `new Worker(new URL('./compute.worker.ts', import.meta.url))`.
 */
import { computeFromSnapshot } from '../workbook/refresh';
import { toPaneResult } from './paneResult';
import type { WorkerReply, WorkerRequest } from './paneTypes';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (m: WorkerReply) => void;
};

scope.onmessage = (e) => {
  const { id, snapshot, lang } = e.data;
  try {
    scope.postMessage({ id, result: toPaneResult(computeFromSnapshot(snapshot), lang) });
  } catch (err) {
    scope.postMessage({ id, crash: err instanceof Error ? err.message : String(err) });
  }
};
