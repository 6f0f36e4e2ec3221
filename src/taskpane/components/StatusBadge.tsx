import { Badge } from '@fluentui/react-components';
import type { CheckStatus } from '../../engine/goals';
import { Lang, statusLabel } from '../../messages';
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
