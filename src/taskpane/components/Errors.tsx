import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import type { Ui } from '../../messages/ui';
import type { PaneError } from '../paneTypes';
import { useStyles } from '../styles';

export default function Errors({ errors, onGoTo, t }: { errors: PaneError[]; onGoTo: (e: PaneError) => void; t: Ui }) {
  const styles = useStyles();
  return (
    <section className={styles.section} data-testid="errors">
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t.inputErrorsTitle(errors.length)}</MessageBarTitle>
        </MessageBarBody>
      </MessageBar>
      {errors.map((e, i) => (
        <MessageBar key={i} intent="error" layout="multiline">
          <MessageBarBody>
            {e.sheet && (
              <MessageBarTitle>
                {e.sheet}
                {e.cell ? `!${e.cell}` : ''}
              </MessageBarTitle>
            )}
            {e.message}
          </MessageBarBody>
          {e.cell && e.code !== 'missingSheet' && (
            <MessageBarActions>
              <Button size="small" onClick={() => onGoTo(e)} aria-label={`${t.goToCell} ${e.sheet}!${e.cell}`}>
                {t.goToCell}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </section>
  );
}
