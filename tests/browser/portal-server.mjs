// The partner portal for the embedding tests: examples/portal.html as it is, with its portal.js
// and portal.css, and embed.js from the wizard's public/ (the portal hosts its own copy), served
// under the static server's strict CSP, which may frame any port of 127.0.0.1 (the wizard's
// servers). other.html is a page of a third origin that a test frames beside the wizard. With
// `wizardRoot` the same server also serves the built wizard: a portal on the wizard's own origin.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP } from '../../scripts/static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const FILES = {
  '/portal.html': ['examples/portal.html', 'text/html; charset=utf-8'],
  '/portal.js': ['examples/portal.js', 'text/javascript; charset=utf-8'],
  '/portal.css': ['examples/portal.css', 'text/css; charset=utf-8'],
  '/embed.js': ['public/embed.js', 'text/javascript; charset=utf-8'],
};
const OTHER_HTML = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Other</title></head><body><p>Another site</p></body></html>';
export const PORTAL_CSP = `${CSP}; frame-ancestors 'self'; frame-src http://127.0.0.1:*`;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** A file of the built wizard under `root` (its index.html for `/`), or false when there is none. */
function wizardFile(root, pathname, res) {
  const file = path.join(root, pathname === '/' ? 'index.html' : path.normalize(pathname));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return false;
  const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
  if (file.endsWith('.html')) headers['content-security-policy'] = PORTAL_CSP;
  res.writeHead(200, headers).end(fs.readFileSync(file));
  return true;
}

/** Starts the portal's server on a free port of 127.0.0.1 (also serving the built wizard from
 *  `wizardRoot` when given); resolves to the http.Server. */
export async function portalServer({ wizardRoot = null } = {}) {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    const file = FILES[pathname];
    if (file) {
      const headers = { 'content-type': file[1], 'cache-control': 'no-cache' };
      if (pathname.endsWith('.html')) headers['content-security-policy'] = PORTAL_CSP;
      res.writeHead(200, headers).end(fs.readFileSync(path.join(root, file[0])));
    } else if (pathname === '/other.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(OTHER_HTML);
    // A real portal has its own icon; the example page names none.
    else if (pathname === '/favicon.ico') res.writeHead(204).end();
    else if (!(wizardRoot && wizardFile(path.resolve(wizardRoot), decodeURIComponent(pathname), res))) res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

/** Records a page's console errors, page errors and requests as they come; returns { errors, requests }. */
export function watch(page) {
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return { errors, requests };
}

/** Adds an iframe framing `src` to `page` (a third-origin page, or the wizard framed by hand). */
export function addFrame(page, id, title, src) {
  return page.evaluate(([frameId, frameTitle, frameSrc]) => {
    const frame = document.createElement('iframe');
    frame.id = frameId;
    frame.title = frameTitle;
    frame.src = frameSrc;
    document.body.append(frame);
  }, [id, title, src]);
}
