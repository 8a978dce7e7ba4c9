// A tiny static server for the benchmark: serves dist/ under /apps/yishi/ (like an intranet
// subdirectory) and two bench pages under /__bench/ on the same origin:
//   /__bench/blank.html   a blank page that sets window.__YISHI_READY__ from an inline script
//                         (the ready-time baseline);
//   /__bench/empty.html   an empty page for the plain-JS baselines;
// and any further pages given as files to startServer (the empty TiddlyWiki of the baselines).
// Deliberately dumb: no caching headers, no SPA fallback.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const BENCH_PAGES = {
  '/__bench/blank.html':
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>blank</title></head>' +
    '<body><h1>议事</h1><script>window.__YISHI_READY__ = performance.now();</script></body></html>',
  '/__bench/empty.html': '<!DOCTYPE html><html><head><meta charset="utf-8"><title>empty</title></head><body></body></html>',
};

export const BASE = '/apps/yishi/';

/** Starts the server on 127.0.0.1 and a free port; `files` maps further paths to files.
 *  Returns { origin, appUrl, close() }. */
export function startServer(root, files = {}) {
  const rootDir = path.resolve(root);
  const server = http.createServer((req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(body);
    };
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (BENCH_PAGES[pathname]) return send(200, BENCH_PAGES[pathname], TYPES['.html']);
    if (files[pathname]) return send(200, fs.readFileSync(files[pathname]), TYPES[path.extname(files[pathname])]);
    if (pathname === BASE.slice(0, -1)) return send(301, 'moved', undefined, { Location: BASE });
    if (!pathname.startsWith(BASE)) return send(404, 'not found');
    let file = path.join(rootDir, pathname.slice(BASE.length));
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return send(403, 'forbidden');
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = fs.readFileSync(file);
      send(200, body, TYPES[path.extname(file)] || 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ origin, appUrl: origin + BASE, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
