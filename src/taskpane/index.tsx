/**
 * Entry of the task pane. Inside Excel it runs on Office.js; anywhere else (a plain browser, or
 * office.js unavailable) it runs the standalone preview over an .xlsx file, loaded lazily with ExcelJS.
 */
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { Lang, langOf, ui } from '../messages';

interface OfficeGlobal {
  onReady: () => Promise<{ host: string | null }>;
  HostType: { Excel: string };
  context?: { displayLanguage?: string };
}

const OFFICE_READY_TIMEOUT_MS = 5000;

/** Office's display language when running inside Excel, or null when not in Excel. */
async function excelLanguage(): Promise<string | null> {
  const office = (window as unknown as { Office?: OfficeGlobal }).Office;
  if (!office || typeof office.onReady !== 'function') return null;
  const info = await Promise.race([
    office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS)),
  ]);
  if (!info || info.host !== office.HostType.Excel) return null;
  return office.context?.displayLanguage ?? 'sv-SE';
}

/** Outside Office: Swedish unless the page asks for another language (?lang=en). */
function standaloneLanguage(): Lang {
  return langOf(new URLSearchParams(window.location.search).get('lang') ?? 'sv');
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const lang0 = standaloneLanguage();
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label={ui[lang0].loading} style={{ marginTop: 24 }} />
    </FluentProvider>,
  );
  // The pane proper loads while Office gets ready.
  const [officeLang, start] = await Promise.all([excelLanguage(), import(/* webpackChunkName: "pane" */ './start')]);
  if (officeLang !== null) start.startInExcel(root, langOf(officeLang));
  else await start.startStandalone(root, lang0);
}

void main();
