/** Helpers for the package fidelity tests: unpack parts, compare them, check well-formedness. */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export async function partsOf(bytes: Uint8Array | Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) {
    if (!f.dir) out.set(name, await f.async('nodebuffer'));
  }
  return out;
}

/** Throws with the part name when an XML part is not well-formed. */
export function checkWellFormed(name: string, data: Buffer): void {
  if (!/\.(xml|rels|vml)$/i.test(name) && name !== '[Content_Types].xml') return;
  let text = data.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const p = new SaxesParser({ xmlns: true });
  let err: Error | null = null;
  p.on('error', (e) => {
    err ??= e;
  });
  try {
    p.write(text).close();
  } catch (e) {
    err ??= e as Error;
  }
  if (err) throw new Error(`${name} is not well-formed: ${err.message}`);
}

export function text(parts: Map<string, Buffer>, name: string): string {
  const b = parts.get(name);
  if (!b) throw new Error(`no part ${name}`);
  return b.toString('utf8');
}

/** Elements (raw text) of a local name, e.g. every <definedName …>…</definedName> or <Override …/>. */
export function elements(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z0-9_]+:)?${local}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[A-Za-z0-9_]+:)?${local}>)`, 'g');
  return xml.match(re) ?? [];
}
