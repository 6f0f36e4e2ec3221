import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { Caption1 } from '@fluentui/react-text';
import { mergeClasses } from '@griffel/react';
import { useEffect, useRef } from 'react';
import { columnLetter } from '../../workbook/grid';
import type { Ui } from '../../messages/ui';
import type { Preview } from '../../hosts/standalone/standalonePane';
import { useStyles } from '../styles';

export default function StandaloneBar({
  t,
  fileName,
  canDownload,
  onOpen,
  onDownload,
}: {
  t: Ui;
  fileName: string | null;
  canDownload: boolean;
  onOpen: (file: File) => void;
  onDownload: () => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.section} aria-labelledby="standalone-title">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="standalone-title">{t.standaloneTitle}</MessageBarTitle>
          {t.standaloneHint}
        </MessageBarBody>
      </MessageBar>
      <Caption1 data-testid="workbook-name">{fileName ? t.usingFile(fileName) : t.usingExample}</Caption1>
      <div className={styles.row}>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.openFile}
          data-testid="file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) onOpen(f);
            e.target.value = '';
          }}
        />
        <Button onClick={() => input.current?.click()}>{t.openFile}</Button>
        <Button onClick={onDownload} disabled={!canDownload}>
          {t.download}
        </Button>
      </div>
    </section>
  );
}

/** A few cells around the one shown, with each row's label (column A), scrolled into view. */
export function PreviewTable({ preview, t }: { preview: Preview; t: Ui }) {
  const styles = useStyles();
  const ref = useRef<HTMLElement>(null);
  const focus = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    focus.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [preview]);
  const withLabels = preview.labels !== null;
  return (
    <section
      ref={ref}
      className={styles.section}
      aria-label={t.cellShown(`${preview.sheet}!${preview.cell}`)}
      data-testid="preview"
    >
      <Caption1>{t.cellShown(`${preview.sheet}!${preview.cell}`)}</Caption1>
      <div className={styles.tableWrap}>
        <Table size="extra-small" className={styles.previewTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell aria-label={t.previewLabel} />
              {withLabels && <TableHeaderCell>A</TableHeaderCell>}
              {preview.rows[0]?.map((_, j) => (
                <TableHeaderCell key={j}>{columnLetter(preview.firstCol + j)}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.rows.map((r, i) => (
              <TableRow key={i}>
                <TableCell className={styles.muted}>{preview.firstRow + i + 1}</TableCell>
                {withLabels && (
                  <TableCell className={styles.previewLabel} data-testid="preview-label">
                    {preview.labels![i]}
                  </TableCell>
                )}
                {r.map((v, j) => {
                  const focused = i === preview.focus.row && j === preview.focus.col;
                  return (
                    <TableCell
                      key={j}
                      ref={focused ? focus : undefined}
                      className={focused ? mergeClasses(styles.previewCell, styles.focus) : styles.previewCell}
                      aria-current={focused ? 'true' : undefined}
                      data-testid={focused ? 'preview-focus' : undefined}
                    >
                      {v}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
