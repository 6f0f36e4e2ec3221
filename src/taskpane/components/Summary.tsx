import { Card, CardHeader, Subtitle2, Text } from '@fluentui/react-components';
import type { Kronor } from '../../engine/kronor';
import type { CheckStatus } from '../../engine/goals';
import { formatKr, formatMonth, Lang, Ui } from '../../messages';
import type { YearSummary } from '../../workbook/summary';
import { useStyles } from '../styles';
import { StatusBadge } from './StatusBadge';

function Figure({
  label,
  value,
  status,
  note,
  lang,
}: {
  label: string;
  value: Kronor | null;
  status: CheckStatus | null;
  note?: string;
  lang: Lang;
}) {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <Text size={200}>{label}</Text>
      <Text size={200} weight="semibold" className={styles.amount}>
        {value === null ? note : formatKr(value)}
      </Text>
      {status && <StatusBadge status={status} lang={lang} />}
    </div>
  );
}

export function Summary({ years, t, lang }: { years: YearSummary[]; t: Ui; lang: Lang }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="summary-title">
      <Subtitle2 as="h2" id="summary-title" className={styles.flush}>
        {t.summaryTitle}
      </Subtitle2>
      <div className={styles.cards}>
        {years.map((y) => (
          <Card key={y.year} size="small" data-testid={`year-${y.year}`} aria-label={String(y.year)}>
            <CardHeader header={<Text weight="semibold">{y.year}</Text>} />
            <Figure label={t.result} value={y.result} status={y.resultStatus} lang={lang} />
            <Figure label={t.equityEnd} value={y.equityEnd} status={y.equityStatus} lang={lang} />
            <Figure
              label={y.lowestCashMonth === null ? t.lowestCash : `${t.lowestCash} (${formatMonth(y.lowestCashMonth, lang)})`}
              value={y.lowestCash}
              status={y.cashStatus}
              lang={lang}
            />
            <Figure label={t.decisionRoom} value={y.decisionRoom} status={y.decisionRoomStatus} note={t.notJudged} lang={lang} />
          </Card>
        ))}
      </div>
    </section>
  );
}
