// The static server's gzip option (scripts/static-server.mjs --gzip), which the benchmark serves
// both sites with: compressed only for a request that accepts gzip, only compressible types,
// and off by default. And the wizard still starts when served that way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, launch, openPage, site } from './helpers.mjs';

/** A GET with the given Accept-Encoding (none when undefined); resolves to headers and raw body. */
function get(url, acceptEncoding) {
  const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const wasmFile = () => fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));

test('--gzip compresses what a static host compresses, for a request that accepts it', async () => {
  const s = await site({ gzip: true });
  try {
    const wasm = wasmFile();
    const raw = fs.readFileSync(path.join(DIST, wasm));
    const zipped = await get(`${s.url}${wasm}`, 'gzip, deflate, br');
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'Accept-Encoding');
    assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
    assert.ok(zipped.body.length < raw.length);
    assert.deepEqual(zlib.gunzipSync(zipped.body), raw);

    for (const refused of [undefined, 'identity', 'br', 'gzip;q=0']) {
      const plain = await get(`${s.url}${wasm}`, refused);
      assert.equal(plain.headers['content-encoding'], undefined, `Accept-Encoding: ${refused}`);
      assert.equal(plain.headers.vary, 'Accept-Encoding');
      assert.deepEqual(plain.body, raw);
    }
    assert.equal((await get(`${s.url}`, '*')).headers['content-encoding'], 'gzip');
    const png = fs.readdirSync(DIST).find((f) => f.endsWith('.png'));
    if (png) assert.equal((await get(`${s.url}${png}`, 'gzip')).headers['content-encoding'], undefined);
  } finally {
    await s.close();
  }
});

test('without --gzip nothing is compressed', async () => {
  const s = await site();
  try {
    const plain = await get(`${s.url}${wasmFile()}`, 'gzip');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.vary, undefined);
  } finally {
    await s.close();
  }
});

test('the wizard served gzip starts and answers', async () => {
  const s = await site({ gzip: true });
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const encodings = new Map();
    context.on('response', async (r) => encodings.set(new URL(r.url()).pathname, (await r.allHeaders())['content-encoding']));
    const page = await openPage(context, s.url);
    await page.locator('#question-services').getByLabel('Azure Rights Management', { exact: true }).check();
    await page.locator('#guidance-live', { hasText: /^Guidance list updated: \d+ items added/ }).waitFor();
    assert.equal(encodings.get(`/${wasmFile()}`), 'gzip');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await s.close();
  }
});
