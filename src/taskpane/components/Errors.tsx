import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { InputError } from '../../workbook/grid';
import type { Ui } from '../../messages';
import { useStyles } from '../styles';

export function Errors({ errors, onGoTo, t }: { errors: InputError[]; onGoTo: (e: InputError) => void; t: Ui }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-live="polite" data-testid="errors">
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t.inputErrorsTitle(errors.length)}</MessageBarTitle>
        </MessageBarBody>
      </MessageBar>
      {errors.map((e, i) => (
        <MessageBar key={i} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {e.sheet}!{e.cell}
            </MessageBarTitle>
            {e.message}
          </MessageBarBody>
          {e.cell && (
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
