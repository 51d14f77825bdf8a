// Download sizes: raw, gzip -9 and brotli (quality 11) of each file, and their total. Shared by
// scripts/size.mjs (the budget check) and scripts/bench.mjs (the wizard beside its peer).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The three sizes of one body. */
export function measure(file, body) {
  return {
    file,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Files of the build a partner's page loads, never the wizard: not part of its download. */
const FOR_PARTNERS = new Set(['embed.js']);

/** What index.html makes the browser fetch: every file of the build (the favicon included), but
 * the embed module, which only a partner's page loads. */
export function distRows(dist) {
  const files = fs.readdirSync(dist)
    .filter((f) => !FOR_PARTNERS.has(f) && fs.statSync(path.join(dist, f)).isFile()).sort();
  return files.map((f) => measure(f, fs.readFileSync(path.join(dist, f))));
}

export function total(rows) {
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/** The table as lines of text; `width` is the file column's width. */
export function table(rows, width = 28) {
  const pad = (s, n) => String(s).padStart(n);
  const t = total(rows);
  return [
    `${'file'.padEnd(width)}${pad('raw', 10)}${pad('gzip -9', 10)}${pad('brotli', 10)}`,
    ...rows.map((r) => `${r.file.padEnd(width)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`),
    `${'total'.padEnd(width)}${pad(t.raw, 10)}${pad(t.gzip, 10)}${pad(t.brotli, 10)}`,
  ];
}
