import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import { ProgressBar } from '@fluentui/react-progress';
import { Switch } from '@fluentui/react-switch';
import { Caption1, Text, Title3 } from '@fluentui/react-text';
import { mergeClasses } from '@griffel/react';
import { lazy, memo, Suspense, useCallback, useEffect, useState } from 'react';
import type { Lang } from '../messages/format';
import { clockTime, ui, type Ui } from '../messages/ui';
import { PaneHost, splitRef } from '../hosts/paneHost';
import type { Preview, StandalonePane } from '../hosts/standalone/standalonePane';
import type { PaneError, PaneResult } from './paneTypes';
import { useStyles } from './styles';
import { Phase, useRefresh } from './useRefresh';

// What the first screen does not need loads when it is first shown.
const Summary = lazy(() => import(/* webpackChunkName: "results" */ './components/Summary'));
const Checks = lazy(() => import(/* webpackChunkName: "results" */ './components/Checks'));
const FollowUp = lazy(() => import(/* webpackChunkName: "results" */ './components/FollowUp'));
const Errors = lazy(() => import(/* webpackChunkName: "results" */ './components/Errors'));
const Scenarios = lazy(() => import(/* webpackChunkName: "scenarios" */ './components/Scenarios'));
// The summary's charts; their own chunk (Fluent UI charts, d3) loads after the first result is painted.
const DeferredCharts = lazy(() => import(/* webpackChunkName: "results" */ './components/DeferredCharts'));
const StandaloneBar = lazy(() => import(/* webpackChunkName: "standalone-ui" */ './components/StandaloneBar'));
const PreviewTable = lazy(() =>
  import(/* webpackChunkName: "standalone-ui" */ './components/StandaloneBar').then((m) => ({ default: m.PreviewTable })),
);

type Notice = { intent: 'success' | 'warning' | 'error'; text: string };

/** An empty workbook: every error is a missing required sheet. */
export function isEmptyWorkbook(errors: readonly PaneError[]): boolean {
  return errors.length >= 3 && errors.every((e) => e.code === 'missingSheet');
}

/**
 * The result's sections, drawn again only when the result (or the language) changes: at national scale
 * they are thousands of elements, and the refresh's phases, staleness and notices change nothing in them
 * (a refresh after an edit would otherwise render them at every phase, on the main thread the write needs).
 */
const Results = memo(function Results({
  result,
  t,
  lang,
  onShow,
}: {
  result: PaneResult;
  t: Ui;
  lang: Lang;
  onShow: (ref: string) => void;
}) {
  return (
    <>
      <Summary years={result.years} t={t} lang={lang} />
      {result.scenarios.length > 0 && <Scenarios base={result.years} scenarios={result.scenarios} t={t} lang={lang} />}
      {result.charts && <DeferredCharts charts={result.charts} lang={lang} />}
      {result.followUp && <FollowUp followUp={result.followUp} onShow={onShow} t={t} lang={lang} />}
      <Checks checks={result.checks} onShow={onShow} t={t} lang={lang} />
    </>
  );
});

const STEP: Record<Exclude<Phase, 'idle'>, number> = { reading: 1, computing: 2, writing: 3 };

export function App({
  host,
  lang,
  feature,
}: {
  host: PaneHost;
  lang: Lang;
  /** What this Excel lacks (featureMessage), or null. */
  feature: { blocking: boolean; text: string } | null;
}) {
  const t = ui[lang];
  const styles = useStyles();
  const [auto, setAuto] = useState(true);
  const { state, run, markStale, reset } = useRefresh(host, auto, lang);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const standalone = host.kind === 'standalone' ? (host as StandalonePane) : null;
  useEffect(() => standalone?.onPreview(setPreview), [standalone]);

  const result = state.result;
  const errors = result?.errors ?? [];
  const empty = isEmptyWorkbook(errors);
  const busy = state.phase !== 'idle';
  const blocked = feature?.blocking ?? false;
  const phaseText = busy
    ? `${t.phaseStep(STEP[state.phase as Exclude<Phase, 'idle'>])}: ${
        { reading: t.phaseReading, computing: t.phaseComputing, writing: t.phaseWriting }[state.phase as Exclude<Phase, 'idle'>]
      }`
    : '';
  const outcome = state.outcome;
  const crash = outcome?.kind === 'crash' ? outcome : null;

  /** Messages of the host (OfficeHostError) are instructions already; anything else is a failure. */
  const failureText = (e: unknown) =>
    e instanceof Error && (e.name === 'OfficeHostError' || e.name === 'NotWorkbook')
      ? e.message
      : t.failed(e instanceof Error ? e.message : String(e));

  const compute = () => {
    setNotice(null);
    void run();
  };

  const show = async (sheet: string, cell: string) => {
    try {
      await host.select(sheet, cell);
    } catch (e) {
      setNotice({ intent: 'error', text: failureText(e) });
    }
  };
  // A cell reference of a result's section (a check, a follow-up row): the same function across renders.
  const showRef = useCallback(
    (ref: string) => {
      const { sheet, cell } = splitRef(ref);
      host.select(sheet, cell).catch((e: unknown) => setNotice({ intent: 'error', text: failureText(e) }));
    },
    [host, t],
  );

  const createTemplate = async () => {
    try {
      const clashes = await host.createTemplate();
      setNotice(
        clashes.length
          ? { intent: 'warning', text: t.templateExists(clashes) }
          : { intent: 'success', text: auto ? t.templateCreatedAuto : t.templateCreated },
      );
      if (!clashes.length) {
        setPreview(null);
        if (auto) await run();
        else markStale();
      }
    } catch (e) {
      setNotice({ intent: 'error', text: failureText(e) });
    }
  };

  const open = async (file: File) => {
    if (!standalone) return;
    try {
      await standalone.loadFile(file.name, await file.arrayBuffer(), lang);
    } catch (e) {
      setNotice({ intent: 'error', text: failureText(e) });
      return;
    }
    // A new workbook: nothing of the previous one stays on screen.
    setFileName(file.name);
    setPreview(null);
    setNotice(null);
    reset();
    if (auto) await run();
    else markStale();
  };

  const download = async () => {
    if (!standalone) return;
    const { name, blob } = await standalone.download();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  // A success notice never stands beside red errors or a failure.
  const shownNotice = notice && notice.intent === 'success' && (errors.length > 0 || crash) ? null : notice;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.flush}>
          {t.appTitle}
        </Title3>
        {result?.name && (
          <Caption1 as="p" className={mergeClasses(styles.muted, styles.flush)}>
            {result.name}
          </Caption1>
        )}
      </header>

      {standalone && (
        <Suspense fallback={null}>
          <StandaloneBar
            t={t}
            fileName={fileName}
            canDownload={outcome?.kind === 'written'}
            onOpen={(f) => void open(f)}
            onDownload={() => void download()}
          />
        </Suspense>
      )}

      {feature && (
        <MessageBar intent={feature.blocking ? 'error' : 'warning'} layout="multiline" data-testid="feature">
          <MessageBarBody>{feature.text}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.section}>
        <div className={styles.row}>
          <Button appearance="primary" onClick={compute} disabled={busy || blocked} data-testid="compute">
            {busy ? t.computing : t.compute}
          </Button>
          <Switch label={t.autoRecompute} checked={auto} onChange={(_, d) => setAuto(d.checked)} />
        </div>
        <div aria-live="polite" role="status" aria-label={t.statusLabel} data-testid="status">
          {busy && (
            // The bar and its step in words (what Fluent's Field would lay out, without its chunk of styles).
            <div className={styles.phase} data-testid="phase">
              <ProgressBar aria-labelledby="phase-text" />
              <Caption1 id="phase-text" className={styles.muted}>
                {phaseText}
              </Caption1>
            </div>
          )}
          {!busy && outcome && !empty && (
            <Text
              size={200}
              weight="semibold"
              data-testid="outcome"
              data-at={outcome.kind === 'crash' ? undefined : outcome.at.getTime()}
            >
              {outcome.kind === 'written'
                ? t.resultWritten(clockTime(outcome.at))
                : outcome.kind === 'inputErrors'
                  ? t.resultInputErrors(outcome.count, clockTime(outcome.at))
                  : t.resultFailed}
            </Text>
          )}
        </div>
        {state.stale && errors.length === 0 && !crash && (
          <MessageBar intent="warning" data-testid="stale">
            <MessageBarBody>{t.stale}</MessageBarBody>
          </MessageBar>
        )}
        {crash && (
          <MessageBar intent="error" layout="multiline" data-testid="crash">
            <MessageBarBody>{crash.office ? crash.message : t.failed(crash.message)}</MessageBarBody>
          </MessageBar>
        )}
        {shownNotice && (
          <MessageBar intent={shownNotice.intent} layout="multiline" data-testid="notice">
            <MessageBarBody>{shownNotice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {empty && (
        <section className={styles.section} data-testid="empty">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.emptyTitle}</MessageBarTitle>
              {t.emptyHint}
            </MessageBarBody>
          </MessageBar>
          <div>
            <Button appearance="primary" onClick={() => void createTemplate()}>
              {t.createTemplate}
            </Button>
          </div>
        </section>
      )}

      <Suspense fallback={null}>
        {preview && <PreviewTable preview={preview} t={t} />}
        {!empty && errors.length > 0 && <Errors errors={errors} onGoTo={(e) => void show(e.sheet, e.cell)} t={t} />}
        {result && errors.length === 0 && <Results result={result} t={t} lang={lang} onShow={showRef} />}
      </Suspense>

      {!empty && (
        <>
          {/* A plain rule in the theme's stroke colour: Fluent's Divider (its variants' styles) is not needed for one line. */}
          <hr className={styles.rule} />
          <div className={styles.section}>
            <div>
              <Button onClick={() => void createTemplate()}>{t.createTemplate}</Button>
            </div>
            <Text size={200} className={styles.muted}>
              {t.createTemplateHint}
            </Text>
          </div>
        </>
      )}
    </main>
  );
}
