import { Button } from '@fluentui/react-button';
import { Switch } from '@fluentui/react-switch';
import { Caption1, Subtitle2, Text } from '@fluentui/react-text';
import { useState } from 'react';
import type { CheckStatus } from '../../engine/goals';
import type { Lang } from '../../messages/format';
import type { Ui } from '../../messages/ui';
import type { PaneCheck } from '../paneTypes';
import { useStyles } from '../styles';
import { StatusBadge } from './StatusBadge';

const RANK: Record<CheckStatus, number> = { failed: 0, warning: 1, ok: 2 };

interface Group {
  goal: PaneCheck['goal'];
  name: string;
  checks: PaneCheck[];
  worst: CheckStatus;
  problems: number;
}

/** The checks by goal; goals with problems first (not met, then warnings), each in plan order. */
export function groupChecks(checks: readonly PaneCheck[]): Group[] {
  const groups: Group[] = [];
  for (const c of checks) {
    let g = groups.find((x) => x.goal === c.goal);
    if (!g) groups.push((g = { goal: c.goal, name: c.goalName, checks: [], worst: 'ok', problems: 0 }));
    g.checks.push(c);
    if (RANK[c.status] < RANK[g.worst]) g.worst = c.status;
    if (c.status !== 'ok') g.problems++;
  }
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => RANK[a.g.worst] - RANK[b.g.worst] || a.i - b.i)
    .map(({ g }) => ({ ...g, checks: g.checks.slice().sort((a, b) => RANK[a.status] - RANK[b.status]) }));
}

function Item({ c, onShow, t, lang }: { c: PaneCheck; onShow: (ref: string) => void; t: Ui; lang: Lang }) {
  const styles = useStyles();
  return (
    <li className={styles.check}>
      <div className={styles.row}>
        <StatusBadge status={c.status} lang={lang} />
        <Text weight="semibold">
          {c.goalName} · {c.year ?? t.wholePlan}
        </Text>
      </div>
      <Text size={200}>{c.message}</Text>
      {c.cell && (
        <div>
          <Button size="small" appearance="subtle" onClick={() => onShow(c.cell!)} aria-label={`${t.showCell} ${c.cell}`}>
            {t.showCell} {c.cell}
          </Button>
        </div>
      )}
    </li>
  );
}

export default function Checks({
  checks,
  onShow,
  t,
  lang,
  id = 'checks',
  title = t.checksTitle,
}: {
  checks: PaneCheck[];
  onShow: (ref: string) => void;
  t: Ui;
  lang: Lang;
  /** The section's id (a scenario's checks stand beside the base's). */
  id?: string;
  title?: string;
}) {
  const styles = useStyles();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const count = { ok: 0, warning: 0, failed: 0 };
  for (const c of checks) count[c.status]++;
  const groups = groupChecks(checks).filter((g) => !onlyProblems || g.problems > 0);
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <Subtitle2 as="h2" id={`${id}-title`} className={styles.flush}>
        {title}
      </Subtitle2>
      <Caption1>{t.checksCount(count.ok, count.warning, count.failed)}</Caption1>
      <Switch
        label={t.onlyProblems}
        checked={onlyProblems}
        onChange={(_, d) => setOnlyProblems(d.checked)}
        data-testid="only-problems"
      />
      {groups.length === 0 && <Text data-testid="no-problems">{t.noProblems}</Text>}
      <div className={styles.section} data-testid={id}>
        {groups.map((g) => {
          const items = onlyProblems ? g.checks.filter((c) => c.status !== 'ok') : g.checks;
          const header = (
            <>
              <StatusBadge status={g.worst} lang={lang} />
              <Text weight="semibold">{g.name}</Text>
              <Caption1 className={styles.muted}>{t.groupCount(g.problems, g.checks.length)}</Caption1>
            </>
          );
          const list = (
            <ul className={styles.list}>
              {items.map((c, i) => (
                <Item key={i} c={c} onShow={onShow} t={t} lang={lang} />
              ))}
            </ul>
          );
          // Goals that are met fold away (one line each); goals with problems are open.
          return g.problems > 0 ? (
            <section key={g.goal} className={styles.group} aria-label={g.name} data-testid={`group-${g.goal}`}>
              <div className={styles.groupSummary}>{header}</div>
              {list}
            </section>
          ) : (
            <details key={g.goal} className={styles.group} data-testid={`group-${g.goal}`}>
              <summary className={styles.summaryLine}>{header}</summary>
              {list}
            </details>
          );
        })}
      </div>
    </section>
  );
}
