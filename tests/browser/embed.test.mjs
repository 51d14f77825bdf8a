// Embed mode in a partner portal of another origin: the app under its strict CSP in a cross-site
// iframe, third-party storage blocked, the postMessage protocol both ways, and no other requests.
//
// The portal page is examples/portal.html, the page docs/embedding.md gives partners (with portal.js,
// portal.css and the embed module, embed.js), served as it is from http://localhost:<port> under
// the static server's strict CSP; the app is served from http://127.0.0.1:<port> (another site)
// with frame-ancestors allowing the portal. The portal speaks protocol version 2 through embed.js.
// A third origin (http://127.0.0.1:<portal port>) serves other.html, which a test frames beside
// the wizard. The tests watch the portal's messages from outside (an init script in the top
// frame), so the example page needs no test hooks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { site, waitText, until } from './helpers.mjs';
import { portalSetup, watch, addFrame } from './portal-server.mjs';

let env; // the app, with frame-ancestors naming the portal
let portalOrigin; let thirdOrigin; let appOrigin;

let sites;
before(async () => {
  sites = await portalSetup();
  ({ env, portalOrigin, thirdOrigin, appOrigin } = sites);
});
after(async () => { await sites?.close(); });

/** Opens the portal page; returns { context, page, frame (a FrameLocator), wizard (the Frame), errors, requests }. */
async function openPortal({ width = 420, other = false, appUrl = env.url } = {}) {
  const context = await env.context({ viewport: { width: 1000, height: 800 } });
  // Every message that reaches the portal's own window, with where it came from.
  await context.addInitScript(() => {
    if (window !== window.top) return;
    window.__received = [];
    window.addEventListener('message', (e) => window.__received.push({ origin: e.origin, data: e.data }));
  });
  const page = await context.newPage();
  const { errors, requests } = watch(page);
  await page.goto(`${portalOrigin}/portal.html?wizard=${encodeURIComponent(appUrl)}`);
  await page.evaluate((w) => { document.getElementById('ems-scope').style.width = `${w}px`; }, width);
  if (other) await addFrame(page, 'other', 'Another site', `${thirdOrigin}/other.html`);
  const frame = page.frameLocator('#ems-scope');
  await frame.locator('html.ready').waitFor();
  if (other) await until(() => page.frames().some((f) => f.url().startsWith(thirdOrigin)), 'the third-origin frame');
  const wizard = page.frames().find((f) => f.url().startsWith(appOrigin));
  return { context, page, frame, wizard, errors, requests };
}

/** The messages the portal received so far. */
function received(page) {
  return page.evaluate(() => window.__received);
}

async function waitMessage(page, predicate, what) {
  return until(async () => (await received(page)).find(predicate), what);
}

/** Starts recording, inside the wizard's frame, which origins' messages have been delivered. */
async function watchDeliveries(wizard) {
  await wizard.evaluate(() => {
    window.__delivered = [];
    window.addEventListener('message', (e) => window.__delivered.push({ origin: e.origin, type: e.data && e.data.type }));
  });
}

test('the wizard renders in a cross-site iframe under its CSP, with no console error and only its own requests', async () => {
  const { context, page, frame, wizard, errors, requests } = await openPortal();
  try {
    assert.equal(await frame.locator('#step-heading').innerText(), 'Services and tenant');
    assert.equal(await frame.locator('fieldset.question legend').first().innerText(), 'Which services do you want to onboard?');
    // Embed mode: no masthead, a link to the full page instead.
    assert.equal(await frame.locator('header.masthead').count(), 0);
    const full = frame.getByRole('link', { name: 'Open the full page' });
    assert.ok((await full.getAttribute('href')).startsWith(`${env.url}#s1.`));
    assert.equal(await full.getAttribute('target'), '_blank');
    // Chromium blocks third-party storage here: the wizard runs from memory, and says the portal
    // keeps the progress (the portal's embed module restores it).
    assert.equal(await wizard.evaluate(() => { try { return !window.localStorage; } catch { return true; } }), true, 'storage blocked');
    await waitText(frame.locator('.embed-bar'), 'Your progress is kept by this portal.');
    await frame.locator('#question-services').getByLabel('Microsoft Intune').check();
    await waitText(frame.locator('.step-count'), 'Step 1 of 4');
    await frame.getByRole('button', { name: 'Next', exact: true }).click();
    await waitText(frame.locator('#step-heading'), 'Accounts and sign-in');
    await frame.locator('#question-directory').getByLabel('One on-premises Active Directory forest').check();
    await waitText(frame.locator('section.guidance'), 'Installing a directory synchronization server');
    assert.deepEqual(errors, [], 'no console errors (CSP violations would show here)');
    const foreign = requests.filter((u) => !u.startsWith('data:') && ![appOrigin, portalOrigin].includes(new URL(u).origin));
    assert.deepEqual(foreign, [], 'no request outside the app and the portal');
    assert.ok(requests.some((u) => u.startsWith(`${appOrigin}/ems-scope-wizard_bg.wasm`)));
  } finally {
    await context.close();
  }
});

test('a portal the CSP does not name cannot frame the wizard (the check above would see it)', async () => {
  const strict = await site(); // frame-ancestors 'self' only
  try {
    const context = await env.context();
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${portalOrigin}/portal.html?wizard=${encodeURIComponent(strict.url)}`);
    await until(() => errors.some((e) => /frame-ancestors/.test(e)), 'a frame-ancestors violation in the console');
    assert.equal(await page.frameLocator('#ems-scope').locator('#step-heading').count(), 0);
    await context.close();
  } finally {
    await strict.close();
  }
});

test('messages reach the host: ready, step, scope counts and height', async () => {
  const { context, page, frame } = await openPortal();
  try {
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:ready', 'ready');
    const all = await received(page);
    assert.ok(all.every((m) => m.origin === appOrigin), 'every message comes from the app');
    const ready = all.find((m) => m.data.type === 'ems-scope:ready');
    // The version the portal asked for (embed.js asks for 2; version 1 is tested in embed-progress.test.mjs).
    assert.equal(ready.data.version, 2);
    const step = await waitMessage(page, (m) => m.data?.type === 'ems-scope:step', 'step');
    assert.deepEqual({ ...step.data }, { type: 'ems-scope:step', version: 2, step: 'services', index: 1, count: 3 });
    const scope = await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope', 'scope');
    assert.deepEqual(scope.data.counts, { in_scope: 18, out_of_scope: 0, not_supported: 0, waiting: 69, done: 0 });
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:height', 'height');

    // Counts follow the answers and the ticks.
    await frame.locator('#question-services').getByLabel('Microsoft Intune').check();
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope' && m.data.counts.in_scope === 21, 'counts after an answer');
    await frame.locator('section.guidance').getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope' && m.data.counts.done === 1, 'counts after a tick');
    await waitText(page.locator('#log'), 'in scope: 21, done: 1');

    // Height: after a step change the host hears the new content height.
    const heights = async () => (await received(page)).filter((m) => m.data?.type === 'ems-scope:height').map((m) => m.data.height);
    const contentHeight = () => frame.locator('.page').evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom + window.scrollY));
    const before = await heights();
    await frame.getByRole('button', { name: 'Next', exact: true }).click();
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:step' && m.data.step === 'environment', 'step message');
    assert.deepEqual((await received(page)).filter((m) => m.data?.type === 'ems-scope:step').at(-1).data,
      { type: 'ems-scope:step', version: 2, step: 'environment', index: 2, count: 4 });
    const content = await contentHeight();
    let after = before;
    try {
      await until(async () => { after = await heights(); return after.length > before.length; }, 'a height message after the step change', 3000);
    } catch { /* reported below */ }
    assert.ok(after.length > before.length,
      `a height message should follow the step change; heights posted so far: ${JSON.stringify(after)}, content height now ${content}px, iframe height ${await page.locator('#ems-scope').evaluate((f) => f.style.height)}`);
    assert.ok(Math.abs(after.at(-1) - content) <= 40, `last height ${after.at(-1)} should match the content height ${content}`);
  } finally {
    await context.close();
  }
});

test('a prefill message from the host fills the answers; one from a third origin is ignored', async () => {
  const { context, page, frame, wizard, errors } = await openPortal({ other: true });
  try {
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:ready', 'ready');
    await watchDeliveries(wizard);
    const other = page.frames().find((f) => f.url().startsWith(`${thirdOrigin}/other.html`));
    assert.ok(other, 'the third-origin frame is there');
    await other.evaluate(() => window.parent.frames[0].postMessage({ type: 'ems-scope:prefill', answers: 'services=azure_rms' }, '*'));
    await until(() => wizard.evaluate((o) => window.__delivered.some((d) => d.origin === o), thirdOrigin), 'the third-origin message delivered');
    assert.ok(!(await frame.locator('#question-services').getByLabel('Azure Rights Management').isChecked()), 'third-origin prefill ignored');
    assert.equal((await received(page)).filter((m) => m.data?.type === 'ems-scope:prefill-result').length, 0);

    // The host's own prefill.
    await page.evaluate(() => window.prefill('services=intune'));
    const result = await waitMessage(page, (m) => m.data?.type === 'ems-scope:prefill-result', 'prefill result');
    assert.equal(result.data.ok, true);
    // The prefilled wizard opens at the first step with a question left: here the first one.
    await waitText(frame.locator('#step-heading'), 'Services and tenant');
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope' && m.data.counts.in_scope === 21, 'counts after prefill');
    await frame.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Services and tenant' }).click();
    assert.ok(await frame.locator('#question-services').getByLabel('Microsoft Intune').isChecked());
    assert.ok(!(await frame.locator('#question-services').getByLabel('Azure Rights Management').isChecked()));

    // A bad prefill gets an error result; a second prefill over answers asks first.
    await page.evaluate(() => window.prefill('colour=blue'));
    const bad = await waitMessage(page, (m) => m.data?.type === 'ems-scope:prefill-result' && m.data.ok === false, 'error result');
    assert.match(bad.data.error, /colour/);
    await page.evaluate(() => window.prefill('services=aad_premium'));
    await waitText(frame.getByRole('alertdialog'), 'Open the scope from this portal?');
    assert.ok(await frame.locator('#question-services').getByLabel('Microsoft Intune').isChecked());
    await frame.getByRole('button', { name: 'Replace with the portal' }).click();
    await until(() => frame.locator('#question-services').getByLabel('Azure Active Directory Premium').isChecked().catch(() => false)
      .then(async (x) => x || (await frame.locator('dl.answers').innerText().catch(() => '')).includes('Azure Active Directory Premium')), 'the portal prefill applied');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the host hears of an export only when it worked: a download yes, a refused copy no', async () => {
  const { context, page, frame, wizard } = await openPortal({ width: 900 });
  try {
    await frame.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing' }).click();
    await waitText(frame.locator('#step-heading'), 'Summary and sharing');
    await refuseCopies(wizard);
    await frame.getByRole('button', { name: 'Copy share link' }).click();
    await waitText(frame.locator('#share-heading ~ .action-error[role=alert]'), 'Copying was refused');
    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download Markdown' }).click()]);
    assert.match(download.suggestedFilename(), /\.md$/);
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:export', 'the export message');
    const exports = (await received(page)).filter((m) => m.data?.type === 'ems-scope:export').map((m) => m.data.format);
    assert.deepEqual(exports, ['markdown'], 'only the download that worked');
    assert.ok(wizard, 'the wizard frame');
  } finally {
    await context.close();
  }
});

/** Makes the browser refuse every copy in `wizard` (a Frame), as it does without permission. */
function refuseCopies(wizard) {
  return wizard.evaluate(() => Object.defineProperty(navigator.clipboard, 'writeText', {
    value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
  }));
}

test('copy works in the portal\'s frame: embed.js allows clipboard-write, and the share link is on the clipboard', async () => {
  const { context, page, frame } = await openPortal({ width: 900 });
  try {
    assert.equal(await page.locator('#ems-scope').getAttribute('allow'), 'clipboard-write');
    for (const origin of [appOrigin, portalOrigin]) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await frame.locator('#question-services').getByLabel('Microsoft Intune').check();
    await frame.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing' }).click();
    const link = await frame.locator('#share-url').inputValue();
    await frame.getByRole('button', { name: 'Copy share link' }).click();
    await waitText(frame.locator('#share-heading ~ .status'), 'Share link copied.');
    assert.equal(await frame.locator('#share-heading ~ .action-error').count(), 0, 'no error beside it');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await frame.getByRole('button', { name: 'Copy Markdown' }).click();
    await waitText(frame.locator('#export-heading ~ .status'), 'Markdown copied.');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^# EMS onboarding scope, /);
  } finally {
    await context.close();
  }
});

test('a refused copy is an error alert in the error style, never in the success line', async () => {
  const { context, frame, wizard } = await openPortal({ width: 900 });
  try {
    await frame.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing' }).click();
    await waitText(frame.locator('#step-heading'), 'Summary and sharing');
    await refuseCopies(wizard);
    const colour = (locator) => locator.evaluate((el) => getComputedStyle(el).color);
    for (const [button, heading] of [['Copy share link', '#share-heading'], ['Copy Markdown', '#export-heading']]) {
      await frame.getByRole('button', { name: button }).click();
      const alert = frame.locator(`${heading} ~ [role=alert]`);
      await waitText(alert, 'Copying was refused by the browser');
      assert.ok(await alert.evaluate((el) => el.classList.contains('action-error')), `${button}: the error style`);
      const status = frame.locator(`${heading} ~ .status`);
      assert.equal(await status.innerText(), '', `${button}: nothing in the success line`);
      assert.notEqual(await colour(alert), await colour(status), `${button}: not the success colour`);
      assert.equal(await colour(alert), await colour(frame.locator('#import-heading ~ .error-text')), `${button}: the error colour`);
    }
  } finally {
    await context.close();
  }
});

test('the hand-written iframe in docs/embedding.md allows clipboard-write too', () => {
  const doc = fs.readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8');
  const byHand = doc.slice(doc.indexOf('## The iframe by hand'));
  const iframe = byHand.slice(byHand.indexOf('<iframe'), byHand.indexOf('</iframe>'));
  assert.match(iframe, /\sallow="clipboard-write"/);
});

test('"Open the full page" from the frame opens the full page on the step the customer was on', async () => {
  const { context, frame } = await openPortal({ width: 900 });
  try {
    await frame.locator('#question-services').getByLabel('Microsoft Intune').check();
    await frame.getByRole('button', { name: 'Next', exact: true }).click();
    await waitText(frame.locator('#step-heading'), 'Accounts and sign-in');
    await frame.locator('#question-directory').getByLabel('One on-premises Active Directory forest').check();
    const [full] = await Promise.all([context.waitForEvent('page'), frame.getByRole('link', { name: 'Open the full page' }).click()]);
    await full.waitForSelector('html.ready');
    assert.equal(new URL(full.url()).origin, appOrigin);
    await waitText(full.locator('#step-heading'), 'Accounts and sign-in');
    assert.ok(await full.locator('#question-directory').getByLabel('One on-premises Active Directory forest').isChecked());
    assert.equal(await full.getByRole('alertdialog').count(), 0);
    // The share link on the summary carries no step, as before.
    await full.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing' }).click();
    assert.match(await full.locator('#share-url').inputValue(), /#s1\.[A-Za-z0-9_-]+$/);
  } finally {
    await context.close();
  }
});
