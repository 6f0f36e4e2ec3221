import { Button, ToggleButton } from '@fluentui/react-button';
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { Caption1, Subtitle2, Text } from '@fluentui/react-text';
import { useState } from 'react';
import type { Lang } from '../../messages/format';
import { formatKr } from '../../messages/format';
import type { Ui } from '../../messages/ui';
import type { PaneScenario, PaneYear } from '../paneTypes';
import { useStyles } from '../styles';
import Checks from './Checks';
import Summary from './Summary';

/** The figures the comparison shows per year, as the summary has them. */
const MEASURES: { key: 'result' | 'equityEnd' | 'lowestCash' | 'room'; label: (t: Ui) => string }[] = [
  { key: 'result', label: (t) => t.result },
  { key: 'equityEnd', label: (t) => t.equityEnd },
  { key: 'lowestCash', label: (t) => t.lowestCash },
  { key: 'room', label: (t) => t.scenarioRoom },
];

function valueOf(y: PaneYear | undefined, key: (typeof MEASURES)[number]['key']): number | null {
  if (!y) return null;
  return key === 'room' ? (y.room?.value ?? null) : y[key].value;
}

const signed = (x: number) => (x > 0 ? `+${formatKr(x)}` : formatKr(x));

/**
 * The scenarios of `Scenarier` under the summary: per year the base and each scenario side by side (and
 * the difference from the base), and a button per scenario that shows its summary and checks here —
 * computed by the worker with the base, never written to the workbook.
 */
export default function Scenarios({
  base,
  scenarios,
  t,
  lang,
}: {
  base: PaneYear[];
  scenarios: PaneScenario[];
  t: Ui;
  lang: Lang;
}) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<number | null>(null);
  const shown = chosen === null ? null : (scenarios[chosen] ?? null);
  return (
    <section className={styles.section} aria-labelledby="scenarios-title" data-testid="scenarios">
      <Subtitle2 as="h2" id="scenarios-title" className={styles.flush}>
        {t.scenariosTitle}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t.scenariosHint}</Caption1>
      <div className={styles.tableWrap}>
        <Table size="extra-small" className={styles.previewTable} data-testid="scenario-comparison">
          <TableHeader>
            <TableRow>
              <TableHeaderCell aria-label={t.scenariosTitle} />
              <TableHeaderCell>{t.scenarioBase}</TableHeaderCell>
              {scenarios.map((s, i) => (
                <TableHeaderCell key={i}>{s.name}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {base.flatMap((y, yi) => [
              <TableRow key={`${y.year}`}>
                <TableCell>
                  <Text weight="semibold">{y.year}</Text>
                </TableCell>
              </TableRow>,
              ...MEASURES.map((m) => {
                const b = valueOf(y, m.key);
                return (
                  <TableRow key={`${y.year}-${m.key}`}>
                    <TableCell className={styles.previewLabel}>{m.label(t)}</TableCell>
                    <TableCell className={styles.previewCell}>{b === null ? '–' : formatKr(b)}</TableCell>
                    {scenarios.map((s, i) => {
                      const v = valueOf(
                        s.years[yi]?.year === y.year ? s.years[yi] : s.years.find((x) => x.year === y.year),
                        m.key,
                      );
                      return (
                        <TableCell key={i} className={styles.previewCell}>
                          {v === null ? '–' : formatKr(v)}
                          {v !== null && b !== null && v !== b && (
                            <>
                              <br />
                              <Caption1 className={styles.muted} aria-label={t.scenarioDifference}>
                                {signed(v - b)}
                              </Caption1>
                            </>
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                );
              }),
            ])}
          </TableBody>
        </Table>
      </div>
      <div className={styles.row} role="group" aria-label={t.scenariosTitle}>
        {scenarios.map((s, i) => (
          <ToggleButton
            key={i}
            size="small"
            checked={chosen === i}
            onClick={() => setChosen(chosen === i ? null : i)}
            data-testid={`scenario-${i}`}
          >
            {s.name}
          </ToggleButton>
        ))}
      </div>
      {shown && (
        <div className={styles.section} data-testid="scenario-shown">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t.scenarioShowing(shown.name)}</MessageBarBody>
          </MessageBar>
          <Summary years={shown.years} t={t} lang={lang} id="scenario-summary" title={shown.name} />
          <Checks
            checks={shown.checks}
            onShow={() => undefined}
            t={t}
            lang={lang}
            id="scenario-checks"
            title={t.scenarioChecksTitle(shown.name)}
          />
          <div>
            <Button size="small" onClick={() => setChosen(null)}>
              {t.scenarioBack}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
