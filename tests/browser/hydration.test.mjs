// Hydration checked on a debug build (dist-debug, built by scripts/test.sh): release builds say
// nothing about a mismatch between the prerendered HTML and the app, debug builds report it on the
// console (and panic). Each way into the app, fresh or restored, must hydrate without a word, and
// so must a page to which a browser extension added nodes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, ready, answer, goToStep, waitText, until, KEY } from './helpers.mjs';
import { extensionNodes } from './extensions.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEBUG_DIST = process.env.DEBUG_DIST || path.resolve(here, '../../dist-debug');

let env;
before(async () => {
  assert.ok(fs.existsSync(path.join(DEBUG_DIST, 'index.html')), `no debug build in ${DEBUG_DIST}: scripts/test.sh builds it (trunk build --dist dist-debug)`);
  env = await setup({ root: DEBUG_DIST });
});
after(async () => { await env?.close(); });

/** Opens `url` in `context` and records every console message but debug ones. */
async function load(context, url) {
  const page = await context.newPage();
  const said = [];
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) said.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => said.push(`pageerror: ${e}`));
  await page.goto(url);
  // A mismatch panics in a debug build: the page never gets ready, and what it said is the news.
  await Promise.race([ready(page), until(() => said.length > 0, 'a console message', 30000)]);
  assert.deepEqual(said, [], `console while opening ${url}`);
  return { page, said };
}

test('a fresh page, a saved record, a share link and the embed mode hydrate with no console message', async () => {
  const context = await env.context();
  try {
    const fresh = await load(context, env.url);
    await answer(fresh.page, 'Which services', 'Microsoft Intune');
    await waitText(fresh.page.locator('section.guidance .totals'), 'waiting');
    await goToStep(fresh.page, 'Summary and sharing');
    const link = await fresh.page.getByLabel('Share link', { exact: true }).inputValue();
    assert.ok(await fresh.page.evaluate((key) => localStorage.getItem(key) !== null, KEY), 'progress saved');

    const saved = await load(context, env.url);
    await waitText(saved.page.locator('#step-heading'), 'Summary and sharing');
    assert.match(await saved.page.locator('dl.answers').innerText(), /Microsoft Intune/, 'the saved answers restored');
    const embedded = await load(context, `${env.url}?embed=1`);
    assert.equal(await embedded.page.locator('.masthead').count(), 0, 'no masthead in embed mode');
    const shared = await load(await env.context(), link);
    await waitText(shared.page.locator('#step-heading'), 'Summary and sharing');
    for (const { said } of [fresh, saved, embedded, shared]) assert.deepEqual(said, []);
  } finally {
    await context.close();
  }
});

test('nodes an extension adds at the top and the end of the body and around the root do not stop hydration', async () => {
  const context = await env.context();
  try {
    await context.addInitScript(extensionNodes);
    const { page, said } = await load(context, env.url);
    for (const id of ['ext-top', 'ext-before', 'ext-after', 'ext-end']) {
      assert.equal(await page.locator(`#${id}`).count(), 1, `#${id} is still there`);
    }
    assert.equal(await page.locator('.boot-error').count(), 0, 'no "could not start"');
    await answer(page, 'Which services', 'Microsoft Intune');
    await waitText(page.locator('.step-count'), 'Step 1 of 4');
    await waitText(page.locator('section.guidance .totals'), 'waiting');
    await goToStep(page, 'Microsoft Intune');
    assert.deepEqual(said, [], 'nothing said on the console');
  } finally {
    await context.close();
  }
});
