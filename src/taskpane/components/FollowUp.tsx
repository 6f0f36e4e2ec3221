import { Button } from '@fluentui/react-button';
import { Caption1, Subtitle2, Text } from '@fluentui/react-text';
import type { Lang } from '../../messages/format';
import { formatKr } from '../../messages/format';
import { FOLLOW_UP_UI } from '../../messages/followUp';
import type { Ui } from '../../messages/ui';
import type { PaneFollowUp, PaneFollowUpRow } from '../paneTypes';
import { useStyles } from '../styles';
import { StatusBadge } from './StatusBadge';

/** The follow-up: to date and full year for income, costs and result; the largest deviations; the goals. */
export default function FollowUp({
  followUp,
  onShow,
  t,
  lang,
}: {
  followUp: PaneFollowUp;
  onShow: (ref: string) => void;
  t: Ui;
  lang: Lang;
}) {
  const styles = useStyles();
  const f = FOLLOW_UP_UI[lang];
  const show = (ref: string) => (
    <Button size="small" appearance="subtle" onClick={() => onShow(ref)} aria-label={`${t.showCell} ${ref}`}>
      {t.showCell}
    </Button>
  );
  const amount = (n: number) => <span className={styles.amount}>{formatKr(n)}</span>;
  const line = (r: PaneFollowUpRow, testId: string) => (
    <li key={r.label} className={styles.check} data-testid={testId}>
      <div className={styles.row}>
        <Text weight="semibold">{r.label}</Text>
        {show(r.cell)}
      </div>
      <div className={styles.figure}>
        <Text size={200}>
          {f.toDate}: {f.actual} {formatKr(r.actualToDate)}, {f.budget} {formatKr(r.budgetToDate)}
        </Text>
      </div>
      <div className={styles.figure}>
        <Text size={200}>
          {f.deviation}
          {r.percentToDate === null ? '' : ` (${r.percentToDate})`}
        </Text>
        {amount(r.actualToDate - r.budgetToDate)}
      </div>
      <div className={styles.figure}>
        <Text size={200}>
          {f.forecast}: {f.budget} {formatKr(r.budgetYear)}
        </Text>
        {amount(r.forecastYear)}
      </div>
    </li>
  );
  return (
    <section className={styles.section} aria-labelledby="follow-up-title" data-testid="follow-up">
      <Subtitle2 as="h2" id="follow-up-title" className={styles.flush}>
        {followUp.title}
      </Subtitle2>
      <ul className={styles.list}>{followUp.totals.map((r) => line(r, 'follow-up-total'))}</ul>
      <div className={styles.figure}>
        <Text size={200}>
          {f.equityEnd}: {f.budget} {formatKr(followUp.equity.budget)}
        </Text>
        {amount(followUp.equity.forecast)}
      </div>
      <Text weight="semibold">{f.largest}</Text>
      {followUp.noneMarked !== null && <Caption1>{followUp.noneMarked}</Caption1>}
      <ul className={styles.list}>{followUp.largest.map((r) => line(r, 'follow-up-largest'))}</ul>
      <Text weight="semibold">{f.goals}</Text>
      <ul className={styles.list}>
        {followUp.goals.map((c) => (
          <li key={c.goal} className={styles.row} data-testid="follow-up-goal">
            <StatusBadge status={c.status} lang={lang} />
            <Text size={200}>{c.goalName}</Text>
            {c.cell && show(c.cell)}
          </li>
        ))}
      </ul>
      <Caption1 className={styles.muted}>{f.sheetHint}</Caption1>
    </section>
  );
}
