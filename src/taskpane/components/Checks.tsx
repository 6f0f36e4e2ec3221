import { Button, Caption1, Subtitle2, Text } from '@fluentui/react-components';
import type { Check } from '../../engine/goals';
import { checkMessage, goalName, Lang, Ui } from '../../messages';
import { countStatuses } from '../../workbook/summary';
import { useStyles } from '../styles';
import { StatusBadge } from './StatusBadge';

const RANK = { failed: 0, warning: 1, ok: 2 } as const;

export function Checks({
  checks,
  cells,
  onShow,
  t,
  lang,
}: {
  checks: Check[];
  cells: (string | null)[];
  onShow: (ref: string) => void;
  t: Ui;
  lang: Lang;
}) {
  const styles = useStyles();
  const count = countStatuses(checks);
  // Problems first (not met, then warnings), each group in plan order.
  const order = checks.map((c, i) => i).sort((a, b) => RANK[checks[a]!.status] - RANK[checks[b]!.status] || a - b);
  return (
    <section className={styles.section} aria-labelledby="checks-title">
      <Subtitle2 as="h2" id="checks-title" className={styles.flush}>
        {t.checksTitle}
      </Subtitle2>
      <Caption1>{t.checksCount(count.ok, count.warning, count.failed)}</Caption1>
      <ul className={styles.list} data-testid="checks">
        {order.map((i) => {
          const c = checks[i]!;
          return (
            <li key={i} className={styles.check}>
              <div className={styles.row}>
                <StatusBadge status={c.status} lang={lang} />
                <Text weight="semibold">
                  {goalName(c.goal, lang)} · {c.year ?? t.wholePlan}
                </Text>
              </div>
              <Text size={200}>{checkMessage(c, lang)}</Text>
              {cells[i] && (
                <div>
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() => onShow(cells[i]!)}
                    aria-label={`${t.showCell} ${cells[i]}`}
                  >
                    {t.showCell} {cells[i]}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
