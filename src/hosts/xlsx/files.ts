/**
 * File I/O for the command line, done the way careful tools do it:
 * - reading refuses what is too large before it is read, and names what a file is when it is not a workbook;
 * - writing is atomic and keeps the file as the user had it: a temporary file beside the real target (a
 *   symbolic link is followed and stays a link), created with the original's mode, given its owner, written,
 *   flushed, renamed over the target, and the folder flushed. A read-only target is refused before anything
 *   is written. Ctrl-C or SIGTERM during a write removes the temporary file; a SIGKILL can leave one, which
 *   the next write into that folder removes. The original is always either intact or completely replaced.
 * Every failure is a `FileError` with a Swedish message (exit status 2 on the command line).
 */
import type ExcelJS from 'exceljs';
import { randomBytes } from 'crypto';
import * as fsSync from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileProblemText, interruptedText, type FileProblem } from '../../messages/files';
import type { Lang } from '../../messages/index';
import { fileKind } from './fileKind';

/** Larger workbooks are refused before they are read (issue 8: far beyond any förbund's needs). */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

export type { FileProblem };

/** A file that cannot be read or written. `message` is Swedish; `text('en')` gives English. */
export class FileError extends Error {
  /** The command line's exit status for every file problem. */
  readonly exitCode = 2;
  /** The system's error, for debugging only (never shown). */
  readonly cause?: unknown;
  constructor(
    /** The file as the user named it. */
    readonly file: string,
    readonly problem: FileProblem,
    options?: { cause?: unknown },
  ) {
    super(fileProblemText(file, problem, 'sv'));
    this.name = 'FileError';
    this.cause = options?.cause;
  }
  text(lang: Lang = 'sv'): string {
    return fileProblemText(this.file, this.problem, lang);
  }
}

function errnoOf(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as NodeJS.ErrnoException).code === 'string'
    ? (e as NodeJS.ErrnoException).code!
    : 'EIO';
}

/** A system error while reading `file`, as a FileError. */
async function readProblem(file: string, e: unknown): Promise<FileError> {
  if (e instanceof FileError) return e;
  const code = errnoOf(e);
  let problem: FileProblem;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      problem = (await isLink(file)) ? { code: 'brokenLink' } : { code: 'notFound' };
      break;
    case 'ELOOP':
      problem = { code: 'linkLoop' };
      break;
    case 'EISDIR':
      problem = { code: 'isDirectory' };
      break;
    case 'EACCES':
    case 'EPERM':
      problem = { code: 'noPermission', op: 'read' };
      break;
    case 'ENAMETOOLONG':
      problem = { code: 'nameTooLong' };
      break;
    default:
      problem = { code: 'ioError', op: 'read', errno: code };
  }
  return new FileError(file, problem, { cause: e });
}

async function isLink(file: string): Promise<boolean> {
  try {
    return (await fs.lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The bytes of `file`, refusing a directory, a device or a pipe, and a file over `limit` bytes before
 * reading it into memory (the limit also holds if the file grows while it is read).
 */
export async function readWorkbookFile(file: string, limit = MAX_WORKBOOK_BYTES): Promise<Buffer> {
  let handle: fs.FileHandle | undefined;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new FileError(file, { code: 'isDirectory' });
    if (!st.isFile()) throw new FileError(file, { code: 'notRegular' });
    if (st.size > limit) throw new FileError(file, { code: 'tooLarge', size: st.size, limit });
    handle = await fs.open(file, 'r');
    const size = (await handle.stat()).size;
    if (size > limit) throw new FileError(file, { code: 'tooLarge', size, limit });
    // one byte more than expected, to notice a file that grows while it is read
    const buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) return buffer.subarray(0, length);
      length += bytesRead;
    }
    const rest = await readRest(handle, length, limit);
    if (rest === null) throw new FileError(file, { code: 'tooLarge', size: limit + 1, limit });
    return Buffer.concat([buffer, rest]);
  } catch (e) {
    throw await readProblem(file, e);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function readRest(handle: fs.FileHandle, from: number, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let position = from;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return Buffer.concat(chunks);
    position += bytesRead;
    if (position > limit) return null;
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

/** ExcelJS, loaded when first needed (it takes most of a second to load, and writing needs none of it). */
async function excelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/**
 * Read `file` as an ExcelJS workbook: a FileError naming what the file is when it is not a workbook
 * (.xls, encrypted, CSV…), too large, or unreadable.
 */
export async function loadWorkbook(file: string, limit = MAX_WORKBOOK_BYTES): Promise<ExcelJS.Workbook> {
  const bytes = await readXlsxBytes(file, limit);
  const wb = new (await excelJs()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadableWorkbook(file, bytes, e);
  }
  return wb;
}

/**
 * The bytes of `file` when they look like an .xlsx/.xlsm package (readWorkbookFile's limit and errors);
 * otherwise a FileError naming what the file is (.xls, encrypted, CSV, ODS, empty…).
 */
export async function readXlsxBytes(file: string, limit = MAX_WORKBOOK_BYTES): Promise<Buffer> {
  const bytes = await readWorkbookFile(file, limit);
  const kind = fileKind(bytes);
  if (kind.kind !== 'xlsx') throw new FileError(file, { code: 'notWorkbook', kind });
  return bytes;
}

/**
 * The FileError for bytes a workbook reader failed on: what they are, or, when they look like a workbook,
 * that it may be damaged. `cause` (the reader's error) is kept for debugging, never shown.
 */
export function unreadableWorkbook(file: string, bytes: Uint8Array, cause?: unknown): FileError {
  return new FileError(file, { code: 'notWorkbook', kind: fileKind(bytes) }, { cause });
}

// ---------------------------------------------------------------------------------------------------
// Writing

const TEMP_SUFFIX = '.tmp';
const TEMP_MARK = '.finsam-';
/** Leftovers older than this are removed even if their process still seems to be alive (a reused pid). */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** The start of the temporary file names for `base`, shortened so a temporary name stays within 255 bytes. */
function tempPrefix(base: string): string {
  let b = base;
  while (Buffer.byteLength(b) > 200) b = b.slice(0, -1);
  return `.${b}${TEMP_MARK}`;
}

/** The name of a new temporary file for `base`: `.<base>.finsam-<pid>-<random>.tmp`. */
export function tempName(base: string): string {
  return `${tempPrefix(base)}${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
}

/** Temporary files of writes in progress in this process (never cleaned up from under them). */
const active = new Map<string, { file: string; replaced: boolean }>();

/**
 * Remove the temporary files that killed runs left for `base` in `dir`: files named like ours whose process
 * is gone, or older than an hour; also the names of earlier versions (`.<base>.<pid>.<ms>.tmp`). Best effort:
 * never throws. Returns the names removed.
 */
export async function cleanStaleTemps(dir: string, base: string, now = Date.now()): Promise<string[]> {
  const ours = new RegExp(`^${escapeRegExp(tempPrefix(base))}(\\d+)-[0-9a-f]+${escapeRegExp(TEMP_SUFFIX)}$`);
  const older = new RegExp(`^\\.${escapeRegExp(base)}\\.(\\d+)\\.\\d+\\.tmp$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = ours.exec(name) ?? older.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    if (active.has(full)) continue;
    try {
      const st = await fs.lstat(full);
      if (!st.isFile()) continue;
      if (alive(Number(m[1])) && now - st.mtimeMs < STALE_AFTER_MS) continue;
      await fs.unlink(full);
      removed.push(name);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

// Interrupts. While a write is in progress SIGINT, SIGTERM and SIGHUP do not end the process at once:
// the step in progress (a write, the rename) finishes, the temporary file is removed, and the process exits
// 128 + the signal's number. A second signal exits at once, after removing the temporary files.

const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type Sig = keyof typeof SIGNALS;
let interrupted: Sig | null = null;
let inFlight = 0;

function removeActiveTemps(): void {
  for (const [tmp, write] of active) {
    try {
      fsSync.unlinkSync(tmp);
    } catch {
      // never created, or renamed already
    }
    try {
      fsSync.writeSync(2, interruptedText(write.file, write.replaced) + '\n');
    } catch {
      // no stderr
    }
  }
}

function exitInterrupted(): never {
  removeActiveTemps();
  process.exit(SIGNALS[interrupted ?? 'SIGINT']);
}

function onSignal(sig: Sig): void {
  if (interrupted !== null || inFlight === 0) {
    interrupted ??= sig;
    exitInterrupted();
  }
  interrupted = sig;
}

const handlers = Object.fromEntries((Object.keys(SIGNALS) as Sig[]).map((sig) => [sig, () => onSignal(sig)])) as Record<
  Sig,
  () => void
>;

function installHandlers(): void {
  if (active.size === 0) for (const sig of Object.keys(handlers) as Sig[]) process.on(sig, handlers[sig]);
}

function removeHandlers(): void {
  if (active.size === 0) for (const sig of Object.keys(handlers) as Sig[]) process.removeListener(sig, handlers[sig]);
}

/** Run one file system step; if a signal came meanwhile, clean up and exit once it is done. */
async function step<T>(op: () => Promise<T>): Promise<T> {
  inFlight++;
  try {
    return await op();
  } finally {
    inFlight--;
    if (interrupted !== null) exitInterrupted();
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** A system error while writing `file` (whose folder is `dir`), as a FileError. */
function writeProblem(file: string, dir: string, e: unknown, where: 'target' | 'dir'): FileError {
  if (e instanceof FileError) return e;
  const code = errnoOf(e);
  let problem: FileProblem;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      problem = { code: 'dirNotFound', dir };
      break;
    case 'EACCES':
    case 'EPERM':
      problem = where === 'dir' ? { code: 'dirNoPermission', dir } : { code: 'noPermission', op: 'write' };
      break;
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      problem = { code: 'noSpace' };
      break;
    case 'EROFS':
      problem = { code: 'readOnlyFs' };
      break;
    case 'ENAMETOOLONG':
      problem = { code: 'nameTooLong' };
      break;
    case 'ELOOP':
      problem = { code: 'linkLoop' };
      break;
    case 'EISDIR':
      problem = { code: 'isDirectory' };
      break;
    case 'EEXIST':
      problem = { code: 'exists' };
      break;
    default:
      problem = { code: 'ioError', op: 'write', errno: code };
  }
  return new FileError(file, problem, { cause: e });
}

/** Where the bytes go and how the new file must look: the real target, and the original's mode and owner. */
interface Target {
  real: string;
  dir: string;
  existing: fsSync.Stats | null;
}

async function resolveTarget(file: string, createOnly: boolean): Promise<Target> {
  let link: fsSync.Stats | null = null;
  try {
    link = await fs.lstat(file);
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw writeProblem(file, path.dirname(path.resolve(file)), e, 'dir');
  }
  if (link === null) {
    // a new file: its folder must exist (its real path, so a linked folder is written through)
    const given = path.dirname(path.resolve(file));
    let dir: string;
    try {
      dir = await fs.realpath(given);
    } catch (e) {
      throw writeProblem(file, given, e, 'dir');
    }
    return { real: path.join(dir, path.basename(file)), dir, existing: null };
  }
  if (createOnly) throw new FileError(file, { code: 'exists' });
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'ENOENT') throw new FileError(file, { code: 'brokenLink' }, { cause: e });
    throw writeProblem(file, path.dirname(path.resolve(file)), e, 'target');
  }
  const st = await fs.stat(real);
  if (st.isDirectory()) throw new FileError(file, { code: 'isDirectory' });
  if (!st.isFile()) throw new FileError(file, { code: 'notRegular' });
  if (isRoot()) {
    // root may write anything: the mode bits say what the user meant
    if ((st.mode & 0o222) === 0) throw new FileError(file, { code: 'readOnly' });
  } else {
    try {
      await fs.access(real, fsSync.constants.W_OK);
    } catch (e) {
      const code = errnoOf(e);
      if (code === 'EROFS') throw new FileError(file, { code: 'readOnlyFs' }, { cause: e });
      if ((st.mode & 0o222) === 0 || st.uid === process.getuid?.()) throw new FileError(file, { code: 'readOnly' }, { cause: e });
      throw new FileError(file, { code: 'noPermission', op: 'write' }, { cause: e });
    }
  }
  return { real, dir: path.dirname(real), existing: st };
}

/**
 * Check, without writing anything, that `file` could be written by `writeFileAtomic` (not read-only, not a
 * folder, its folder exists…): the command calls it before reading and computing, to fail early. The write
 * checks again.
 */
export async function checkWritable(file: string, options: WriteOptions = {}): Promise<void> {
  await resolveTarget(file, options.createOnly ?? false);
}

export interface WriteOptions {
  /** Refuse (`exists`) when the target exists, and never replace one created meanwhile (the template). */
  createOnly?: boolean;
}

const CHUNK = 1024 * 1024;

/** What chown and chmod say where a file system has no owners or modes (or the user may not give it away). */
const UNSUPPORTED = ['EPERM', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'];

function ignore(codes: string[]): (e: unknown) => void {
  return (e) => {
    if (!codes.includes(errnoOf(e))) throw e;
  };
}

/**
 * Replace `file` with `bytes` atomically, keeping its mode and owner and following a symbolic link; or
 * create it (mode from the umask). Throws a FileError before anything is written when the target is
 * read-only, a folder, missing its folder, etc.; on a failure during the write the original is unchanged
 * and the temporary file removed.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const target = await resolveTarget(file, options.createOnly ?? false);
  const { real, dir, existing } = target;
  await cleanStaleTemps(dir, path.basename(real));
  const tmp = path.join(dir, tempName(path.basename(real)));
  installHandlers();
  const write = { file, replaced: false };
  active.set(tmp, write);
  let handle: fs.FileHandle | undefined;
  try {
    const mode = existing ? existing.mode & 0o7777 : 0o666;
    try {
      handle = await step(() => fs.open(tmp, 'wx', existing ? mode & 0o777 : mode));
    } catch (e) {
      throw writeProblem(file, dir, e, 'dir');
    }
    try {
      if (existing) {
        // A file system without owners or modes (FAT, some network shares) refuses these: nothing to keep
        // then. The temporary file was created with at most the original's mode, so it is never more open.
        if (isRoot() || existing.uid === process.getuid?.()) {
          await step(() => handle!.chown(existing.uid, existing.gid)).catch(ignore(UNSUPPORTED));
        }
        // after chown (which clears set-id bits), and beating the umask
        await step(() => handle!.chmod(mode)).catch(ignore(UNSUPPORTED));
      }
      for (let at = 0; at < bytes.length; at += CHUNK) {
        const chunk = bytes.subarray(at, Math.min(bytes.length, at + CHUNK));
        let written = 0;
        while (written < chunk.length) {
          const { bytesWritten } = await step(() => handle!.write(chunk, written, chunk.length - written));
          written += bytesWritten;
        }
      }
      await step(() => handle!.sync());
      await step(() => handle!.close());
      handle = undefined;
      const replace = async (op: () => Promise<void>) => {
        await op();
        write.replaced = true; // in the same step, so an interrupt after it knows
      };
      if (options.createOnly) {
        // link fails if a file of that name appeared meanwhile: never replaces one
        const linked = await step(() =>
          replace(() => fs.link(tmp, real)).then(
            () => true,
            (e: unknown) => {
              if (errnoOf(e) === 'EEXIST') throw new FileError(file, { code: 'exists' }, { cause: e });
              return false; // a file system without hard links
            },
          ),
        );
        if (linked) await step(() => fs.unlink(tmp)).catch(() => undefined);
        else {
          if (await exists(real)) throw new FileError(file, { code: 'exists' });
          await step(() => replace(() => fs.rename(tmp, real)));
        }
      } else {
        await step(() => replace(() => fs.rename(tmp, real)));
      }
    } catch (e) {
      throw writeProblem(file, dir, e, 'target');
    }
    await step(() => syncDir(dir));
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined); // gone already when renamed
    throw e;
  } finally {
    active.delete(tmp);
    removeHandlers();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Flush the folder so the rename survives a crash; not every system can open a folder, which is fine. */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EINVAL/EPERM on some systems: the rename itself is still atomic
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Write an ExcelJS workbook to `file` with `writeFileAtomic`. */
export async function saveWorkbookAtomic(wb: ExcelJS.Workbook, file: string, options: WriteOptions = {}): Promise<void> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await writeFileAtomic(file, buffer, options);
}
