/** The pane proper (UI, engine, hosts), loaded by the entry right after its first paint. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Root } from 'react-dom/client';
import { excelPane } from '../hosts/excel/excelPane';
import { Lang } from '../messages';
import { App } from './App';

export function startInExcel(root: Root, lang: Lang): void {
  const host = excelPane((batch) => Excel.run(batch));
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} />
    </FluentProvider>,
  );
}

export async function startStandalone(root: Root, lang: Lang): Promise<void> {
  const { createStandalonePane } = await import(/* webpackChunkName: "standalone" */ '../hosts/standalone/standalonePane');
  const pane = createStandalonePane();
  await pane.loadExample();
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={pane} lang={lang} />
    </FluentProvider>,
  );
}
