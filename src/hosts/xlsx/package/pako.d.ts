// The part of pako (JSZip's own deflate, always installed with it) that the writer uses.
declare module 'pako' {
  export function deflateRaw(data: Uint8Array, options?: { level?: number }): Uint8Array;
}
