import { Badge } from '@fluentui/react-badge';
import type { CheckStatus } from '../../engine/goals';
import type { Lang } from '../../messages/format';
import { statusLabel } from '../../messages/vocabulary';
import { useStyles } from '../styles';

const COLOR = { ok: 'success', warning: 'warning', failed: 'danger' } as const;

export function StatusBadge({ status, lang }: { status: CheckStatus; lang: Lang }) {
  const styles = useStyles();
  return (
    <Badge appearance="filled" color={COLOR[status]} shape="rounded" className={styles.badge}>
      {statusLabel(status, lang)}
    </Badge>
  );
}
