/**
 * The summary's charts, out of the way of a refresh: mounted after the result has been painted (the
 * chart chunk — Fluent UI charts and d3 — loads then, the first time), and drawn again only when their
 * figures change (an automatic recompute that leaves them as they were draws nothing).
 */
import { lazy, memo, startTransition, Suspense, useEffect, useState } from 'react';
import type { Lang } from '../../messages/format';
import type { PaneCharts } from '../paneTypes';

const SummaryCharts = lazy(() => import(/* webpackChunkName: "charts" */ './SummaryCharts'));

const Charts = memo(
  function Charts({ charts, lang }: { charts: PaneCharts; lang: Lang }) {
    return (
      <Suspense fallback={null}>
        <SummaryCharts charts={charts} lang={lang} />
      </Suspense>
    );
  },
  (a, b) => a.lang === b.lang && JSON.stringify(a.charts) === JSON.stringify(b.charts),
);

export default function DeferredCharts({ charts, lang }: { charts: PaneCharts; lang: Lang }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // When the browser is idle after painting the result (a task of its own, not part of the refresh's).
    const idle = typeof window.requestIdleCallback === 'function';
    const id = idle
      ? window.requestIdleCallback(() => startTransition(() => setShown(true)), { timeout: 1000 })
      : window.setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => (idle ? window.cancelIdleCallback(id) : window.clearTimeout(id));
  }, []);
  return shown ? <Charts charts={charts} lang={lang} /> : null;
}
