// Hydration checked on a debug build (dist-debug, built by scripts/test.sh): release builds say
// nothing about a mismatch between the prerendered HTML and the app, debug builds report it on the
// console (and panic). Each way into the app, fresh or restored, must hydrate without a word, and
// so must a page to which a browser extension added nodes.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ready, answer, goToStep, KEY } from './helpers.mjs';
import { extensionNodes } from './extensions.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEBUG_DIST = process.env.DEBUG_DIST || path.resolve(here, '../../dist-debug');

test.use({ siteOptions: { root: DEBUG_DIST } });
test.beforeAll(() => {
  expect(fs.existsSync(path.join(DEBUG_DIST, 'index.html')), `no debug build in ${DEBUG_DIST}: scripts/test.sh builds it (trunk build --dist dist-debug)`).toBeTruthy();
});

/** Opens `url` in `context` and records every console message but debug ones. */
async function load(context, url) {
  const page = await context.newPage();
  const said = [];
  let spoke;
  const spoken = new Promise((resolve) => { spoke = resolve; });
  const say = (what) => { said.push(what); spoke(); };
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) say(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => say(`pageerror: ${e}`));
  await page.goto(url);
  // A mismatch panics in a debug build: the page never gets ready, and what it said is the news.
  await Promise.race([ready(page), spoken]);
  expect(said, `console while opening ${url}`).toStrictEqual([]);
  return { page, said };
}

test('a fresh page, a saved record, a share link and the embed mode hydrate with no console message', async ({ env }) => {
  const context = await env.context();
  try {
    const fresh = await load(context, env.url);
    await answer(fresh.page, 'Which services', 'Microsoft Intune');
    await expect(fresh.page.locator('section.guidance .totals')).toContainText('waiting', { useInnerText: true });
    await goToStep(fresh.page, 'Summary and sharing');
    const link = await fresh.page.getByLabel('Share link', { exact: true }).inputValue();
    expect(await fresh.page.evaluate((key) => localStorage.getItem(key) !== null, KEY), 'progress saved').toBeTruthy();

    const saved = await load(context, env.url);
    await expect(saved.page.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    await expect(saved.page.locator('dl.answers'), 'the saved answers restored').toHaveText(/Microsoft Intune/, { useInnerText: true });
    const embedded = await load(context, `${env.url}?embed=1`);
    await expect(embedded.page.locator('.masthead'), 'no masthead in embed mode').toHaveCount(0);
    const shared = await load(await env.context(), link);
    await expect(shared.page.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    for (const { said } of [fresh, saved, embedded, shared]) expect(said).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('nodes an extension adds at the top and the end of the body and around the root do not stop hydration', async ({ env }) => {
  const context = await env.context();
  try {
    await context.addInitScript(extensionNodes);
    const { page, said } = await load(context, env.url);
    for (const id of ['ext-top', 'ext-before', 'ext-after', 'ext-end']) {
      await expect(page.locator(`#${id}`), `#${id} is still there`).toHaveCount(1);
    }
    await expect(page.locator('.boot-error'), 'no "could not start"').toHaveCount(0);
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect(page.locator('.step-count')).toContainText('Step 1 of 4', { useInnerText: true });
    await expect(page.locator('section.guidance .totals')).toContainText('waiting', { useInnerText: true });
    await goToStep(page, 'Microsoft Intune');
    expect(said, 'nothing said on the console').toStrictEqual([]);
  } finally {
    await context.close();
  }
});
