/**
 * Styles for output cells, ADDED to the workbook's styles part: existing fonts, formats and cell formats
 * keep their indices (every other sheet's `s` attributes stay right); a minimal part is made if there is none.
 */
import { OUTPUT_FONT } from '../../../workbook/grid';
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

/** What of an output cell its style depends on. */
export interface CellStyle {
  f?: string;
  bold?: boolean;
  wrap?: boolean;
  fill?: string;
  color?: string;
  align?: 'left' | 'center' | 'right';
}

export class StyleBook {
  private readonly root: XmlElement;
  private readonly xfIds = new Map<string, number>();
  private readonly newNumFmts: { id: number; code: string }[] = [];
  private readonly numFmtByCode = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly baseXfCount: number;
  private readonly baseFontCount: number;
  private readonly baseFillCount: number;
  private readonly actualFillCount: number;
  private readonly fontIds = new Map<string, number>();
  private readonly newFonts: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly newFills: string[] = [];
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
    // Fills 0 and 1 are reserved (none, gray125) even where a writer left them out.
    const fillsEl = child(this.root, 'fills');
    this.actualFillCount = fillsEl ? childrenOf(fillsEl, 'fill').length : 2;
    this.baseFillCount = Math.max(2, this.actualFillCount);
  }

  private get text(): string {
    return this.original ?? MINIMAL_STYLES;
  }

  /** The cellXfs index for a number format and boldness (0 for neither). */
  xf(format: string | undefined, bold: boolean | undefined): number {
    return this.style({ f: format, bold });
  }

  /**
   * The cellXfs index of an output cell's style. Every styled output cell uses the one output font
   * (OUTPUT_FONT), bold and coloured as asked; plain cells keep style 0.
   */
  style(c: CellStyle): number {
    const fmt = c.f && c.f !== 'General' ? c.f : '';
    if (!fmt && !c.bold && !c.wrap && !c.fill && !c.color && !c.align) return 0;
    const key = `${fmt}\u0000${c.bold ? 1 : 0}\u0000${c.wrap ? 1 : 0}\u0000${c.fill ?? ''}\u0000${c.color ?? ''}\u0000${c.align ?? ''}`;
    let id = this.xfIds.get(key);
    if (id !== undefined) return id;
    const numFmtId = fmt ? this.numFmtId(fmt) : 0;
    const fontId = this.font(!!c.bold, c.color);
    const fillId = c.fill ? this.fill(c.fill) : 0;
    const alignment =
      c.wrap || c.align ? `<alignment${c.align ? ` horizontal="${c.align}"` : ''}${c.wrap ? ' wrapText="1"' : ''}/>` : '';
    id = this.baseXfCount + this.newXfs.length;
    this.newXfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}` +
        (alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>'),
    );
    this.xfIds.set(key, id);
    return id;
  }

  private font(bold: boolean, color: string | undefined): number {
    const key = `${bold ? 1 : 0}${color ?? ''}`;
    let id = this.fontIds.get(key);
    if (id === undefined) {
      id = this.baseFontCount + this.newFonts.length;
      this.newFonts.push(
        `<font>${bold ? '<b/>' : ''}<sz val="${OUTPUT_FONT.size}"/>${color ? `<color rgb="FF${color.toUpperCase()}"/>` : ''}` +
          `<name val="${xmlAttr(OUTPUT_FONT.name)}"/><family val="2"/></font>`,
      );
      this.fontIds.set(key, id);
    }
    return id;
  }

  private fill(rgb: string): number {
    let id = this.fillIds.get(rgb);
    if (id === undefined) {
      // Pad a fills list shorter than the two reserved entries, so that indices stay right.
      if (this.newFills.length === 0) {
        for (let i = this.actualFillCount; i < 2; i++) {
          this.newFills.push(
            i === 0 ? '<fill><patternFill patternType="none"/></fill>' : '<fill><patternFill patternType="gray125"/></fill>',
          );
        }
      }
      id = this.actualFillCount + this.newFills.length;
      this.newFills.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`,
      );
      this.fillIds.set(rgb, id);
    }
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
    add('fonts', this.newFonts);
    add('fills', this.newFills);
    add('cellXfs', this.newXfs);
    return applySplices(text, splices);
  }
}

/** Set (replace or add) an attribute in an open tag's text. */
export function setAttr(openTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(openTag)) return openTag.replace(re, `$1"${xmlAttr(value)}"`);
  return openTag.replace(/^(<[^\s/>]+)/, `$1 ${name}="${xmlAttr(value)}"`);
}

export { qname };
