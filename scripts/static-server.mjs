// A static file server for the built site, with the strict Content-Security-Policy docs/embedding.md
// recommends. No dependencies. Used by scripts/serve.sh, the browser tests and the benchmark.
//
//   node scripts/static-server.mjs [--root dist] [--port 8080] [--host 127.0.0.1]
//        [--frame-ancestors "'self' http://127.0.0.1:9000"] [--frame-src http://127.0.0.1:8080]
//        [--no-csp] [--gzip] [--quiet]
// --frame-src is for a partner portal served with the same policy (examples/portal.html), which
// frames the wizard from another origin. --gzip (`gzip: true`) serves text, JavaScript, wasm and
// JSON gzip-compressed to a request that accepts it, as a static host does; off by default.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.md': 'text/markdown; charset=utf-8',
};

/** The types a static host compresses: everything but images already compressed (PNG). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.md']);

/** Whether an Accept-Encoding header accepts gzip (by name or `*`, and not with q=0). */
export function acceptsGzip(header = '') {
  const codings = new Map(header.split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return [name.trim(), q ? Number(q.slice(2)) : 1];
  }));
  const q = codings.has('gzip') ? codings.get('gzip') : codings.get('*');
  return q > 0;
}

/** gzip -9 of each file body, compressed once per file version (a host stores them compressed,
 *  so a request should not pay for the compression). */
function gzipCache() {
  const cache = new Map();
  return (file, body) => {
    const { mtimeMs, size } = fs.statSync(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.gz;
    const gz = zlib.gzipSync(body, { level: 9 });
    cache.set(file, { mtimeMs, size, gz });
    return gz;
  };
}

/** Starts a server; resolves to the http.Server once listening. */
export function serve({ root = 'dist', port = 8080, host = '127.0.0.1', csp = true, frameAncestors = "'self'", frameSrc = null, headers = {}, log = null, gzip = false } = {}) {
  const base = path.resolve(root);
  const compressed = gzipCache();
  const server = http.createServer((req, res) => {
    let file;
    try {
      file = path.normalize(path.join(base, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    } catch {
      res.writeHead(400).end(); return;
    }
    if (file !== base && !file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (log) log(req.url);
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const h = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache', ...headers };
      if (csp && file.endsWith('.html')) {
        h['content-security-policy'] = `${CSP}; frame-ancestors ${frameAncestors}${frameSrc ? `; frame-src ${frameSrc}` : ''}`;
      }
      if (gzip && COMPRESSIBLE.has(path.extname(file))) {
        h.vary = 'Accept-Encoding';
        if (acceptsGzip(req.headers['accept-encoding'])) {
          body = compressed(file, body);
          h['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, { ...h, 'content-length': body.length }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const opts = {
    root: arg('--root', 'dist'), port: Number(arg('--port', 8080)), host: arg('--host', '127.0.0.1'),
    csp: !process.argv.includes('--no-csp'), frameAncestors: arg('--frame-ancestors', "'self'"), frameSrc: arg('--frame-src', null),
    gzip: process.argv.includes('--gzip'),
  };
  serve(opts).then(() => console.log(`Serving ${opts.root} at http://${opts.host}:${opts.port}/ (Ctrl-C to stop)`));
}
