// A plain static file server for dist/, mounted under a subdirectory (default /apps/yishi/).
// Deliberately dumb, like an intranet web server: no SPA fallback (unknown paths are 404),
// directory URLs serve their index.html, `/apps/yishi` redirects to `/apps/yishi/`.
//
//   node tools/static-server.mjs [--root dist] [--base /apps/yishi/] [--host 127.0.0.1] [--port 0]
//
// As a module: `const srv = await startServer({ root, base, host, port });`
//   -> { origin, baseUrl, port, close() }   (port 0 picks a free port)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function startServer({ root, base = '/apps/yishi/', host = '127.0.0.1', port = 0, headers = {} } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const rootDir = path.resolve(root);
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/": ${base}`);

  const server = http.createServer((req, res) => {
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (pathname === base.slice(0, -1)) return send(301, 'moved', { Location: base });
    if (!pathname.startsWith(base)) return send(404, 'not found');
    let file = path.join(rootDir, pathname.slice(base.length));
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return send(403, 'forbidden');
    let stat;
    try {
      stat = fs.statSync(file);
      if (stat.isDirectory()) {
        if (!pathname.endsWith('/')) return send(301, 'moved', { Location: pathname + '/' });
        file = path.join(file, 'index.html');
        stat = fs.statSync(file);
      }
    } catch {
      return send(404, 'not found');
    }
    if (!stat.isFile()) return send(404, 'not found');
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
      ...headers,
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      const origin = `http://${host}:${actual}`;
      resolve({
        origin,
        baseUrl: origin + base,
        port: actual,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const srv = await startServer({
    root: opt('root', path.join(here, '..', 'dist')),
    base: opt('base', '/apps/yishi/'),
    host: opt('host', '127.0.0.1'),
    port: Number(opt('port', '0')),
  });
  console.log(`serving ${opt('root', 'dist')} at ${srv.baseUrl}`);
}
