import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Serves the H5 build; any path that is not a file gets index.html (the app's own router decides). */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const decoded = safeDecode(urlPath);
  const candidate = decoded === null ? null : path.join(root, path.normalize(decoded));
  const insideRoot = candidate !== null && candidate.startsWith(path.resolve(root) + path.sep);
  const file = insideRoot && existsSync(candidate) && statSync(candidate).isFile() ? candidate : path.join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('H5 build missing: run `npm run build:h5`.');
    return;
  }
  const isIndex = file.endsWith('index.html');
  res.writeHead(200, {
    'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': isIndex ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(file).pipe(res);
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
