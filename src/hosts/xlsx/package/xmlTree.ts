/**
 * A small element tree over saxes (a strict, namespace-aware XML parser already used by ExcelJS), with
 * each element's character offsets in the source text so that parts can be edited by splicing.
 * Used for the small parts (workbook, rels, content types, styles); sheets are streamed (sheetReader.ts).
 */
import { SaxesParser } from 'saxes';
import { UnreadablePackageError } from './errors';

export interface XmlAttr {
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlElement {
  /** Qualified name as written (`x:sheet`). */
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attrs: XmlAttr[];
  /** Offset of `<`. */
  start: number;
  /** Offset just after the open tag's `>`. */
  openEnd: number;
  /** Offset of the close tag's `<` (equals openEnd for a self-closing element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
  /** Direct text content (text and CDATA), entities resolved. */
  text: string;
  /** Namespace declarations in scope: prefix → URI ('' for the default namespace). */
  ns: Record<string, string>;
}

export function parseXml(text: string, part: string): XmlElement {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const src = bom ? text.slice(1) : text;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let tagStart = 0;
  let failure: Error | null = null;
  parser.on('error', (e) => {
    if (!failure) failure = e;
  });
  parser.on('opentagstart', () => {
    tagStart = src.lastIndexOf('<', parser.position - 1) + bom;
  });
  parser.on('opentag', (tag) => {
    const ns: Record<string, string> = { ...(stack[stack.length - 1]?.ns ?? {}), ...tag.ns };
    const el: XmlElement = {
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attrs: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
      start: tagStart,
      openEnd: parser.position + bom,
      closeStart: parser.position + bom,
      end: parser.position + bom,
      selfClosing: tag.isSelfClosing,
      children: [],
      text: '',
      ns,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (!el) return;
    el.end = parser.position + bom;
    el.closeStart = el.selfClosing ? el.openEnd : src.lastIndexOf('<', parser.position - 1) + bom;
  });
  const onText = (t: string) => {
    const el = stack[stack.length - 1];
    if (el) el.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(src).close();
  } catch (e) {
    if (!failure) failure = e as Error;
  }
  if (failure || !root) throw new UnreadablePackageError('corrupt', `${part}: ${failure ? failure.message : 'no root element'}`);
  return root;
}

export function attr(el: XmlElement, local: string, uriEnds?: string): string | undefined {
  for (const a of el.attrs) {
    if (a.local !== local) continue;
    if (uriEnds === undefined ? a.uri === '' : a.uri.endsWith(uriEnds)) return a.value;
  }
  return undefined;
}

export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

export function childrenOf(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

/** Qualified name for a new element in the same namespace as `sibling` (keeps an `x:` prefix). */
export function qname(sibling: XmlElement, local: string): string {
  return sibling.prefix ? `${sibling.prefix}:${local}` : local;
}

/** The prefix bound to a namespace URI ending with `uriEnds` in the element's scope, if any. */
export function prefixFor(el: XmlElement, uriEnds: string): string | undefined {
  for (const [p, u] of Object.entries(el.ns)) if (p !== '' && u.endsWith(uriEnds)) return p;
  return undefined;
}

/** Apply splices (non-overlapping) to a text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) throw new Error('overlapping splices');
    out += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  return out + text.slice(pos);
}
