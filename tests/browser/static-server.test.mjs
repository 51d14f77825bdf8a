// The static server's gzip option (scripts/static-server.mjs --gzip), which the benchmark serves
// both sites with: compressed only for a request that accepts gzip, only compressible types,
// and off by default. And the wizard still starts when served that way.
import { test, expect } from '@playwright/test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, openPage, site } from './helpers.mjs';

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
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length < raw.length).toBeTruthy();
    expect(zlib.gunzipSync(zipped.body)).toStrictEqual(raw);

    for (const refused of [undefined, 'identity', 'br', 'gzip;q=0']) {
      const plain = await get(`${s.url}${wasm}`, refused);
      expect(plain.headers['content-encoding'], `Accept-Encoding: ${refused}`).toBe(undefined);
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body).toStrictEqual(raw);
    }
    expect((await get(`${s.url}`, '*')).headers['content-encoding']).toBe('gzip');
    const png = fs.readdirSync(DIST).find((f) => f.endsWith('.png'));
    if (png) expect((await get(`${s.url}${png}`, 'gzip')).headers['content-encoding']).toBe(undefined);
  } finally {
    await s.close();
  }
});

test('without --gzip nothing is compressed', async () => {
  const s = await site();
  try {
    const plain = await get(`${s.url}${wasmFile()}`, 'gzip');
    expect(plain.headers['content-encoding']).toBe(undefined);
    expect(plain.headers.vary).toBe(undefined);
  } finally {
    await s.close();
  }
});

test('the wizard served gzip starts and answers', async ({ browser }) => {
  const s = await site({ gzip: true });
  const context = await browser.newContext();
  try {
    const encodings = new Map();
    context.on('response', async (r) => encodings.set(new URL(r.url()).pathname, (await r.allHeaders())['content-encoding']));
    const page = await openPage(context, s.url);
    await page.locator('#question-services').getByLabel('Azure Rights Management', { exact: true }).check();
    await expect(page.locator('#guidance-live')).toHaveText(/^Guidance list updated: \d+ items added/);
    expect(encodings.get(`/${wasmFile()}`)).toBe('gzip');
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
    await s.close();
  }
});
