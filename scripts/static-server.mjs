// A static file server for the built site, with the strict Content-Security-Policy docs/embedding.md
// recommends. No dependencies. Used by scripts/serve.sh, the browser tests and the benchmark.
//
//   node scripts/static-server.mjs [--root dist] [--port 8080] [--host 127.0.0.1]
//        [--frame-ancestors "'self' http://127.0.0.1:9000"] [--frame-src http://127.0.0.1:8080]
//        [--no-csp] [--quiet]
// --frame-src is for a partner portal served with the same policy (examples/portal.html), which
// frames the wizard from another origin.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.md': 'text/markdown; charset=utf-8',
};

/** Starts a server; resolves to the http.Server once listening. */
export function serve({ root = 'dist', port = 8080, host = '127.0.0.1', csp = true, frameAncestors = "'self'", frameSrc = null, headers = {}, log = null } = {}) {
  const base = path.resolve(root);
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
      res.writeHead(200, h).end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const opts = {
    root: arg('--root', 'dist'), port: Number(arg('--port', 8080)), host: arg('--host', '127.0.0.1'),
    csp: !process.argv.includes('--no-csp'), frameAncestors: arg('--frame-ancestors', "'self'"), frameSrc: arg('--frame-src', null),
  };
  serve(opts).then(() => console.log(`Serving ${opts.root} at http://${opts.host}:${opts.port}/ (Ctrl-C to stop)`));
}
