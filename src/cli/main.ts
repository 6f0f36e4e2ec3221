/** The `finsam-budget` command: refresh a workbook's output sheets, or write the example template. */
import ExcelJS from 'exceljs';
import { performance } from 'perf_hooks';
import { deflateRawSync } from 'zlib';
import {
  checkWritable,
  FileError,
  readXlsxBytes,
  saveWorkbookAtomic,
  unreadableWorkbook,
  writeFileAtomic,
} from '../hosts/xlsx/files';
import {
  CannotKeepError,
  CellTextTooLongError,
  InvalidOutputError,
  NotOwnedError,
  PackageHost,
  SUGGESTED_LIMITS,
  UnreadablePackageError,
} from '../hosts/xlsx/package';
import { addTemplateSheets } from '../hosts/xlsx/xlsxHost';
import {
  checkMessage,
  cliText,
  formatKr,
  goalName,
  OUTPUT_WORDS,
  PackageProblem,
  packageProblemText,
  statusLabel,
} from '../messages';
import { emptyTemplateSheets } from '../workbook/emptyTemplate';
import { templateSheets } from '../workbook/example';
import { planToJson } from '../workbook/json';
import { refresh } from '../workbook/refresh';
import { followUpSummaryLine } from '../workbook/outputs/followUpSheet';
import { countStatuses, formatWarnings, summarize } from '../workbook/summary';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
};

interface Args {
  command: string;
  file: string;
  out?: string;
  json: boolean;
  strict: boolean;
  /** `template --empty`: the input sheets without the example's data. */
  empty?: boolean;
}

function parseArgs(argv: string[]): Args | null {
  const positional: string[] = [];
  const args: Partial<Args> = { json: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--empty') args.empty = true;
    else if (a === '--out') {
      const next = argv[++i];
      if (!next) return null;
      args.out = next;
    } else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a.startsWith('-')) return null;
    else positional.push(a);
  }
  if (positional.length !== 2) return null;
  const [command, file] = positional as [string, string];
  if (command !== 'refresh' && command !== 'template') return null;
  if (command === 'template' && (args.out || args.json || args.strict)) return null;
  if (command !== 'template' && args.empty) return null;
  return { ...args, command, file } as Args;
}

/** A file that cannot be read or written: its Swedish message (FileError says what the file is), exit 2. */
function fileFailure(io: Io, json: boolean, e: unknown): number {
  if (e instanceof FileError) return usageError(io, json, e.message, e.problem.code);
  throw e;
}

function usageError(io: Io, json: boolean, message: string, code = 'unreadableFile', exit = 2): number {
  if (json) io.out(JSON.stringify(planToJson(null, [{ sheet: '', cell: '', code, message }]), null, 2));
  else io.err(message);
  return exit;
}

/** The package writer's refusals, as facts for their message. */
function writeProblem(e: unknown): PackageProblem | null {
  if (e instanceof CannotKeepError) return { code: 'cannotKeep', items: e.items };
  if (e instanceof NotOwnedError) return { code: 'notOwned', sheet: e.existing };
  if (e instanceof CellTextTooLongError) return { code: 'cellTextTooLong', sheet: e.sheet, cell: e.cell, length: e.length };
  if (e instanceof InvalidOutputError) return { code: 'invalidOutput', sheet: e.sheet, reason: e.reason };
  return null;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    io.err(cliText.usage);
    return 2;
  }
  if (args.command === 'template') return template(args.file, io, args.empty ?? false);

  const started = performance.now();
  const target = args.out ?? args.file;
  let host: PackageHost;
  try {
    const bytes = await readXlsxBytes(args.file);
    try {
      // The package itself, not a model of it: every part the refresh does not own is kept byte for byte.
      host = await PackageHost.open(bytes, { limits: SUGGESTED_LIMITS, deflateRaw: (d) => deflateRawSync(d) });
    } catch (e) {
      if (e instanceof UnreadablePackageError && e.kind === 'tooLarge')
        return usageError(io, args.json, packageProblemText({ code: 'tooLarge', file: args.file }), 'tooLarge');
      if (e instanceof UnreadablePackageError) throw unreadableWorkbook(args.file, bytes, e);
      throw e;
    }
    await checkWritable(target); // a read-only target: exit 2 before anything is computed
  } catch (e) {
    return fileFailure(io, args.json, e);
  }
  let result: Awaited<ReturnType<typeof refresh>>;
  try {
    result = await refresh(host);
  } catch (e) {
    // The writer refuses before producing anything: nothing is written.
    const problem = writeProblem(e);
    if (!problem) throw e;
    return usageError(io, args.json, packageProblemText(problem), problem.code, problem.code === 'cannotKeep' ? 2 : 1);
  }
  if (result.errors.length > 0) {
    if (args.json) io.out(JSON.stringify(result.json(), null, 2));
    else {
      io.err(cliText.inputErrors(result.errors.length));
      for (const e of result.errors) io.err(`  ${e.sheet}!${e.cell}: ${e.message}`);
      for (const line of formatWarnings(result.warnings)) io.err(line);
    }
    return 1;
  }
  try {
    await writeFileAtomic(target, host.result!);
  } catch (e) {
    return fileFailure(io, args.json, e);
  }
  const plan = result.plan!;
  if (args.json) io.out(JSON.stringify(result.json(), null, 2));
  else {
    const s = plan.input.settings;
    io.out(cliText.summaryHeader(s.name, plan.years[0]!, plan.years[plan.years.length - 1]!));
    for (const y of summarize(plan)) {
      io.out(
        cliText.yearLine(
          // The follow-up's year is a forecast, headed as on the sheets ("Prognos 2024").
          plan.followUp?.year === y.year ? OUTPUT_WORDS.followUp.yearHeader(y.year) : String(y.year),
          formatKr(y.result),
          formatKr(y.equityEnd),
          y.lowestCash === null ? '–' : formatKr(y.lowestCash),
        ),
      );
    }
    for (const sc of result.scenarios)
      io.out(cliText.scenarioLine(sc.name, sc.plan ? sc.plan.budget.map((b) => `${b.year} ${formatKr(b.result)}`) : []));
    const count = countStatuses(plan.checks);
    const followUp = followUpSummaryLine(plan);
    if (followUp) io.out(followUp);
    io.out(cliText.checksHeader(count.ok, count.warning, count.failed));
    for (const c of plan.checks) {
      if (c.status === 'ok') continue;
      io.out(`  [${statusLabel(c.status)}] ${goalName(c.goal)}${c.year ? ` ${c.year}` : ''}: ${checkMessage(c)}`);
    }
    for (const line of formatWarnings(result.warnings)) io.out(line);
    io.out(cliText.written(target, Math.round(performance.now() - started)));
  }
  if (args.strict && plan.checks.some((c) => c.status === 'failed')) return 3;
  return 0;
}

async function template(file: string, io: Io, empty: boolean): Promise<number> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Finsam Budget';
  addTemplateSheets(wb, empty ? emptyTemplateSheets() : templateSheets());
  try {
    await saveWorkbookAtomic(wb, file, { createOnly: true }); // never replaces a file that exists
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    io.err(e.problem.code === 'exists' ? cliText.exists(file) : e.message);
    return 2;
  }
  io.out(empty ? cliText.emptyTemplateWritten(file) : cliText.templateWritten(file));
  return 0;
}
