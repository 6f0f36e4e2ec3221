/**
 * Entry of the task pane. Inside Excel it runs on Office.js; where no Office host answers (no `Office`
 * global because office.js did not load, or `Office.onReady` says the page is not in Excel) it runs
 * the standalone preview over an .xlsx file. While Office is getting ready the pane shows a spinner,
 * however long that takes: a slow Office start must not put the user's workbook aside for the example.
 */
import { FluentProvider } from '@fluentui/react-provider';
import { Spinner } from '@fluentui/react-spinner';
import { webLightTheme } from '@fluentui/tokens';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../messages/format';
import { langOf, ui } from '../messages/ui';
import type { OfficeTheme } from './theme';

interface OfficeGlobal {
  onReady: () => Promise<{ host: string | null }>;
  HostType: { Excel: string };
  context?: { displayLanguage?: string; officeTheme?: OfficeTheme };
}

/** After this long the spinner also says that Excel is slow (it keeps waiting). */
const SLOW_OFFICE_MS = 6000;

type Where = { excel: true; lang: Lang; theme: OfficeTheme | null } | { excel: false };

/** Inside Excel: its display language and theme; anywhere else: not Excel. */
async function whereAmI(): Promise<Where> {
  const office = (window as unknown as { Office?: OfficeGlobal }).Office;
  if (!office || typeof office.onReady !== 'function') return { excel: false };
  const info = await office.onReady().catch(() => null);
  if (!info || info.host !== office.HostType.Excel) return { excel: false };
  let theme: OfficeTheme | null = null;
  try {
    theme = office.context?.officeTheme ?? null; // absent on some hosts
  } catch {
    theme = null;
  }
  return { excel: true, lang: langOf(office.context?.displayLanguage ?? 'sv-SE'), theme };
}

/** Outside Office: Swedish unless the page asks for another language (?lang=en). */
function standaloneLanguage(): Lang {
  return langOf(new URLSearchParams(window.location.search).get('lang') ?? 'sv');
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const lang0 = standaloneLanguage();
  const office = (window as unknown as { Office?: OfficeGlobal }).Office;
  const waiting = (slow: boolean) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <div style={{ padding: 24, display: 'flex', flexDirection: 'column', rowGap: 12 }}>
          <Spinner label={office ? ui[lang0].waitingForExcel : ui[lang0].loading} />
          {slow && <p style={{ margin: 0, textAlign: 'center' }}>{ui[lang0].slowExcel}</p>}
        </div>
      </FluentProvider>,
    );
  waiting(false);
  const slow = office ? setTimeout(() => waiting(true), SLOW_OFFICE_MS) : undefined;
  // The pane proper loads while Office gets ready.
  const [where, start] = await Promise.all([whereAmI(), import(/* webpackChunkName: "pane" */ './start')]);
  clearTimeout(slow);
  if (where.excel) {
    document.documentElement.lang = where.lang;
    start.startInExcel(root, where.lang, where.theme);
  } else {
    document.documentElement.lang = lang0;
    await start.startStandalone(root, lang0);
  }
}

void main();
