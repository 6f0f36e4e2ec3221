import { Card, CardHeader } from '@fluentui/react-card';
import { Caption1, Subtitle2, Text } from '@fluentui/react-text';
import type { Lang } from '../../messages/format';
import { formatKr } from '../../messages/format';
import type { Ui } from '../../messages/ui';
import type { PaneFigure, PaneYear } from '../paneTypes';
import { useStyles } from '../styles';
import { StatusBadge } from './StatusBadge';

function Figure({ label, figure, empty, lang }: { label: string; figure: PaneFigure; empty?: string; lang: Lang }) {
  const styles = useStyles();
  return (
    <div className={styles.figureBlock}>
      <div className={styles.figure}>
        <Text size={200}>{label}</Text>
        <Text size={200} weight="semibold" className={styles.amount}>
          {figure.value === null ? empty : formatKr(figure.value)}
        </Text>
        {figure.status && <StatusBadge status={figure.status} lang={lang} />}
      </div>
      {figure.note && (
        <Caption1 className={styles.note} data-testid="limit-note">
          {figure.note}
        </Caption1>
      )}
    </div>
  );
}

export default function Summary({
  years,
  t,
  lang,
  id = 'summary',
  title = t.summaryTitle,
}: {
  years: PaneYear[];
  t: Ui;
  lang: Lang;
  /** The section's id (a scenario's summary stands beside the base's). */
  id?: string;
  title?: string;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`} data-testid={id}>
      <Subtitle2 as="h2" id={`${id}-title`} className={styles.flush}>
        {title}
      </Subtitle2>
      <div className={styles.cards}>
        {years.map((y) => (
          <Card key={y.year} size="small" data-testid={`year-${y.year}`} aria-label={String(y.year)}>
            <CardHeader header={<Text weight="semibold">{y.label ?? y.year}</Text>} />
            <Figure label={t.result} figure={y.result} lang={lang} />
            <Figure label={t.equityEnd} figure={y.equityEnd} lang={lang} />
            <Figure
              label={y.lowestCashMonth === null ? t.lowestCash : `${t.lowestCash} (${y.lowestCashMonth})`}
              figure={y.lowestCash}
              lang={lang}
            />
            <Figure label={t.decisionRoom} figure={y.decisionRoom} empty={t.notJudged} lang={lang} />
            {y.room && (
              <Caption1 data-testid="room" className={styles.muted}>
                {y.room.text}
              </Caption1>
            )}
          </Card>
        ))}
      </div>
    </section>
  );
}
