/**
 * Computes a workbook snapshot off the main thread in the compute worker (compute.worker.ts), or — where
 * a worker cannot start (a host that refuses workers) — on the main thread from a lazily loaded chunk.
 */
import type { Lang } from '../messages/format';
import type { WorkbookSnapshot } from '../workbook/grid';
import type { PaneResult, WorkerReply, WorkerRequest } from './paneTypes';

type Pending = { request: WorkerRequest; resolve: (r: PaneResult) => void; reject: (e: Error) => void };

let worker: Worker | null | undefined; // undefined: not started yet; null: not available
let nextId = 1;
const pending = new Map<number, Pending>();

async function inThread(request: WorkerRequest): Promise<PaneResult> {
  const [{ computeFromSnapshot }, { toPaneResult }] = await Promise.all([
    import(/* webpackChunkName: "compute" */ '../workbook/refresh'),
    import(/* webpackChunkName: "compute" */ './paneResult'),
  ]);
  return toPaneResult(computeFromSnapshot(request.snapshot), request.lang);
}

function settleInThread(p: Pending): void {
  inThread(p.request).then(p.resolve, (e: unknown) => p.reject(e instanceof Error ? e : new Error(String(e))));
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    // webpack 5 bundles the worker from this pattern (https://webpack.js.org/guides/web-workers/).
    // @ts-expect-error import.meta: tsconfig.json says module commonjs (for the command line); ts-loader builds the pane as esnext
    worker = new Worker(new URL('./compute.worker.ts', import.meta.url));
  } catch {
    worker = null;
    return null;
  }
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('result' in e.data) p.resolve(e.data.result);
    else p.reject(new Error(e.data.crash));
  };
  worker.onerror = (e) => {
    // The worker's script did not load (or died): compute what waits on the main thread from now on.
    e.preventDefault();
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    waiting.forEach(settleInThread);
  };
  return worker;
}

/** Start the worker ahead of the first computation (its script loads while the user looks at the pane). */
export function warmUp(): void {
  startWorker();
}

/**
 * `prepare`: the host's own form of the output sheets, made in the worker too (`PaneResult.prepared`).
 * Computed on the main thread, the result has the sheets only (the host's `write` prepares them).
 */
export function compute(snapshot: WorkbookSnapshot, lang: Lang, prepare?: WorkerRequest['prepare']): Promise<PaneResult> {
  const request: WorkerRequest = { id: nextId++, snapshot, lang, ...(prepare ? { prepare } : {}) };
  return new Promise<PaneResult>((resolve, reject) => {
    const p: Pending = { request, resolve, reject };
    const w = startWorker();
    if (!w) return settleInThread(p);
    pending.set(request.id, p);
    try {
      w.postMessage(request);
    } catch {
      // Not cloneable (should not happen: snapshots are plain data): compute here.
      pending.delete(request.id);
      settleInThread(p);
    }
  });
}
