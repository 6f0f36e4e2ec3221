/* eslint-disable no-control-regex */
/**
 * Writing output sheets INTO the original package: replaced sheets keep their part, position and sheetId,
 * new sheets are appended, styles are added, `<sheets>`/`<definedNames>`/`<calcPr>` are spliced into
 * workbook.xml, and every other part is copied as it was (charts, drawings, pivot tables, macros, …).
 * An output sheet's charts (`OutputSheet.charts`) are written as a drawing part with one chart part per
 * chart (chartXml.ts); a refresh replaces the drawing it wrote before, and refuses one holding anything else.
 */
import type { OutputSheet } from '../../../workbook/grid';
import { CannotKeepError, CannotKeepItem, InvalidOutputError, NotOwnedError } from './errors';
import { PackageLimits, PartIndex, readPart, readRels, relativeTarget, Rel, relsPathOf } from './opc';
import { chartXml, checkCharts, CT_CHART, CT_DRAWING, drawingXml, isOurDrawing, REL_CHART, REL_DRAWING } from './chartXml';
import { loadModel, PackageModel, SheetInfo } from './read';
import { checkOutputSheet, printAreaOf, repeatRowsOf, SheetXmlOptions, worksheetXml } from './sheetXml';
import { DeflateRaw, rewriteZip } from './zipWrite';
import { deflateRaw } from 'pako';
import { setAttr, StyleBook } from './styleBook';
import { xmlAttr, xmlText } from './xmlText';
import { applySplices, attr, child, childrenOf, parseXml, prefixFor, qname, Splice, XmlElement } from './xmlTree';

export interface DefinedNameEdit {
  name: string;
  /** Formula text without `=`, e.g. `'Budget'!$A$1`. */
  formula: string;
  /** Sheet-scoped: the name of the sheet (an output sheet or an existing one); workbook-level when absent. */
  scopeSheet?: string;
}

export interface PackageWriteRequest {
  sheets: OutputSheet[];
  /** Existing sheets (names exactly as the workbook spells them) that this tool owns and may replace. */
  owned: readonly string[];
  /** Defined names to put: each replaces a name of the same name and scope (case-insensitive). */
  definedNames?: DefinedNameEdit[];
  /** Workbook-level defined names to remove (e.g. a mark left at `#REF!`). */
  removeDefinedNames?: readonly string[];
  /** Repeat each output sheet's frozen rows on every printed page (`_xlnm.Print_Titles`). Default true. */
  printTitles?: boolean;
  sheetOptions?: SheetXmlOptions;
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** Relationships of an output sheet that are ours to drop when it is replaced. */
const DROPPABLE = new Set(['printerSettings', 'hyperlink']);
/** Relationships of a chart of ours that Excel adds when it saves the chart (its style and colours). */
const CHART_OWN_RELS = new Set(['chartStyle', 'chartColorStyle', 'themeOverride']);
const PKG_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * The parts of a drawing we wrote (the drawing, its charts and their style parts) and their relationship
 * parts; null when the drawing holds anything else (a user's picture, shape or chart, a chart with shapes).
 */
async function ourDrawingParts(index: PartIndex, drawingPart: string): Promise<{ parts: string[]; rels: string[] } | null> {
  const text = await readPart(index, drawingPart);
  if (text === undefined || !isOurDrawing(text, drawingPart)) return null;
  const parts = [drawingPart];
  const rels: string[] = [];
  const dRels = await readRels(index, drawingPart);
  if (dRels) {
    rels.push(dRels.path);
    for (const r of dRels.rels) {
      if (r.external || r.kind !== 'chart') return null;
      parts.push(r.part);
      const cRels = await readRels(index, r.part);
      if (!cRels) continue;
      rels.push(cRels.path);
      for (const cr of cRels.rels) {
        if (cr.external || !CHART_OWN_RELS.has(cr.kind)) return null;
        parts.push(cr.part);
      }
    }
  }
  return { parts, rels };
}

function relsXml(items: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS_NS}">` +
    items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlAttr(r.target)}"/>`).join('') +
    '</Relationships>'
  );
}

function foldName(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('sv');
}

const BAD_SHEET_CHARS = /[[\]:*?/\\\u0000-\u001F\uFFFE\uFFFF]/;

export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new InvalidOutputError('sheetName', name, 'not a valid sheet name');
  }
  if (/^history$/i.test(name)) throw new InvalidOutputError('sheetName', name, 'reserved');
}

function checkDefinedName(name: string): void {
  const ok =
    name.length > 0 &&
    name.length <= 255 &&
    /^(?:_xlnm\.)?[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[rRcC]$/.test(name) &&
    !/^[rR]\d*[cC]\d*$/.test(name);
  if (!ok) throw new InvalidOutputError('definedName', name, 'not a valid defined name');
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Sheet names a formula refers to (`'A b'!…`, `Budget!…`). */
function sheetsInFormula(formula: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')+)'!|([\p{L}\p{N}_.]+)!/gu;
  for (let m = re.exec(formula); m; m = re.exec(formula)) out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!);
  return out;
}

interface Plan {
  /** Output sheet → existing sheet it replaces (or null: appended). */
  targets: { sheet: OutputSheet; existing: SheetInfo | null }[];
}

function plan(model: PackageModel, req: PackageWriteRequest): Plan {
  const seen = new Set<string>();
  const targets = req.sheets.map((sheet) => {
    checkSheetName(sheet.name);
    const key = foldName(sheet.name);
    if (seen.has(key)) throw new InvalidOutputError('duplicateSheet', sheet.name, 'twice in the output');
    seen.add(key);
    const existing = model.info.sheets.find((s) => foldName(s.name) === key) ?? null;
    if (existing && !req.owned.includes(existing.name)) throw new NotOwnedError(sheet.name, existing.name);
    return { sheet, existing };
  });
  return { targets };
}

/** Everything that cannot be kept when the planned sheets are replaced. */
async function cannotKeep(model: PackageModel, p: Plan): Promise<CannotKeepItem[]> {
  const items: CannotKeepItem[] = [];
  // Strict Open XML (another set of namespaces): new parts in the transitional namespaces would not fit.
  if (/purl\.oclc\.org/.test(model.workbookRoot.uri)) items.push({ kind: 'strictOoxml', sheet: '', part: model.workbookPart });
  const replaced = p.targets.filter((t) => t.existing).map((t) => t.existing!);
  for (const s of replaced) {
    if (s.kind !== 'worksheet' || !s.part) {
      items.push({ kind: 'notWorksheet', sheet: s.name, part: s.part });
      continue;
    }
    const rels = await readRels(model.index, s.part);
    for (const rel of rels?.rels ?? []) {
      if (DROPPABLE.has(rel.kind)) continue;
      if (rel.kind === 'drawing' && !rel.external && (await ourDrawingParts(model.index, rel.part))) continue;
      items.push({ kind: rel.kind, sheet: s.name, part: rel.external ? rel.target : rel.part });
    }
  }
  // Pivot caches whose source lies in a replaced sheet would show stale or wrong figures.
  const replacedNames = new Set(replaced.map((s) => foldName(s.name)));
  for (const rel of model.workbookRels.rels) {
    if (rel.kind !== 'pivotCacheDefinition' || rel.external || replaced.length === 0) continue;
    const text = await readPart(model.index, rel.part);
    if (text === undefined) continue;
    const root = parseXml(text, rel.part);
    const src = child(child(root, 'cacheSource'), 'worksheetSource');
    if (!src || attr(src, 'id', 'relationships') !== undefined) continue;
    const sheet = attr(src, 'sheet');
    const named = attr(src, 'name');
    let hit: string | undefined;
    if (sheet !== undefined && replacedNames.has(foldName(sheet))) hit = sheet;
    if (named !== undefined) {
      const dn = model.info.definedNames.find((d) => foldName(d.name) === foldName(named));
      hit ??= dn ? sheetsInFormula(dn.formula).find((n) => replacedNames.has(foldName(n))) : undefined;
    }
    if (hit !== undefined) {
      const s = replaced.find((r) => foldName(r.name) === foldName(hit))!;
      items.push({ kind: 'pivotSource', sheet: s.name, part: rel.part });
    }
  }
  return items;
}

/** Check what `writePackage` would refuse, without producing anything. */
export async function checkWrite(original: Uint8Array | ArrayBuffer, req: PackageWriteRequest): Promise<CannotKeepItem[]> {
  const model = await loadModel(original);
  return cannotKeep(model, plan(model, req));
}

function appendInto(text: string, el: XmlElement, xml: string, splices: Splice[]): void {
  if (el.selfClosing) {
    const open = text.slice(el.start, el.openEnd).replace(/\s*\/>$/, '>');
    splices.push({ start: el.start, end: el.end, text: `${open}${xml}</${el.name}>` });
  } else splices.push({ start: el.closeStart, end: el.closeStart, text: xml });
}

function nextRelId(rels: Rel[]): () => string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  return () => {
    while (used.has(`rId${n}`)) n++;
    used.add(`rId${n}`);
    return `rId${n}`;
  };
}

function relTypeLike(rels: Rel[], kind: string, fallback: string): string {
  return rels.find((r) => r.kind === kind)?.type ?? fallback;
}

export interface PackageWriteOptions {
  limits?: PackageLimits;
  /** Raw deflate for the new parts (the command line passes Node's zlib.deflateRawSync); pako otherwise. */
  deflateRaw?: DeflateRaw;
}

function bytesOf(b: Uint8Array | ArrayBuffer): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

/**
 * New package bytes with the output sheets written. Throws NotOwnedError, CannotKeepError,
 * CellTextTooLongError or InvalidOutputError before producing anything.
 */
export async function writePackage(
  original: Uint8Array | ArrayBuffer,
  req: PackageWriteRequest,
  options: PackageWriteOptions = {},
): Promise<Uint8Array> {
  const model = await loadModel(original, options.limits ?? {});
  const changes = new Map<string, string | null>();
  const put = (name: string, text: string) => changes.set(name, text);
  const drop = (name: string) => changes.set(name, null);
  const p = plan(model, req);
  for (const t of p.targets) {
    checkOutputSheet(t.sheet);
    checkCharts(t.sheet);
  }
  for (const d of req.definedNames ?? []) checkDefinedName(d.name);
  const problems = await cannotKeep(model, p);
  if (problems.length > 0) throw new CannotKeepError(problems);

  const { zip, index, workbookPart, workbookText, workbookRoot, workbookRels, contentTypes } = model;
  const wbDir = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
  const removedParts = new Set<string>();
  const newOverrides: { part: string; type: string }[] = [];
  const relSplices: Splice[] = [];
  const newRels: string[] = [];
  const relId = nextRelId(workbookRels.rels);
  const relName = workbookRels.rels[0] ? qname(workbookRels.rels[0].el, 'Relationship') : 'Relationship';

  // Styles: the existing part (added to), or a new minimal one.
  const stylesRel = workbookRels.rels.find((r) => r.kind === 'styles' && !r.external);
  const stylesEntry = stylesRel ? index.entry(stylesRel.part) : undefined;
  const stylesPart = stylesEntry ?? `${wbDir}styles.xml`;
  const styles = new StyleBook(stylesEntry ? await readPart(index, stylesEntry) : undefined, stylesPart);

  // Worksheet parts.
  const wbSplices: Splice[] = [];
  const sheetsEl = child(workbookRoot, 'sheets');
  if (!sheetsEl) throw new InvalidOutputError('notWorksheet', '', 'workbook without <sheets>');
  const sheetName = qname(sheetsEl, 'sheet');
  const rPrefix = prefixFor(workbookRoot, 'officeDocument/2006/relationships');
  let nextSheetId = Math.max(0, ...model.info.sheets.map((s) => s.sheetId)) + 1;
  let nextPartNo = 1;
  const finalNames = model.info.sheets.map((s) => s.name);
  const newSheetEls: string[] = [];
  // The active sheet: selected only where no other sheet is (two selected tabs would be grouped in Excel).
  const active = p.targets.find((t) => t.sheet.active);
  let selectActive = false;
  if (active) {
    selectActive = true;
    const ours = new Set(p.targets.filter((t) => t.existing).map((t) => t.existing!.part));
    for (const s of model.info.sheets) {
      if (!s.part || ours.has(s.part)) continue;
      const xml = await readPart(index, s.part);
      if (xml !== undefined && /<(?:\w+:)?sheetView\b[^>]*\btabSelected\s*=\s*["'](?:1|true)["']/.test(xml)) selectActive = false;
    }
  }
  // New part names: never one in the package (the parts replaced are removed only at the end) or taken here.
  const taken = new Set<string>();
  const freshPart = (prefix: string) => {
    let n = 1;
    while (index.has(`${prefix}${n}.xml`) || taken.has(`${prefix}${n}.xml`.toLowerCase())) n++;
    taken.add(`${prefix}${n}.xml`.toLowerCase());
    return `${prefix}${n}.xml`;
  };
  /** The sheet's drawing and charts (new parts); returns the sheet's relationships part text. */
  const writeCharts = (t: Plan['targets'][number], sheetPart: string): string | undefined => {
    const charts = t.sheet.charts ?? [];
    if (charts.length === 0) return undefined;
    const drawingPart = freshPart(`${wbDir}drawings/drawing`);
    const chartRels = charts.map((c, k) => {
      const part = freshPart(`${wbDir}charts/chart`);
      put(part, chartXml(t.sheet, c));
      newOverrides.push({ part, type: CT_CHART });
      return { id: `rId${k + 1}`, type: REL_CHART, target: relativeTarget(drawingPart, part) };
    });
    put(
      drawingPart,
      drawingXml(
        charts,
        chartRels.map((r) => r.id),
      ),
    );
    put(relsPathOf(drawingPart), relsXml(chartRels));
    newOverrides.push({ part: drawingPart, type: CT_DRAWING });
    return relsXml([{ id: 'rId1', type: REL_DRAWING, target: relativeTarget(sheetPart, drawingPart) }]);
  };
  const sheetXmlOf = (t: Plan['targets'][number]) =>
    worksheetXml(t.sheet, styles, {
      ...req.sheetOptions,
      tabSelected: selectActive && t === active,
      drawingRelId: t.sheet.charts?.length ? 'rId1' : undefined,
    });
  for (const t of p.targets) {
    const xml = sheetXmlOf(t);
    if (t.existing) {
      const entry = index.entry(t.existing.part) ?? t.existing.part;
      put(entry, xml);
      // Its own relationships (printer settings, hyperlinks, the drawing of our charts) were ours: drop them.
      const relsPath = relsPathOf(entry);
      const own = await readRels(index, entry);
      if (own) {
        const relsEntry = index.entry(relsPath)!;
        drop(relsEntry);
        index.remove(relsEntry);
        for (const r of own.rels) {
          if (r.external || !r.part) continue;
          removedParts.add(r.part.toLowerCase());
          const ours = r.kind === 'drawing' ? await ourDrawingParts(index, r.part) : null;
          for (const part of ours?.parts ?? []) removedParts.add(part.toLowerCase());
          for (const rels of ours?.rels ?? []) {
            const e = index.entry(rels);
            if (!e) continue;
            drop(e);
            index.remove(e);
          }
        }
      }
      const sheetRels = writeCharts(t, entry);
      if (sheetRels !== undefined) put(relsPath, sheetRels);
      if (t.existing.name !== t.sheet.name) {
        const el = childrenOf(sheetsEl, 'sheet')[t.existing.index]!;
        wbSplices.push({
          start: el.start,
          end: el.openEnd,
          text: setAttr(workbookText.slice(el.start, el.openEnd), 'name', t.sheet.name),
        });
        finalNames[t.existing.index] = t.sheet.name;
      }
    } else {
      let part: string;
      do part = `${wbDir}worksheets/sheet${nextPartNo++}.xml`;
      while (index.has(part) || index.has(relsPathOf(part)));
      put(part, xml);
      index.add(part);
      const sheetRels = writeCharts(t, part);
      if (sheetRels !== undefined) put(relsPathOf(part), sheetRels);
      const id = relId();
      newRels.push(
        `<${relName} Id="${id}" Type="${xmlAttr(relTypeLike(workbookRels.rels, 'worksheet', REL_WORKSHEET))}" Target="${xmlAttr(relativeTarget(workbookPart, part))}"/>`,
      );
      newOverrides.push({ part, type: CT_WORKSHEET });
      const rAttr = rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${NS_REL}" r:id="${id}"`;
      newSheetEls.push(`<${sheetName} name="${xmlAttr(t.sheet.name)}" sheetId="${nextSheetId++}" ${rAttr}/>`);
      finalNames.push(t.sheet.name);
    }
  }
  if (newSheetEls.length) appendInto(workbookText, sheetsEl, newSheetEls.join(''), wbSplices);

  // Styles part.
  if (styles.changed) {
    put(index.entry(stylesPart) ?? stylesPart, styles.result());
    if (!stylesEntry) {
      index.add(stylesPart);
      newRels.push(
        `<${relName} Id="${relId()}" Type="${REL_STYLES}" Target="${xmlAttr(relativeTarget(workbookPart, stylesPart))}"/>`,
      );
      newOverrides.push({ part: stylesPart, type: CT_STYLES });
    }
  }

  // calcChain: invalid once sheets are replaced.
  for (const r of workbookRels.rels) {
    if (r.kind !== 'calcChain') continue;
    relSplices.push({ start: r.el.start, end: r.el.end, text: '' });
    if (!r.external && r.part) removedParts.add(r.part.toLowerCase());
  }

  if (active && selectActive) {
    const view = child(child(workbookRoot, 'bookViews'), 'workbookView');
    const at = finalNames.findIndex((n) => n === active.sheet.name);
    if (view && at >= 0) {
      wbSplices.push({
        start: view.start,
        end: view.openEnd,
        text: setAttr(workbookText.slice(view.start, view.openEnd), 'activeTab', String(at)),
      });
    } else if (!child(workbookRoot, 'bookViews') && at >= 0) {
      // bookViews comes right before sheets.
      const bv = qname(sheetsEl, 'bookViews');
      wbSplices.push({
        start: sheetsEl.start,
        end: sheetsEl.start,
        text: `<${bv}><${qname(sheetsEl, 'workbookView')} activeTab="${at}"/></${bv}>`,
      });
    }
  }

  // Defined names.
  const edits: { name: string; formula: string; localSheetId: number | null }[] = [];
  const scopeIndex = (sheet: string) => {
    const i = finalNames.findIndex((n) => foldName(n) === foldName(sheet));
    if (i < 0) throw new InvalidOutputError('definedName', sheet, 'scope sheet not found');
    return i;
  };
  for (const d of req.definedNames ?? [])
    edits.push({ name: d.name, formula: d.formula, localSheetId: d.scopeSheet ? scopeIndex(d.scopeSheet) : null });
  if (req.printTitles !== false) {
    for (const t of p.targets) {
      const n = repeatRowsOf(t.sheet);
      if (n > 0)
        edits.push({
          name: '_xlnm.Print_Titles',
          formula: `${quoteSheet(t.sheet.name)}!$1:$${n}`,
          localSheetId: scopeIndex(t.sheet.name),
        });
    }
  }
  // The printed range (ECMA-376 §18.2.5: the built-in name `_xlnm.Print_Area`, local to its sheet). An output
  // sheet without one loses a Print_Area an earlier refresh wrote: the sheet is ours, rewritten whole.
  const staleAreas = new Set<number>();
  for (const t of p.targets) {
    const area = printAreaOf(t.sheet);
    if (area) edits.push({ name: '_xlnm.Print_Area', formula: area, localSheetId: scopeIndex(t.sheet.name) });
    else staleAreas.add(scopeIndex(t.sheet.name));
  }
  const removeNames = new Set((req.removeDefinedNames ?? []).map(foldName));
  const dnEl = child(workbookRoot, 'definedNames');
  const kept: string[] = [];
  const dnChildName = dnEl ? qname(dnEl, 'definedName') : qname(sheetsEl, 'definedName');
  for (const el of childrenOf(dnEl, 'definedName')) {
    const name = foldName(attr(el, 'name') ?? '');
    const lsi = attr(el, 'localSheetId');
    const local = lsi === undefined ? null : Number(lsi);
    if (local === null && removeNames.has(name)) continue;
    if (edits.some((e) => foldName(e.name) === name && e.localSheetId === local)) continue;
    if (local !== null && staleAreas.has(local) && name === foldName('_xlnm.Print_Area')) continue;
    kept.push(workbookText.slice(el.start, el.end));
  }
  const added = edits.map(
    (e) =>
      `<${dnChildName} name="${xmlAttr(e.name)}"${e.localSheetId === null ? '' : ` localSheetId="${e.localSheetId}"`}>${xmlText(e.formula)}</${dnChildName}>`,
  );
  const dnItems = [...kept, ...added];
  const calcEl = child(workbookRoot, 'calcPr');
  const calcText = calcEl ? '' : `<${qname(sheetsEl, 'calcPr')} fullCalcOnLoad="1"/>`;
  if (calcEl) {
    wbSplices.push({
      start: calcEl.start,
      end: calcEl.openEnd,
      text: setAttr(workbookText.slice(calcEl.start, calcEl.openEnd), 'fullCalcOnLoad', '1'),
    });
  }
  if (dnEl) {
    const dnName = dnEl.name;
    const openTag = workbookText.slice(dnEl.start, dnEl.openEnd).replace(/\s*\/>$/, '>');
    const body = dnItems.length ? `${openTag}${dnItems.join('')}</${dnName}>` : '';
    const changed = dnItems.length !== childrenOf(dnEl, 'definedName').length || added.length > 0;
    if (changed || calcText)
      wbSplices.push({
        start: dnEl.start,
        end: dnEl.end,
        text: (changed ? body : workbookText.slice(dnEl.start, dnEl.end)) + calcText,
      });
  } else {
    const after = ['externalReferences', 'functionGroups', 'sheets']
      .map((l) => child(workbookRoot, l))
      .find((e) => e !== undefined)!;
    const dnName = qname(sheetsEl, 'definedNames');
    const body = dnItems.length ? `<${dnName}>${dnItems.join('')}</${dnName}>` : '';
    if (body || calcText) wbSplices.push({ start: after.end, end: after.end, text: body + calcText });
  }
  put(index.entry(workbookPart) ?? workbookPart, applySplices(workbookText, wbSplices));

  // Parts no longer referenced (calcChain, a replaced sheet's printer settings).
  if (removedParts.size > 0) {
    const stillUsed = new Set<string>();
    for (const name of index.names()) {
      if (!name.endsWith('.rels') || name === relsPathOf(workbookPart)) continue;
      const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
      if (!m) continue;
      const rels = await readRels(index, `${m[1]}${m[2]}`);
      for (const r of rels?.rels ?? []) if (!r.external) stillUsed.add(r.part.toLowerCase());
    }
    for (const r of workbookRels.rels) if (!r.external && r.kind !== 'calcChain') stillUsed.add(r.part.toLowerCase());
    for (const part of [...removedParts]) {
      if (stillUsed.has(part)) {
        removedParts.delete(part);
        continue;
      }
      const entry = index.entry(part);
      if (entry) {
        drop(entry);
        index.remove(entry);
      }
    }
  }

  // Workbook relationships.
  if (newRels.length || relSplices.length) {
    if (workbookRels.path) {
      appendInto(workbookRels.text, workbookRels.root, newRels.join(''), relSplices);
      put(index.entry(workbookRels.path) ?? workbookRels.path, applySplices(workbookRels.text, relSplices));
    } else {
      put(
        relsPathOf(workbookPart),
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${newRels.join('')}</Relationships>`,
      );
    }
  }

  // Content types.
  const ctSplices: Splice[] = [];
  for (const [part, o] of contentTypes.overrides)
    if (removedParts.has(part)) ctSplices.push({ start: o.el.start, end: o.el.end, text: '' });
  if (newOverrides.length) {
    const anyOverride = [...contentTypes.overrides.values()][0]?.el;
    const overrideName = anyOverride ? qname(anyOverride, 'Override') : 'Override';
    appendInto(
      contentTypes.text,
      contentTypes.root,
      newOverrides.map((o) => `<${overrideName} PartName="/${xmlAttr(o.part)}" ContentType="${o.type}"/>`).join(''),
      ctSplices,
    );
  }
  if (ctSplices.length) put(index.entry('[Content_Types].xml')!, applySplices(contentTypes.text, ctSplices));

  const fast = rewriteZip(bytesOf(original), changes, options.deflateRaw ?? ((d) => deflateRaw(d, { level: 6 })));
  if (fast) return fast;
  // JSZip stamps the clock's time unless told: a changed entry keeps its time, a new one gets the
  // fixed time (JSZip writes a date's UTC fields), as rewriteZip does.
  const fixedDate = new Date(Date.UTC(1980, 0, 1));
  for (const [name, v] of changes) {
    if (v === null) zip.remove(name);
    else zip.file(name, v, { createFolders: false, date: zip.file(name)?.date ?? fixedDate });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
