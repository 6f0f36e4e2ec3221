/**
 * The summary's two charts, as on `Sammanfattning`: cash at each month's end against the liquidity
 * floor, and equity at each year's end against the cap (Fluent UI v9 charts). A chunk of its own,
 * loaded when a result is first shown, so that nothing of it is fetched before Beräkna is enabled.
 * Each chart is a figure named by its caption, with its figures as a table for screen readers (visually
 * hidden), beside the chart's own accessible elements.
 */
import { LineChart, VerticalBarChart } from '@fluentui/react-charts';
import type { LineChartPoints, VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { Subtitle2 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/tokens';
import { startTransition, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../messages/format';
import { formatKr } from '../../messages/format';
import { axisKr, CHART_TEXT } from '../../messages/charts';
import type { PaneCharts } from '../paneTypes';

/** Colour-blind safe (Okabe–Ito), the colours of the sheet's charts: blue for the plan, vermilion for the limit. */
const PLAN = '#0072B2';
const LIMIT = '#D55E00';
/** Room on the left for the axis amounts ("7,5 mkr"). */
const MARGINS = { left: 60, right: 16, top: 16, bottom: 32 };

const useChartStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  // Legends as written: Fluent capitalises every word ("Lägsta Likviditet"), which Swedish does not.
  legend: { textTransform: 'none' },
  // Visually hidden, read by screen readers (the usual clip pattern).
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** The width the charts get: their box's, followed when the pane is resized. */
function useWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(280);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(200, Math.floor(el.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Whether the second chart may be drawn: not in the task that draws the first. Each chart's first drawing
 * is some 50 ms of main-thread work at national scale (120 months); together they made one task of about
 * 100 ms, which the pane's budget (no task over 100 ms, issue 7) does not allow.
 */
function useSecondStage(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => startTransition(() => setReady(true)), 0);
    return () => window.clearTimeout(id);
  }, []);
  return ready;
}

export default function SummaryCharts({ charts, lang }: { charts: PaneCharts; lang: Lang }) {
  const styles = useChartStyles();
  const second = useSecondStage();
  const t = CHART_TEXT[lang];
  const [ref, width] = useWidth();
  const months = charts.cash;
  const cashSeries: LineChartPoints[] = [
    {
      legend: t.cash,
      color: PLAN,
      data: months.map((m) => ({
        x: new Date(Date.UTC(m.year, m.month - 1, 1)),
        y: m.cash,
        xAxisCalloutData: m.label,
        yAxisCalloutData: formatKr(m.cash),
      })),
    },
  ];
  if (charts.floor !== null && months.length > 0) {
    const floor = charts.floor;
    cashSeries.push({
      legend: t.floor,
      color: LIMIT,
      lineOptions: { strokeDasharray: '6 4' },
      hideNonActiveDots: true,
      // A level line: its first and last month are enough (a mark per month would double the drawing).
      data: [months[0]!, months[months.length - 1]!].map((m) => ({
        x: new Date(Date.UTC(m.year, m.month - 1, 1)),
        y: floor,
        xAxisCalloutData: m.label,
        yAxisCalloutData: formatKr(floor),
      })),
    });
  }
  const hasCap = charts.equity.some((e) => e.cap !== null);
  const bars: VerticalBarChartDataPoint[] = charts.equity.map((e) => ({
    x: String(e.year),
    y: e.equity,
    legend: t.equity,
    color: PLAN,
    xAxisCalloutData: String(e.year),
    yAxisCalloutData: formatKr(e.equity),
    ...(e.cap !== null ? { lineData: { y: e.cap, yAxisCalloutData: formatKr(e.cap) } } : {}),
  }));
  const monthTick = (d: Date) =>
    months.find((m) => m.year === d.getUTCFullYear() && m.month === d.getUTCMonth() + 1)?.label ?? '';
  return (
    <section className={styles.figure} aria-labelledby="charts-title" ref={ref} data-testid="summary-charts">
      <Subtitle2 as="h2" id="charts-title" style={{ margin: 0 }}>
        {t.title}
      </Subtitle2>
      <figure className={styles.figure} data-testid="chart-cash" aria-labelledby="chart-cash-title">
        <figcaption id="chart-cash-title">{t.cashTitle}</figcaption>
        <div>
          <LineChart
            data={{ chartTitle: t.cashTitle, lineChartData: cashSeries }}
            width={width}
            height={220}
            yAxisTickFormat={(v: number) => axisKr(v, lang)}
            customDateTimeFormatter={monthTick}
            xAxisTickCount={4}
            useUTC
            yMinValue={0}
            roundedTicks
            strokeWidth={2}
            margins={MARGINS}
            legendProps={{ styles: { legend: styles.legend } }}
          />
        </div>
        <div className={styles.hidden}>
          <table data-testid="chart-cash-table">
            <caption>
              {t.cashTitle} — {t.tableNote}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.month}</th>
                <th scope="col">{t.cash}</th>
                {charts.floor !== null && <th scope="col">{t.floor}</th>}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={`${m.year}-${m.month}`}>
                  <th scope="row">{m.label}</th>
                  <td>{formatKr(m.cash)}</td>
                  {charts.floor !== null && <td>{formatKr(charts.floor)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
      <figure className={styles.figure} data-testid="chart-equity" aria-labelledby="chart-equity-title">
        <figcaption id="chart-equity-title">{t.equityTitle}</figcaption>
        <div style={{ minHeight: 220 }}>
          {second && (
            <VerticalBarChart
              chartTitle={t.equityTitle}
              data={bars}
              width={width}
              height={220}
              useSingleColor
              colors={[PLAN]}
              {...(hasCap ? { lineLegendText: t.cap, lineLegendColor: LIMIT } : {})}
              yAxisTickFormat={(v: number) => axisKr(v, lang)}
              hideLabels
              roundedTicks
              margins={MARGINS}
              legendProps={{ styles: { legend: styles.legend } }}
            />
          )}
        </div>
        <div className={styles.hidden}>
          <table data-testid="chart-equity-table">
            <caption>
              {t.equityTitle} — {t.tableNote}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.year}</th>
                <th scope="col">{t.equity}</th>
                {hasCap && <th scope="col">{t.cap}</th>}
              </tr>
            </thead>
            <tbody>
              {charts.equity.map((e) => (
                <tr key={e.year}>
                  <th scope="row">{e.year}</th>
                  <td>{formatKr(e.equity)}</td>
                  {hasCap && <td>{e.cap === null ? '–' : formatKr(e.cap)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
    </section>
  );
}
