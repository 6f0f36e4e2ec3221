import {
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  ProgressBar,
  Switch,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { Lang, ui } from '../messages';
import { summarize } from '../workbook/summary';
import { Checks } from './components/Checks';
import { Errors } from './components/Errors';
import { PreviewTable, StandaloneBar } from './components/StandaloneBar';
import { Summary } from './components/Summary';
import { PaneHost, splitRef } from '../hosts/paneHost';
import type { Preview, StandalonePane } from '../hosts/standalone/standalonePane';
import { useStyles } from './styles';
import { useRefresh } from './useRefresh';

export function App({ host, lang }: { host: PaneHost; lang: Lang }) {
  const t = ui[lang];
  const styles = useStyles();
  const [auto, setAuto] = useState(true);
  const { state, run, markStale } = useRefresh(host, auto);
  const [notice, setNotice] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const standalone = host.kind === 'standalone' ? (host as StandalonePane) : null;
  useEffect(() => standalone?.onPreview(setPreview), [standalone]);

  const plan = state.result?.plan ?? null;
  const years = useMemo(() => (plan ? summarize(plan) : []), [plan]);
  const busy = state.phase === 'reading' || state.phase === 'computing' || state.phase === 'writing';
  const phaseText =
    { reading: t.phaseReading, computing: t.phaseComputing, writing: t.phaseWriting }[state.phase as 'reading'] ?? '';

  const show = async (sheet: string, cell: string) => {
    try {
      await host.select(sheet, cell);
    } catch (e) {
      setNotice({ intent: 'error', text: t.failed((e as Error).message) });
    }
  };

  const createTemplate = async () => {
    try {
      const clashes = await host.createTemplate();
      setNotice(
        clashes.length ? { intent: 'warning', text: t.templateExists(clashes) } : { intent: 'success', text: t.templateCreated },
      );
      if (!clashes.length) markStale();
    } catch (e) {
      setNotice({ intent: 'error', text: t.failed((e as Error).message) });
    }
  };

  const open = async (file: File) => {
    if (!standalone) return;
    try {
      await standalone.loadFile(file.name, await file.arrayBuffer());
      setFileName(file.name);
      setPreview(null);
      setNotice(null);
      if (auto) await run();
      else markStale();
    } catch (e) {
      setNotice({ intent: 'error', text: t.unreadable(file.name, (e as Error).message) });
    }
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

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.flush}>
          {t.appTitle}
        </Title3>
        {plan?.input.settings.name && (
          <Caption1 as="p" className={mergeClasses(styles.muted, styles.flush)}>
            {plan.input.settings.name}
          </Caption1>
        )}
      </header>

      {standalone && (
        <StandaloneBar
          t={t}
          fileName={fileName}
          canDownload={state.phase === 'done' && state.errors.length === 0}
          onOpen={(f) => void open(f)}
          onDownload={() => void download()}
        />
      )}

      <div className={styles.section}>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void run()} disabled={busy} data-testid="compute">
            {busy ? t.computing : t.compute}
          </Button>
          <Switch label={t.autoRecompute} checked={auto} onChange={(_, d) => setAuto(d.checked)} />
        </div>
        <div aria-live="polite" role="status" aria-label={t.statusLabel}>
          {busy && (
            <Field validationMessage={phaseText} validationState="none">
              <ProgressBar />
            </Field>
          )}
          {state.phase === 'done' && state.totalMs !== null && state.timings && (
            <Caption1 data-testid="timing">
              {t.done(state.totalMs)}{' '}
              {t.doneDetail(
                Math.round(state.timings.readMs),
                Math.round(state.timings.computeMs),
                Math.round(state.timings.writeMs),
              )}
            </Caption1>
          )}
        </div>
        {state.stale && state.errors.length === 0 && (
          <MessageBar intent="warning" data-testid="stale">
            <MessageBarBody>{t.stale}</MessageBarBody>
          </MessageBar>
        )}
        {state.failure && (
          <MessageBar intent="error">
            <MessageBarBody>{t.failed(state.failure)}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {preview && <PreviewTable preview={preview} t={t} />}
      {state.errors.length > 0 && <Errors errors={state.errors} onGoTo={(e) => void show(e.sheet, e.cell)} t={t} />}
      {plan && state.errors.length === 0 && (
        <>
          <Summary years={years} t={t} lang={lang} />
          <Checks
            checks={plan.checks}
            cells={state.result!.checkCells}
            onShow={(ref) => {
              const { sheet, cell } = splitRef(ref);
              void show(sheet, cell);
            }}
            t={t}
            lang={lang}
          />
        </>
      )}

      <Divider />
      <div className={styles.section}>
        <div>
          <Button onClick={() => void createTemplate()}>{t.createTemplate}</Button>
        </div>
        <Text size={200} className={styles.muted}>
          {t.createTemplateHint}
        </Text>
      </div>
    </main>
  );
}
