/**
 * Styles for output cells, ADDED to the workbook's styles part: existing fonts, formats and cell formats
 * keep their indices (every other sheet's `s` attributes stay right); a minimal part is made if there is none.
 */
import { builtinIdOf } from './numFmts';
import { xmlAttr } from './xmlText';
import { applySplices, attr, child, childrenOf, parseXml, qname, Splice, XmlElement } from './xmlTree';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Schema order of the styleSheet children we may have to create. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];
const DEFAULT_CHILDREN: Record<string, string[]> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

export class StyleBook {
  private readonly root: XmlElement;
  private readonly xfIds = new Map<string, number>();
  private readonly newNumFmts: { id: number; code: string }[] = [];
  private readonly numFmtByCode = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly baseXfCount: number;
  private readonly baseFontCount: number;
  private boldFontId: number | null = null;
  private readonly newXfs: string[] = [];
  /** Whether the part existed in the package. */
  readonly existed: boolean;

  constructor(
    private readonly original: string | undefined,
    part: string,
  ) {
    this.existed = original !== undefined;
    this.root = parseXml(original ?? MINIMAL_STYLES, part);
    for (const f of childrenOf(child(this.root, 'numFmts'), 'numFmt')) {
      const id = Number(attr(f, 'numFmtId'));
      const code = attr(f, 'formatCode') ?? '';
      if (!this.numFmtByCode.has(code)) this.numFmtByCode.set(code, id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
    this.baseXfCount = childrenOf(child(this.root, 'cellXfs'), 'xf').length || 1;
    this.baseFontCount = childrenOf(child(this.root, 'fonts'), 'font').length || 1;
  }

  private get text(): string {
    return this.original ?? MINIMAL_STYLES;
  }

  /** The cellXfs index for a number format and boldness (0 for neither). */
  xf(format: string | undefined, bold: boolean | undefined): number {
    const fmt = format && format !== 'General' ? format : '';
    if (!fmt && !bold) return 0;
    const key = `${bold ? 1 : 0}${fmt}`;
    let id = this.xfIds.get(key);
    if (id !== undefined) return id;
    const numFmtId = fmt ? this.numFmtId(fmt) : 0;
    const fontId = bold ? this.boldFont() : 0;
    id = this.baseXfCount + this.newXfs.length;
    this.newXfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}/>`,
    );
    this.xfIds.set(key, id);
    return id;
  }

  private numFmtId(code: string): number {
    const builtin = builtinIdOf(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmtByCode.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtByCode.set(code, id);
      this.newNumFmts.push({ id, code });
    }
    return id;
  }

  private boldFont(): number {
    if (this.boldFontId === null) this.boldFontId = this.baseFontCount;
    return this.boldFontId;
  }

  get changed(): boolean {
    return this.newXfs.length > 0 || !this.existed;
  }

  /** The styles part with the new entries appended. */
  result(): string {
    if (this.newXfs.length === 0) return this.text;
    const text = this.text;
    const splices: Splice[] = [];
    const missing: string[] = [];
    const add = (local: string, children: string[]) => {
      if (children.length === 0) return;
      const el = child(this.root, local);
      const prefix = this.root.prefix ? `${this.root.prefix}:` : '';
      const withPrefix = (xml: string) => (prefix ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : xml);
      if (!el) {
        const all = [...DEFAULT_CHILDREN[local]!, ...children];
        missing.push(local);
        const before = ORDER.slice(0, ORDER.indexOf(local))
          .map((l) => child(this.root, l))
          .filter((e): e is XmlElement => e !== undefined);
        const pos = before.length > 0 ? before[before.length - 1]!.end : this.root.openEnd;
        splices.push({
          start: pos,
          end: pos,
          text: withPrefix(`<${local} count="${all.length}">${all.join('')}</${local}>`),
        });
        return;
      }
      const count = el.children.filter((c) => c.local !== 'extLst').length + children.length;
      const open = setAttr(text.slice(el.start, el.openEnd), 'count', String(count));
      const body = children.map((c) => (el.prefix ? c.replace(/<(\/?)([A-Za-z])/g, `<$1${el.prefix}:$2`) : c)).join('');
      if (el.selfClosing) {
        const openTag = open.replace(/\s*\/>$/, '>');
        splices.push({ start: el.start, end: el.end, text: `${openTag}${body}</${el.name}>` });
      } else {
        splices.push({ start: el.start, end: el.openEnd, text: open });
        splices.push({ start: el.closeStart, end: el.closeStart, text: body });
      }
    };
    add(
      'numFmts',
      this.newNumFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlAttr(f.code)}"/>`),
    );
    if (this.boldFontId !== null) add('fonts', [this.boldFontXml()]);
    add('cellXfs', this.newXfs);
    return applySplices(text, splices);
  }

  /** A copy of the default font (font 0) made bold. */
  private boldFontXml(): string {
    const font0 = childrenOf(child(this.root, 'fonts'), 'font')[0];
    if (!font0) return '<font><b/><sz val="11"/><name val="Calibri"/></font>';
    const text = this.text;
    // Strip the prefix so that add() can apply the container's (they are the same namespace).
    const raw = text.slice(font0.start, font0.end);
    const unprefixed = font0.prefix ? raw.replace(new RegExp(`<(/?)${font0.prefix}:`, 'g'), '<$1') : raw;
    if (font0.children.some((c) => c.local === 'b')) return unprefixed;
    if (font0.selfClosing) return '<font><b/></font>';
    return unprefixed.replace(/^<font\b([^>]*)>/, '<font$1><b/>');
  }
}

/** Set (replace or add) an attribute in an open tag's text. */
export function setAttr(openTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(openTag)) return openTag.replace(re, `$1"${xmlAttr(value)}"`);
  return openTag.replace(/^(<[^\s/>]+)/, `$1 ${name}="${xmlAttr(value)}"`);
}

export { qname };
