/**
 * What a file is, from its bytes, so that a file that is not a readable workbook can be named for what it
 * is (an older .xls, a password-protected workbook, a CSV, a Word document…) instead of a zip library's
 * error. Pure (no file system), so the standalone preview can use it on an uploaded file too.
 */

import type { FileKind } from '../../messages/files';

export type { FileKind };

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');

/**
 * The names of the entries of an OLE2 compound file's directory. Directory entries are 128 bytes, aligned
 * within sectors that are aligned after the 512-byte header, so every aligned slot that has the shape of a
 * stream or storage entry is read; this needs no walk of the allocation table and works on truncated files.
 */
export function oleEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const nameLength = u16(bytes, at + 64);
    const type = bytes[at + 66];
    if (nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0) continue;
    if (type !== 1 && type !== 2 && type !== 5) continue;
    if (u16(bytes, at + nameLength - 2) !== 0) continue; // names end with a UTF-16 NUL
    names.add(utf16.decode(bytes.subarray(at, at + nameLength - 2)));
  }
  return names;
}

/** The entry names of a zip archive from its central directory, or null when it cannot be found. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const min = Math.max(0, bytes.length - 22 - 65535);
  for (let at = bytes.length - 22; at >= min; at--) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    const count = u16(bytes, at + 10);
    let p = u32(bytes, at + 16);
    if (p === 0xffffffff || count === 0xffff) {
      // ZIP64: find the central directory by its first signature instead
      p = findCentralDirectory(bytes, at);
      if (p < 0) return null;
    }
    const names: string[] = [];
    while (p + 46 <= bytes.length && u32(bytes, p) === 0x02014b50) {
      const nameLength = u16(bytes, p + 28);
      const extra = u16(bytes, p + 30);
      const comment = u16(bytes, p + 32);
      if (p + 46 + nameLength > bytes.length) break;
      names.push(utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
      p += 46 + nameLength + extra + comment;
    }
    if (names.length > 0 || count === 0) return names;
  }
  return null;
}

function findCentralDirectory(bytes: Uint8Array, before: number): number {
  for (let at = 0; at + 4 <= before; at++) if (u32(bytes, at) === 0x02014b50) return at;
  return -1;
}

/** The `mimetype` entry of an OpenDocument file: stored first and uncompressed. */
function openDocumentMimetype(bytes: Uint8Array): string | null {
  if (bytes.length < 30 || u32(bytes, 0) !== 0x04034b50) return null;
  const method = u16(bytes, 8);
  const size = u32(bytes, 18);
  const nameLength = u16(bytes, 26);
  const extra = u16(bytes, 28);
  const name = utf8.decode(bytes.subarray(30, 30 + nameLength));
  if (name !== 'mimetype' || method !== 0 || size > 200) return null;
  const start = 30 + nameLength + extra;
  return utf8.decode(bytes.subarray(start, start + size)).trim();
}

function zipKind(bytes: Uint8Array): FileKind {
  const mimetype = openDocumentMimetype(bytes);
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.')) {
    return { kind: 'opendocument', spreadsheet: mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet') };
  }
  const names = zipEntryNames(bytes);
  if (!names) return { kind: 'damagedZip' };
  const lower = new Set(names.map((n) => n.toLowerCase().replace(/^\/+/, '')));
  const hasTypes = lower.has('[content_types].xml');
  if (hasTypes && lower.has('xl/workbook.xml')) return { kind: 'xlsx' };
  if (hasTypes && lower.has('xl/workbook.bin')) return { kind: 'xlsb' };
  if (lower.has('word/document.xml') || [...lower].some((n) => n.startsWith('word/'))) return { kind: 'docx' };
  if ([...lower].some((n) => n.startsWith('ppt/'))) return { kind: 'pptx' };
  if (lower.has('content.xml') && lower.has('meta-inf/manifest.xml')) return { kind: 'opendocument', spreadsheet: false };
  return { kind: 'zip' };
}

const TEXT_SAMPLE = 64 * 1024;

function textKind(bytes: Uint8Array): FileKind {
  const sample = bytes.subarray(0, TEXT_SAMPLE);
  let text: string;
  if (sample[0] === 0xff && sample[1] === 0xfe) text = utf16.decode(sample.subarray(2));
  else {
    if (sample.includes(0)) return { kind: 'unknown' };
    const start = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
    text = utf8.decode(sample.subarray(start));
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) control++;
  }
  if (control > text.length / 100) return { kind: 'unknown' };
  const head = text.trimStart().slice(0, 2000).toLowerCase();
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { kind: 'spreadsheetXml' };
    if (head.includes('<html') || head.startsWith('<!doctype html')) return { kind: 'html' };
  }
  let lines = text.split(/\r\n|\n|\r/);
  if (bytes.length > TEXT_SAMPLE) lines = lines.slice(0, -1); // the last line may be cut off
  lines = lines.filter((l) => l.trim() !== '');
  if (lines.length === 0) return { kind: 'text' };
  let best: { separator: ';' | '\t' | ','; lines: number } | null = null;
  for (const separator of [';', '\t', ','] as const) {
    const count = lines.filter((l) => l.includes(separator)).length;
    if (count >= Math.max(1, lines.length * 0.8) && (!best || count > best.lines)) best = { separator, lines: count };
  }
  return best ? { kind: 'csv', separator: best.separator } : { kind: 'text' };
}

/** What `bytes` (a whole file, or at least its first 64 KB; zips need their end too) look like. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, OLE2_MAGIC)) {
    const names = oleEntryNames(bytes);
    if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return { kind: 'encrypted' };
    if (names.has('Workbook') || names.has('Book')) return { kind: 'xls' };
    if (names.has('WordDocument')) return { kind: 'doc' };
    return { kind: 'ole' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf' }; // %PDF-
  return textKind(bytes);
}
