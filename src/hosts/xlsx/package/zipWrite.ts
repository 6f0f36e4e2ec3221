/**
 * Writing the new package: every entry that is not changed is copied as it is in the original zip (its
 * local header and compressed bytes, so not even the compression changes); changed and new entries are
 * deflated. Returns null for a zip this writer does not handle (zip64, encrypted entries, several disks):
 * the caller then falls back to JSZip.
 *
 * No clock: a changed entry keeps its original's modification time, a new one gets `FIXED_STAMP`, so
 * the same input always gives the same bytes (a refreshed file can be compared, cached, signed).
 */

export type DeflateRaw = (data: Uint8Array) => Uint8Array;

interface CentralEntry {
  name: string;
  /** The whole central directory record. */
  record: Uint8Array;
  localOffset: number;
  compressedSize: number;
  flags: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
}

function readCentral(zip: Uint8Array): CentralEntry[] | null {
  const min = Math.max(0, zip.length - 22 - 65535);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x05 && zip[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const disk = u16(zip, eocd + 4);
  const cdDisk = u16(zip, eocd + 6);
  const count = u16(zip, eocd + 10);
  const cdSize = u32(zip, eocd + 12);
  const cdOffset = u32(zip, eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) return null;
  const entries: CentralEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(zip, p) !== 0x02014b50) return null;
    const flags = u16(zip, p + 8);
    const compressedSize = u32(zip, p + 20);
    const size = u32(zip, p + 24);
    const nameLen = u16(zip, p + 28);
    const extraLen = u16(zip, p + 30);
    const commentLen = u16(zip, p + 32);
    const localOffset = u32(zip, p + 42);
    if (flags & 1 || compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return null;
    const nameBytes = zip.subarray(p + 46, p + 46 + nameLen);
    // Names not flagged UTF-8 are CP437; ASCII names (all OOXML parts) read the same either way.
    const name = decoder.decode(nameBytes);
    const end = p + 46 + nameLen + extraLen + commentLen;
    entries.push({ name, record: zip.subarray(p, end), localOffset, compressedSize, flags });
    p = end;
  }
  return entries;
}

/** The local record of an entry: header, data and data descriptor. */
function localRecord(zip: Uint8Array, e: CentralEntry): Uint8Array | null {
  const o = e.localOffset;
  if (u32(zip, o) !== 0x04034b50) return null;
  let end = o + 30 + u16(zip, o + 26) + u16(zip, o + 28) + e.compressedSize;
  if (e.flags & 8) end += u32(zip, end) === 0x08074b50 ? 16 : 12;
  if (end > zip.length) return null;
  return zip.subarray(o, end);
}

/** An entry's modification time, as the zip format keeps it (MS-DOS time and date fields). */
interface DosStamp {
  time: number;
  date: number;
}

/**
 * The time of a new entry: 1980-01-01 00:00, the first the format can hold (the time Excel itself
 * gives every entry it writes): date = (year − 1980) << 9 | month << 5 | day, time = 0.
 */
export const FIXED_STAMP: DosStamp = { time: 0, date: (0 << 9) | (1 << 5) | 1 };

/** The time and date of an entry in the original's central directory record. */
function stampOf(e: CentralEntry): DosStamp {
  return { time: u16(e.record, 12), date: u16(e.record, 14) };
}

interface NewEntry {
  local: Uint8Array;
  central: Uint8Array;
}

function newEntry(name: string, data: Uint8Array, deflateRaw: DeflateRaw, { time, date }: DosStamp): NewEntry {
  const nameBytes = new TextEncoder().encode(name);
  const compressed = deflateRaw(data);
  const crc = crc32(data);
  const local = new Uint8Array(30 + nameBytes.length + compressed.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, 0x0800, true); // UTF-8 name
  lv.setUint16(8, 8, true); // deflate
  lv.setUint16(10, time, true);
  lv.setUint16(12, date, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, compressed.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, nameBytes.length, true);
  lv.setUint16(28, 0, true);
  local.set(nameBytes, 30);
  local.set(compressed, 30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, 0x0800, true);
  cv.setUint16(10, 8, true);
  cv.setUint16(12, time, true);
  cv.setUint16(14, date, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, compressed.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, 46);
  return { local, central };
}

/**
 * A new zip from the original: `changes` maps entry names to new content (a string is UTF-8) or null
 * (removed); names not in the original are appended in the order given.
 */
export function rewriteZip(
  original: Uint8Array,
  changes: Map<string, string | Uint8Array | null>,
  deflateRaw: DeflateRaw,
): Uint8Array | null {
  const entries = readCentral(original);
  if (!entries) return null;
  const encoder = new TextEncoder();
  const bytesOf = (v: string | Uint8Array) => (typeof v === 'string' ? encoder.encode(v) : v);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const seen = new Set<string>();
  const push = (local: Uint8Array, central: Uint8Array) => {
    const c = new Uint8Array(central);
    new DataView(c.buffer).setUint32(42, offset, true);
    locals.push(local);
    centrals.push(c);
    offset += local.length;
  };
  for (const e of entries) {
    seen.add(e.name);
    const change = changes.get(e.name);
    if (change === null) continue;
    if (change !== undefined) {
      const n = newEntry(e.name, bytesOf(change), deflateRaw, stampOf(e));
      push(n.local, n.central);
      continue;
    }
    const local = localRecord(original, e);
    if (!local) return null;
    push(local, e.record);
  }
  for (const [name, v] of changes) {
    if (seen.has(name) || v === null) continue;
    const n = newEntry(name, bytesOf(v), deflateRaw, FIXED_STAMP);
    push(n.local, n.central);
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  if (offset + cdSize > 0xffffffff || centrals.length >= 0xffff) return null;
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const l of locals) {
    out.set(l, p);
    p += l.length;
  }
  for (const c of centrals) {
    out.set(c, p);
    p += c.length;
  }
  out.set(eocd, p);
  return out;
}
