/** The package (OPC) level: zip, part names, relationships, content types. */
import JSZip from 'jszip';
import { UnreadablePackageError } from './errors';
import { attr, childrenOf, parseXml, XmlElement } from './xmlTree';

export interface PackageLimits {
  /** Largest unpacked size of one part that is read (bytes). */
  maxPartBytes?: number;
  /** Largest unpacked size of the whole package (bytes). */
  maxTotalBytes?: number;
  /** Most cells with a value in one sheet read. */
  maxCells?: number;
}

/**
 * Suggested limits for the command line (far above any förbund's workbook): a sheet part of 100 MB of XML
 * holds about a million cells; the whole package is never unpacked, only the parts that are read.
 */
export const SUGGESTED_LIMITS: Readonly<Required<PackageLimits>> = {
  maxPartBytes: 100 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCells: 1_000_000,
};

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, s: string): boolean {
  const pat: number[] = [];
  for (const ch of s) pat.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    if (bytes[i] !== pat[0]) continue;
    for (let j = 1; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/** Open a zip, telling apart what is not one (an .xls, an encrypted workbook, a CSV). */
export async function openZip(input: Uint8Array | ArrayBuffer, limits: PackageLimits = {}): Promise<JSZip> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (!startsWith(bytes, [0x50, 0x4b])) {
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
      const encrypted = containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo');
      throw new UnreadablePackageError(encrypted ? 'encrypted' : 'xls', 'OLE compound file');
    }
    const head = bytes.subarray(0, 4096);
    const binary = head.some((b) => b === 0 || (b < 9 && b !== 0));
    throw new UnreadablePackageError(binary || head.length === 0 ? 'notZip' : 'text', 'not a zip');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new UnreadablePackageError('corrupt', (e as Error).message);
  }
  if (limits.maxTotalBytes !== undefined) {
    let total = 0;
    zip.forEach((_p, f) => {
      total += unpackedSize(f);
    });
    if (total > limits.maxTotalBytes) throw new UnreadablePackageError('tooLarge', `unpacked ${total} bytes`);
  }
  return zip;
}

/** The unpacked size a zip entry declares (JSZip keeps it from the central directory). */
export function unpackedSize(f: JSZip.JSZipObject): number {
  const data = (f as unknown as { _data?: { uncompressedSize?: number } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0;
}

/** Part names are case-insensitive in OPC; zip entry names are not. */
export class PartIndex {
  private readonly byLower = new Map<string, string>();
  constructor(readonly zip: JSZip) {
    zip.forEach((p, f) => {
      if (!f.dir) this.byLower.set(p.toLowerCase(), p);
    });
  }
  /** The zip entry name of a part ('xl/workbook.xml', no leading slash), or undefined. */
  entry(part: string): string | undefined {
    return this.byLower.get(part.replace(/^\/+/, '').toLowerCase());
  }
  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }
  names(): string[] {
    return [...this.byLower.values()];
  }
  add(name: string): void {
    this.byLower.set(name.toLowerCase(), name);
  }
  remove(name: string): void {
    this.byLower.delete(name.toLowerCase());
  }
}

export async function readPart(index: PartIndex, part: string, limits: PackageLimits = {}): Promise<string | undefined> {
  const name = index.entry(part);
  if (name === undefined) return undefined;
  const f = index.zip.file(name);
  if (!f) return undefined;
  if (limits.maxPartBytes !== undefined && unpackedSize(f) > limits.maxPartBytes) {
    throw new UnreadablePackageError('tooLarge', `${name}: ${unpackedSize(f)} bytes`);
  }
  try {
    return await f.async('string');
  } catch (e) {
    throw new UnreadablePackageError('corrupt', `${name}: ${(e as Error).message}`);
  }
}

/** 'xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'. */
export function relsPathOf(part: string): string {
  const p = part.replace(/^\/+/, '');
  const slash = p.lastIndexOf('/');
  return `${p.slice(0, slash + 1)}_rels/${p.slice(slash + 1)}.rels`;
}

function dirOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** Resolve a relationship target against its source part (absolute `/xl/…` and `../` alike). */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = decodeURIComponentSafe(target.split('#')[0]!.replace(/\\/g, '/'));
  const segments = t.startsWith('/') ? [] : dirOf(sourcePart.replace(/^\/+/, '')).split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A target for a new relationship from `sourcePart` to `targetPart` (relative, as Excel writes). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = dirOf(sourcePart).split('/').filter(Boolean);
  const to = targetPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export interface Rel {
  id: string;
  type: string;
  /** Last segment of the type URI: worksheet, chartsheet, drawing, table, officeDocument, … */
  kind: string;
  target: string;
  external: boolean;
  /** The resolved part name (no leading slash), or '' for an external target. */
  part: string;
  el: XmlElement;
}

export interface RelsPart {
  path: string;
  text: string;
  root: XmlElement;
  rels: Rel[];
}

export function parseRels(text: string, relsPath: string, sourcePart: string): RelsPart {
  const root = parseXml(text, relsPath);
  const rels = childrenOf(root, 'Relationship').map((el): Rel => {
    const type = attr(el, 'Type') ?? '';
    const target = attr(el, 'Target') ?? '';
    const external = (attr(el, 'TargetMode') ?? '').toLowerCase() === 'external';
    return {
      id: attr(el, 'Id') ?? '',
      type,
      kind: type.slice(type.lastIndexOf('/') + 1),
      target,
      external,
      part: external ? '' : resolveTarget(sourcePart, target),
      el,
    };
  });
  return { path: relsPath, text, root, rels };
}

export async function readRels(index: PartIndex, sourcePart: string, limits?: PackageLimits): Promise<RelsPart | undefined> {
  const path = sourcePart === '' ? '_rels/.rels' : relsPathOf(sourcePart);
  const text = await readPart(index, path, limits);
  return text === undefined ? undefined : parseRels(text, path, sourcePart);
}

export interface ContentTypes {
  text: string;
  root: XmlElement;
  defaults: Map<string, string>;
  overrides: Map<string, { type: string; el: XmlElement }>;
}

export function parseContentTypes(text: string): ContentTypes {
  const root = parseXml(text, '[Content_Types].xml');
  const defaults = new Map<string, string>();
  for (const d of childrenOf(root, 'Default'))
    defaults.set((attr(d, 'Extension') ?? '').toLowerCase(), attr(d, 'ContentType') ?? '');
  const overrides = new Map<string, { type: string; el: XmlElement }>();
  for (const o of childrenOf(root, 'Override')) {
    overrides.set((attr(o, 'PartName') ?? '').replace(/^\/+/, '').toLowerCase(), { type: attr(o, 'ContentType') ?? '', el: o });
  }
  return { text, root, defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string {
  const o = ct.overrides.get(part.toLowerCase());
  if (o) return o.type;
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return ct.defaults.get(ext) ?? '';
}
