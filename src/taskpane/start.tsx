/** The pane proper (UI, hosts), loaded by the entry right after its first paint. */
import { FluentProvider } from '@fluentui/react-provider';
import { webLightTheme, type Theme } from '@fluentui/tokens';
import type { Root } from 'react-dom/client';
import { currentExcelFeatures, featureMessage } from '../hosts/excel/requirements';
import type { Lang } from '../messages/format';
import { App } from './App';
import { warmUp } from './computeClient';
import { lazyExcelPane } from './lazyExcelPane';
import { fluentTheme, OfficeTheme } from './theme';

function paint(theme: Theme): void {
  // The page around the pane in the theme's colours too (Office shows the pane's body).
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  document.body.style.color = theme.colorNeutralForeground1;
}

export function startInExcel(root: Root, lang: Lang, officeTheme: OfficeTheme | null): void {
  const host = lazyExcelPane(lang);
  const feature = featureMessage(currentExcelFeatures(), lang);
  const { theme, dark } = fluentTheme(officeTheme);
  paint(theme);
  root.render(
    <FluentProvider theme={theme} data-theme={dark ? 'dark' : 'light'}>
      <App host={host} lang={lang} feature={feature} />
    </FluentProvider>,
  );
  warmUp();
}

export async function startStandalone(root: Root, lang: Lang): Promise<void> {
  const { createStandalonePane } = await import(/* webpackChunkName: "standalone" */ '../hosts/standalone/standalonePane');
  const pane = createStandalonePane();
  await pane.loadExample();
  paint(webLightTheme);
  root.render(
    <FluentProvider theme={webLightTheme} data-theme="light">
      <App host={pane} lang={lang} feature={null} />
    </FluentProvider>,
  );
  warmUp();
}
