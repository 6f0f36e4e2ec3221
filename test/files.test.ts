/**
 * The command line's file handling: what a file is when it is not a workbook, reading with a size limit,
 * and the atomic in-place write that keeps mode, owner and symbolic links, refuses read-only files and
 * cleans up leftovers of killed runs.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'child_process';
import { promises as fs, existsSync, readdirSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import fc from 'fast-check';
import { fileKind, FileKind } from '../src/hosts/xlsx/fileKind';
import {
  checkWritable,
  cleanStaleTemps,
  FileError,
  loadWorkbook,
  MAX_WORKBOOK_BYTES,
  readWorkbookFile,
  readXlsxBytes,
  tempName,
  unreadableWorkbook,
  writeFileAtomic,
} from '../src/hosts/xlsx/files';
import { fileProblemText, notWorkbookText } from '../src/messages/files';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileFiles, childEnv } = require('./fixtures/compileFiles.js') as {
  compileFiles: (outDir: string) => string;
  childEnv: () => NodeJS.ProcessEnv;
};

const isRoot = process.getuid?.() === 0;

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'finsam-files-'));
}

/** An OLE2 compound file: the header, then one directory sector with entries of these names. */
function ole(names: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt32LE(0, 0x30); // first directory sector
  const dir = Buffer.alloc(512);
  ['Root Entry', ...names].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    const utf16 = Buffer.from(name + '\0', 'utf16le');
    utf16.copy(dir, at);
    dir.writeUInt16LE(utf16.length, at + 64);
    dir[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, dir, Buffer.alloc(512)]);
}

/** A zip (stored, no compression) of these entries, in this order. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function excelJsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Inställningar').getCell('A1').value = 'Parameter';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function kindOf(bytes: Uint8Array): FileKind['kind'] {
  return fileKind(bytes).kind;
}

describe('fileKind names what a file is', () => {
  test('an OLE2 file with EncryptionInfo is a password-protected workbook, with Workbook a legacy .xls', () => {
    expect(fileKind(ole(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']))).toEqual({ kind: 'encrypted' });
    expect(fileKind(ole(['Workbook', '\u0005SummaryInformation']))).toEqual({ kind: 'xls' });
    expect(fileKind(ole(['Book']))).toEqual({ kind: 'xls' }); // Excel 5/95
    expect(fileKind(ole(['WordDocument', '1Table']))).toEqual({ kind: 'doc' });
    expect(fileKind(ole(['PowerPoint Document']))).toEqual({ kind: 'ole' });
  });

  test('zips: a workbook, a Word document, an OpenDocument spreadsheet or text, another zip, a truncated one', async () => {
    const xlsx = await excelJsWorkbook();
    expect(kindOf(xlsx)).toBe('xlsx');
    expect(kindOf(xlsx.subarray(0, xlsx.length - 200))).toBe('damagedZip');
    expect(kindOf(zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': '' }))).toBe('xlsb');
    expect(kindOf(zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).toBe('docx');
    expect(kindOf(zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }))).toBe('pptx');
    const ods = zip({
      mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
      'content.xml': '<office:document-content/>',
      'META-INF/manifest.xml': '<manifest/>',
    });
    expect(fileKind(ods)).toEqual({ kind: 'opendocument', spreadsheet: true });
    expect(fileKind(zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '' }))).toEqual({
      kind: 'opendocument',
      spreadsheet: false,
    });
    expect(kindOf(zip({ 'readme.txt': 'hej' }))).toBe('zip');
  });

  test('text: CSV with semicolons, commas or tabs; a web page; Excel 2003 XML; other text', () => {
    expect(fileKind(Buffer.from('Medlem;Part;Invånare\r\nEskilstuna;Kommun;106 000\r\n'))).toEqual({
      kind: 'csv',
      separator: ';',
    });
    expect(fileKind(Buffer.from('\ufeffa,b,c\n1,2,3\n4,5,6\n'))).toEqual({ kind: 'csv', separator: ',' });
    expect(fileKind(Buffer.from('\ufeffa\tb\n1\t2\n', 'utf16le'))).toEqual({ kind: 'csv', separator: '\t' });
    expect(kindOf(Buffer.from('<!DOCTYPE html><html><body><table></table></body></html>'))).toBe('html');
    expect(
      kindOf(Buffer.from('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>')),
    ).toBe('spreadsheetXml');
    expect(kindOf(Buffer.from('Det här är ett brev.\nMed två rader.\n'))).toBe('text');
  });

  test('an empty file, a PDF, and bytes that are nothing known', () => {
    expect(kindOf(Buffer.alloc(0))).toBe('empty');
    expect(kindOf(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
    expect(kindOf(noise)).toBe('unknown');
  });

  test('never throws: random bytes, and every cut and corruption of a workbook, an OLE2 file and a zip', async () => {
    const samples = [
      await excelJsWorkbook(),
      ole(['EncryptionInfo']),
      zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }),
    ];
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.nat(samples.length - 1),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        (noise, which, cut, at, byte) => {
          const sample = Buffer.from(samples[which]!);
          sample[at % sample.length] = byte;
          for (const bytes of [
            noise,
            sample.subarray(0, cut % (sample.length + 1)),
            Buffer.concat([sample.subarray(0, 8), noise]),
          ]) {
            expect(typeof fileKind(bytes).kind).toBe('string');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('the messages are Swedish (English for the pane), say what to do, and hold no URL or library text', () => {
    const kinds: FileKind[] = [
      { kind: 'xlsx' },
      { kind: 'xlsb' },
      { kind: 'encrypted' },
      { kind: 'xls' },
      { kind: 'doc' },
      { kind: 'ole' },
      { kind: 'docx' },
      { kind: 'pptx' },
      { kind: 'opendocument', spreadsheet: true },
      { kind: 'opendocument', spreadsheet: false },
      { kind: 'zip' },
      { kind: 'damagedZip' },
      { kind: 'csv', separator: ';' },
      { kind: 'spreadsheetXml' },
      { kind: 'html' },
      { kind: 'pdf' },
      { kind: 'text' },
      { kind: 'empty' },
      { kind: 'unknown' },
    ];
    for (const kind of kinds) {
      for (const lang of ['sv', 'en'] as const) {
        const text = notWorkbookText('budget.xls', kind, lang);
        expect(text).toContain('budget.xls');
        expect(text).not.toMatch(/https?:|www\.|jszip|zip file\b.*central|undefined|\[object/i);
      }
    }
    expect(notWorkbookText('budget.xls', { kind: 'xls' })).toBe(
      '”budget.xls” är en äldre Excel-fil (.xls). Spara den som Excel-arbetsbok (.xlsx) och försök igen.',
    );
    expect(notWorkbookText('b.xlsx', { kind: 'encrypted' })).toMatch(
      /^”b\.xlsx” är lösenordsskyddad \(krypterad\).*Ta bort lösenordet/,
    );
    expect(notWorkbookText('b.csv', { kind: 'csv', separator: ';' })).toContain('semikolon');
    expect(notWorkbookText('b.xlsx', { kind: 'encrypted' }, 'en')).toMatch(/password-protected \(encrypted\)/);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('files written by LibreOffice are named too', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    if (!soffice) return;
    await fs.writeFile(path.join(dir, 'lista.csv'), 'Medlem;Invånare\nEskilstuna;106000\nKatrineholm;34000\n');
    const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
    for (const [file, format] of [
      ['lista.csv', 'xls'],
      ['lista.csv', 'ods'],
      ['lista.csv', 'xlsx'],
    ] as const) {
      execFileSync(soffice, [profile, '--headless', '--convert-to', format, '--outdir', dir, path.join(dir, file)], {
        stdio: 'ignore',
        timeout: 120000,
      });
    }
  }, 180000);
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  test('an .xls, an .ods and an .xlsx from LibreOffice (Calc), and the CSV itself', async () => {
    if (!soffice) {
      console.warn('LibreOffice (soffice) is not installed: files from LibreOffice not tested');
      return;
    }
    expect(kindOf(await fs.readFile(path.join(dir, 'lista.xls')))).toBe('xls');
    expect(fileKind(await fs.readFile(path.join(dir, 'lista.ods')))).toEqual({ kind: 'opendocument', spreadsheet: true });
    expect(kindOf(await fs.readFile(path.join(dir, 'lista.xlsx')))).toBe('xlsx');
    expect(fileKind(await fs.readFile(path.join(dir, 'lista.csv')))).toEqual({ kind: 'csv', separator: ';' });
  });

  test('loadWorkbook refuses the .xls with a Swedish message naming it, not a zip library error', async () => {
    if (!soffice) return;
    const file = path.join(dir, 'lista.xls');
    const error = await loadWorkbook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).exitCode).toBe(2);
    expect((error as FileError).message).toBe(
      `”${file}” är en äldre Excel-fil (.xls). Spara den som Excel-arbetsbok (.xlsx) och försök igen.`,
    );
  });
});

const gsf = ['/usr/bin/gsf'].find((p) => existsSync(p));

test('a real compound file (libgsf) holding EncryptionInfo and EncryptedPackage, as Excel writes an encrypted .xlsx', async () => {
  if (!gsf) {
    console.warn('gsf (Debian libgsf-bin) is not installed: the encrypted workbook is tested with built bytes only');
    return;
  }
  const dir = await tempDir();
  try {
    // the two streams of an encrypted OOXML package (MS-OFFCRYPTO); their content does not matter here
    await fs.writeFile(path.join(dir, 'EncryptionInfo'), Buffer.alloc(248, 4));
    await fs.writeFile(path.join(dir, 'EncryptedPackage'), Buffer.alloc(70000, 7));
    const file = path.join(dir, 'krypterad.xlsx');
    execFileSync(gsf, ['createole', file, 'EncryptionInfo', 'EncryptedPackage'], { cwd: dir, stdio: 'ignore' });
    expect(fileKind(await fs.readFile(file))).toEqual({ kind: 'encrypted' });
    const error = (await loadWorkbook(file).catch((e: unknown) => e)) as FileError;
    expect(error.message).toBe(
      `”${file}” är lösenordsskyddad (krypterad) och kan inte läsas. Ta bort lösenordet i Excel (Arkiv > Info > Skydda arbetsbok > Kryptera med lösenord, töm fältet), spara och försök igen.`,
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

describe('readWorkbookFile and loadWorkbook', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  test('reads a workbook; refuses a file over 20 MB before reading it, naming its size and the limit', async () => {
    const good = path.join(dir, 'budget.xlsx');
    await fs.writeFile(good, await excelJsWorkbook());
    expect((await loadWorkbook(good)).getWorksheet('Inställningar')).toBeDefined();

    const big = path.join(dir, 'stor.xlsx');
    const size = Math.round(23.4 * 1024 * 1024) + 100;
    await fs.writeFile(big, '');
    await fs.truncate(big, size); // sparse: no memory, no disk
    const error = (await readWorkbookFile(big).catch((e: unknown) => e)) as FileError;
    expect(error).toBeInstanceOf(FileError);
    expect(error.problem).toEqual({ code: 'tooLarge', size, limit: MAX_WORKBOOK_BYTES });
    expect(error.message).toMatch(/^”.*stor\.xlsx” är 23,4 MB, mer än gränsen 20 MB för en arbetsbok\./);
    expect(error.text('en')).toMatch(/is 23\.4 MB, more than the 20 MB limit/);
    // just at the limit is fine
    await fs.truncate(big, MAX_WORKBOOK_BYTES);
    expect((await readWorkbookFile(big)).length).toBe(MAX_WORKBOOK_BYTES);
  });

  test('a missing file, a folder, a dangling link, a pipe and a non-workbook give Swedish messages without system codes', async () => {
    const cases: [string, string, RegExp][] = [];
    cases.push([path.join(dir, 'saknas.xlsx'), 'notFound', /^Filen ”.*saknas\.xlsx” finns inte\./]);
    cases.push([dir, 'isDirectory', /är en mapp, inte en fil/]);
    await fs.symlink(path.join(dir, 'borta.xlsx'), path.join(dir, 'länk.xlsx'));
    cases.push([path.join(dir, 'länk.xlsx'), 'brokenLink', /symbolisk länk till en fil som inte finns/]);
    execFileSync('mkfifo', [path.join(dir, 'rör.xlsx')]);
    cases.push([path.join(dir, 'rör.xlsx'), 'notRegular', /ingen vanlig fil/]);
    await fs.writeFile(path.join(dir, 'tom.xlsx'), '');
    cases.push([path.join(dir, 'tom.xlsx'), 'notWorkbook', /är tom \(0 byte\)/]);
    await fs.writeFile(path.join(dir, 'krypterad.xlsx'), ole(['EncryptionInfo', 'EncryptedPackage']));
    cases.push([path.join(dir, 'krypterad.xlsx'), 'notWorkbook', /är lösenordsskyddad \(krypterad\)/]);
    for (const [file, code, message] of cases) {
      const error = (await loadWorkbook(file).catch((e: unknown) => e)) as FileError;
      expect(error).toBeInstanceOf(FileError);
      expect(error.problem.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/E[A-Z]{3,}|errno|Error:/);
    }
  });

  test('readXlsxBytes gives the bytes of a workbook and names anything else; unreadableWorkbook names bytes a reader failed on', async () => {
    const good = path.join(dir, 'budget.xlsx');
    const bytes = await excelJsWorkbook();
    await fs.writeFile(good, bytes);
    expect((await readXlsxBytes(good)).equals(bytes)).toBe(true);
    const csv = path.join(dir, 'lista.xlsx');
    await fs.writeFile(csv, 'Medlem;Part\nEskilstuna;Kommun\n');
    await expect(readXlsxBytes(csv)).rejects.toMatchObject({
      problem: { code: 'notWorkbook', kind: { kind: 'csv', separator: ';' } },
    });
    const cause = new Error("Cannot read properties of null (reading 'theme')");
    const error = unreadableWorkbook('budget.xlsx', bytes, cause);
    expect(error.message).toBe(
      '”budget.xlsx” ser ut som en Excel-arbetsbok men kunde inte läsas; den kan vara skadad. Öppna den i Excel, spara den på nytt och försök igen.',
    );
    expect(error.cause).toBe(cause);
    expect(unreadableWorkbook('b.xlsx', bytes.subarray(0, 100)).problem).toEqual({
      code: 'notWorkbook',
      kind: { kind: 'damagedZip' },
    });
  });

  test('a damaged workbook (a valid zip, broken parts) is named as such', async () => {
    const file = path.join(dir, 'trasig.xlsx');
    await fs.writeFile(file, zip({ '[Content_Types].xml': 'not xml <<<', 'xl/workbook.xml': '<<<' }));
    const error = (await loadWorkbook(file).catch((e: unknown) => e)) as FileError;
    expect(error).toBeInstanceOf(FileError);
    expect(error.message).toMatch(/ser ut som en Excel-arbetsbok men kunde inte läsas; den kan vara skadad/);
  });
});

async function tempsIn(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));
}

describe('writeFileAtomic keeps the file as the user had it', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  test.each([0o600, 0o640, 0o664, 0o755])('mode %o stays, whatever the umask', async (mode) => {
    const file = path.join(dir, 'budget.xlsx');
    await fs.writeFile(file, 'gammal');
    await fs.chmod(file, mode);
    const umask = process.umask(0o077);
    try {
      await writeFileAtomic(file, Buffer.from('ny'));
    } finally {
      process.umask(umask);
    }
    expect((await fs.stat(file)).mode & 0o7777).toBe(mode);
    expect(await fs.readFile(file, 'utf8')).toBe('ny');
    expect(await tempsIn(dir)).toEqual([]);
  });

  test('the owner and group stay (as root: a file of uid 1234, gid 1234)', async () => {
    if (!isRoot) {
      console.warn('not root: owner test skipped');
      return;
    }
    const file = path.join(dir, 'budget.xlsx');
    await fs.writeFile(file, 'gammal');
    await fs.chown(file, 1234, 1234);
    await fs.chmod(file, 0o640);
    await writeFileAtomic(file, Buffer.from('ny'));
    const st = await fs.stat(file);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1234, 1234, 0o640]);
  });

  test('the temporary file has the original mode from its creation (never readable by all)', async () => {
    const file = path.join(dir, 'hemlig.xlsx');
    await fs.writeFile(file, 'gammal');
    await fs.chmod(file, 0o600);
    const seen: number[] = [];
    const watcher = setInterval(() => {
      for (const name of readdirSync(dir)) {
        if (!name.endsWith('.tmp')) continue;
        try {
          seen.push(statSync(path.join(dir, name)).mode & 0o777);
        } catch {
          // renamed meanwhile
        }
      }
    }, 0);
    try {
      // large enough that the watcher sees the temporary file at least once in most runs
      for (let i = 0; i < 5; i++) await writeFileAtomic(file, Buffer.alloc(8 * 1024 * 1024, i));
    } finally {
      clearInterval(watcher);
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const mode of seen) expect(mode).toBe(0o600);
  });

  test('a symbolic link is followed: the target is refreshed, the link stays a link', async () => {
    const realDir = path.join(dir, 'riktig');
    await fs.mkdir(realDir);
    const target = path.join(realDir, 'budget.xlsx');
    await fs.writeFile(target, 'gammal');
    await fs.chmod(target, 0o640);
    const link = path.join(dir, 'länk.xlsx');
    await fs.symlink(path.join('riktig', 'budget.xlsx'), link); // relative, as users make them
    const link2 = path.join(dir, 'länk2.xlsx'); // a link to the link
    await fs.symlink('länk.xlsx', link2);
    await writeFileAtomic(link2, Buffer.from('ny'));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await fs.lstat(link2)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe(path.join('riktig', 'budget.xlsx'));
    expect(await fs.readFile(target, 'utf8')).toBe('ny');
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
    expect(await tempsIn(dir)).toEqual([]);
    expect(await tempsIn(realDir)).toEqual([]);
  });

  test('a read-only file (mode 444) is refused before anything is written, and stays unchanged', async () => {
    const file = path.join(dir, 'låst.xlsx');
    await fs.writeFile(file, 'gammal');
    await fs.chmod(file, 0o444);
    const before = await fs.stat(file);
    const error = (await writeFileAtomic(file, Buffer.from('ny')).catch((e: unknown) => e)) as FileError;
    expect(error).toBeInstanceOf(FileError);
    expect(error.problem).toEqual({ code: 'readOnly' });
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^”.*låst\.xlsx” är skrivskyddad; ingenting har skrivits\./);
    const after = await fs.stat(file);
    expect(await fs.readFile(file, 'utf8')).toBe('gammal');
    expect([after.ino, after.mtimeMs, after.mode]).toEqual([before.ino, before.mtimeMs, before.mode]);
    expect(await tempsIn(dir)).toEqual([]);
  });

  test('checkWritable says the same before anything is read or computed, and writes nothing', async () => {
    const file = path.join(dir, 'låst.xlsx');
    await fs.writeFile(file, 'gammal');
    await fs.chmod(file, 0o444);
    await expect(checkWritable(file)).rejects.toMatchObject({ problem: { code: 'readOnly' } });
    await expect(checkWritable(path.join(dir, 'saknas', 'a.xlsx'))).rejects.toMatchObject({ problem: { code: 'dirNotFound' } });
    await expect(checkWritable(file, { createOnly: true })).rejects.toMatchObject({ problem: { code: 'exists' } });
    await fs.chmod(file, 0o644);
    await expect(checkWritable(file)).resolves.toBeUndefined();
    await expect(checkWritable(path.join(dir, 'ny.xlsx'))).resolves.toBeUndefined();
    expect((await fs.readdir(dir)).sort()).toEqual(['låst.xlsx']);
  });

  test('a missing folder, a folder as target, and createOnly on an existing file give typed Swedish errors', async () => {
    const missing = path.join(dir, 'finns-inte', 'budget.xlsx');
    const e1 = (await writeFileAtomic(missing, Buffer.from('x')).catch((e: unknown) => e)) as FileError;
    expect(e1.problem).toEqual({ code: 'dirNotFound', dir: path.join(dir, 'finns-inte') });
    expect(e1.message).toMatch(/^Mappen ”.*finns-inte” finns inte; ”.*budget\.xlsx” kan inte skrivas dit\.$/);
    const e2 = (await writeFileAtomic(dir, Buffer.from('x')).catch((e: unknown) => e)) as FileError;
    expect(e2.problem.code).toBe('isDirectory');
    const file = path.join(dir, 'mall.xlsx');
    await writeFileAtomic(file, Buffer.from('första'), { createOnly: true });
    const e3 = (await writeFileAtomic(file, Buffer.from('andra'), { createOnly: true }).catch((e: unknown) => e)) as FileError;
    expect(e3.problem.code).toBe('exists');
    expect(await fs.readFile(file, 'utf8')).toBe('första');
    for (const e of [e1, e2, e3]) expect(e.message).not.toMatch(/E[A-Z]{3,}/);
  });

  test('a new file gets the mode of the umask; signal handlers are there only during the write', async () => {
    const file = path.join(dir, 'ny.xlsx');
    const listeners = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
    const umask = process.umask(0o027);
    let during: number[] = [];
    try {
      let done = false;
      const writing = writeFileAtomic(file, Buffer.alloc(16 * 1024 * 1024)).finally(() => (done = true));
      // look while the temporary file exists
      while (!done && during.length === 0) {
        await new Promise((r) => setImmediate(r));
        if ((await tempsIn(dir)).length > 0) during = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
      }
      await writing;
    } finally {
      process.umask(umask);
    }
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
    expect(during).toEqual(listeners.map((n) => n + 1));
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(listeners);
  });

  test('cleanStaleTemps removes leftovers of dead runs and old ones, keeps live ones and other files', async () => {
    const base = 'budget.xlsx';
    // a pid that is surely not running: one past the kernel's maximum
    const maxPid = Number((await fs.readFile('/proc/sys/kernel/pid_max', 'utf8').catch(() => '4194304')).trim());
    const dead = maxPid + 1;
    const names = {
      dead: `.${base}.finsam-${dead}-0a1b2c3d4e5f.tmp`,
      live: `.${base}.finsam-${process.pid}-0a1b2c3d4e5f.tmp`,
      oldLive: `.${base}.finsam-${process.pid}-ffffffffffff.tmp`,
      earlierVersion: `.${base}.${dead}.1764000000000.tmp`,
      otherBase: `.annan.xlsx.finsam-${dead}-0a1b2c3d4e5f.tmp`,
      user: `.${base}.finsam-anteckningar.tmp`,
    };
    for (const n of Object.values(names)) await fs.writeFile(path.join(dir, n), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    await fs.utimes(path.join(dir, names.oldLive), twoHoursAgo, twoHoursAgo);
    const removed = await cleanStaleTemps(dir, base);
    expect(removed.sort()).toEqual([names.dead, names.oldLive, names.earlierVersion].sort());
    expect((await fs.readdir(dir)).sort()).toEqual([names.live, names.otherBase, names.user].sort());
    expect(await cleanStaleTemps(path.join(dir, 'saknas'), base)).toEqual([]);
  });

  test('temporary names are recognisable, unique, and short enough for a 250-byte file name', async () => {
    const a = tempName('budget.xlsx');
    expect(a).toMatch(new RegExp(`^\\.budget\\.xlsx\\.finsam-${process.pid}-[0-9a-f]{12}\\.tmp$`));
    expect(tempName('budget.xlsx')).not.toBe(a);
    const long = 'å'.repeat(120) + '.xlsx'; // 245 bytes
    expect(Buffer.byteLength(tempName(long))).toBeLessThanOrEqual(255);
    const file = path.join(dir, long);
    await fs.writeFile(file, 'gammal');
    await writeFileAtomic(file, Buffer.from('ny'));
    expect(await fs.readFile(file, 'utf8')).toBe('ny');
  });

  test('an earlier run killed mid-write leaves a temporary file that the next write removes', async () => {
    const file = path.join(dir, 'budget.xlsx');
    await fs.writeFile(file, 'gammal');
    const maxPid = Number((await fs.readFile('/proc/sys/kernel/pid_max', 'utf8')).trim());
    const leftover = path.join(dir, `.budget.xlsx.finsam-${maxPid + 1}-abcdefabcdef.tmp`);
    await fs.writeFile(leftover, 'halv');
    await writeFileAtomic(file, Buffer.from('ny'));
    expect(await fs.readdir(dir)).toEqual(['budget.xlsx']);
  });
});

describe('a full disk and a read-only file system (a small tmpfs, where the test may mount one)', () => {
  let mnt: string;
  let mounted = false;
  beforeAll(async () => {
    mnt = await tempDir();
    mounted = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { stdio: 'ignore' }).status === 0;
    if (!mounted) console.warn('cannot mount a tmpfs here: full-disk and read-only file system tests skipped');
  });
  afterAll(async () => {
    if (mounted) spawnSync('umount', [mnt], { stdio: 'ignore' });
    await fs.rm(mnt, { recursive: true, force: true });
  });

  test('no room: a typed Swedish error, the original unchanged, the temporary file removed', async () => {
    if (!mounted) return;
    const file = path.join(mnt, 'budget.xlsx');
    const old = Buffer.alloc(300 * 1024, 1);
    await fs.writeFile(file, old);
    const error = (await writeFileAtomic(file, Buffer.alloc(2 * 1024 * 1024, 2)).catch((e: unknown) => e)) as FileError;
    expect(error).toBeInstanceOf(FileError);
    expect(error.problem).toEqual({ code: 'noSpace' });
    expect(error.message).toBe(
      `Det finns inte plats på disken för ”${file}”; ingenting har ändrats. Frigör utrymme och försök igen.`,
    );
    expect((await fs.readFile(file)).equals(old)).toBe(true);
    expect(await fs.readdir(mnt)).toEqual(['budget.xlsx']);
  });

  test('a read-only file system: refused, unchanged', async () => {
    if (!mounted) return;
    const file = path.join(mnt, 'budget.xlsx');
    await fs.writeFile(file, 'gammal');
    expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
    try {
      const error = (await writeFileAtomic(file, Buffer.from('ny')).catch((e: unknown) => e)) as FileError;
      expect(error.problem).toEqual({ code: 'readOnlyFs' });
      expect(error.message).toMatch(/^”.*budget\.xlsx” ligger på en enhet som bara går att läsa/);
      expect(await fs.readFile(file, 'utf8')).toBe('gammal');
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', mnt]);
    }
  });
});

describe('as another user than root', () => {
  let dir: string;
  let modulePath: string;
  beforeAll(async () => {
    dir = await tempDir();
    modulePath = compileFiles(path.join(dir, 'compiled'));
    await fs.chmod(dir, 0o755);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  function writeAs(uid: number, target: string, text: string): { ok?: boolean; code?: string; message?: string } {
    const run = spawnSync(process.execPath, [path.join(__dirname, 'fixtures', 'writeAs.js'), modulePath, target, text], {
      uid,
      gid: uid,
      env: childEnv(),
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as { ok?: boolean; code?: string; message?: string };
  }

  test('own file: mode and group kept; read-only own file refused; others’ file and folder refused', async () => {
    if (!isRoot) {
      console.warn('not root: tests as another user skipped');
      return;
    }
    const mine = path.join(dir, 'användare');
    await fs.mkdir(mine);
    await fs.chown(mine, 1234, 1234);
    const own = path.join(mine, 'budget.xlsx');
    await fs.writeFile(own, 'gammal');
    await fs.chown(own, 1234, 1234);
    await fs.chmod(own, 0o600);
    expect(writeAs(1234, own, 'ny')).toEqual({ ok: true });
    const st = await fs.stat(own);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1234, 1234, 0o600]);
    expect(await fs.readFile(own, 'utf8')).toBe('ny');

    await fs.chmod(own, 0o444);
    expect(writeAs(1234, own, 'igen')).toMatchObject({ code: 'readOnly' });
    expect(await fs.readFile(own, 'utf8')).toBe('ny');

    // root's file in the user's folder: the rename would replace it, but the user may not write it
    const roots = path.join(mine, 'rot.xlsx');
    await fs.writeFile(roots, 'rotens');
    await fs.chmod(roots, 0o644);
    expect(writeAs(1234, roots, 'ny')).toMatchObject({ code: 'noPermission' });
    expect(await fs.readFile(roots, 'utf8')).toBe('rotens');

    // a new file in root's folder
    const result = writeAs(1234, path.join(dir, 'ny.xlsx'), 'ny');
    expect(result.code).toBe('dirNoPermission');
    expect(result.message).toMatch(/^Du har inte behörighet att skapa filer i mappen ”.*”; ”.*ny\.xlsx” har inte skrivits\./);
    expect(await tempsIn(dir)).toEqual([]);
    expect(await tempsIn(mine)).toEqual([]);
  });
});

test('every file problem has a Swedish and an English message', () => {
  const problems = [
    { code: 'notFound' },
    { code: 'brokenLink' },
    { code: 'linkLoop' },
    { code: 'isDirectory' },
    { code: 'notRegular' },
    { code: 'tooLarge', size: 30 * 1024 * 1024, limit: MAX_WORKBOOK_BYTES },
    { code: 'readOnly' },
    { code: 'noPermission', op: 'read' },
    { code: 'noPermission', op: 'write' },
    { code: 'dirNotFound', dir: '/x' },
    { code: 'dirNoPermission', dir: '/x' },
    { code: 'noSpace' },
    { code: 'readOnlyFs' },
    { code: 'nameTooLong' },
    { code: 'exists' },
    { code: 'ioError', op: 'read', errno: 'EIO' },
    { code: 'ioError', op: 'write', errno: 'EIO' },
  ] as const;
  for (const p of problems) {
    const sv = fileProblemText('a.xlsx', p, 'sv');
    const en = fileProblemText('a.xlsx', p, 'en');
    expect(sv).toContain('”a.xlsx”');
    expect(en).toContain('"a.xlsx"');
    expect(sv).not.toBe(en);
    expect(sv).not.toMatch(/undefined|\[object/);
  }
});
