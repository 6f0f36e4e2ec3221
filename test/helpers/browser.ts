/** Chromium for browser tests: CHROMIUM_PATH, else /usr/bin/chromium; a static server for dist/. */
import { existsSync, promises as fs } from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}

/** Under CI a missing browser is a failure; elsewhere the tests skip with a visible message. */
export function requireChromium(): string | null {
  const found = chromiumPath();
  if (found) return found;
  const message = `Chromium not found (set CHROMIUM_PATH or install Debian's chromium): browser tests ${process.env.CI === 'true' ? 'FAIL under CI' : 'SKIPPED'}`;
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\n*** ${message} ***\n\n`);
  return null;
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.txt': 'text/plain',
};

/** One request of `serve`: a file of `dir`, 403 outside it, 404 when missing. */
async function respond(dir: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'taskpane.html';
  const file = path.join(dir, rel);
  if (!file.startsWith(path.resolve(dir))) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await fs.readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}

/** Serve a folder on 127.0.0.1 (a random free port). */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    respond(dir, req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const DIST = path.resolve(__dirname, '..', '..', 'dist');
export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');
