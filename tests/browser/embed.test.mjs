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
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import { site, ready as appReady, item } from './helpers.mjs';
import { watch, addFrame } from './portal-server.mjs';

// This worker's portal and app (fixtures.mjs), for the helpers below as for the tests.
let env; // the app, with frame-ancestors naming the portal
let portalOrigin; let thirdOrigin; let appOrigin;
test.beforeAll(({ portal }) => {
  ({ env, portalOrigin, thirdOrigin, appOrigin } = portal);
});

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
  await appReady(frame);
  if (other) await expect.poll(() => page.frames().some((f) => f.url().startsWith(thirdOrigin)), { message: 'the third-origin frame' }).toBe(true);
  const wizard = page.frames().find((f) => f.url().startsWith(appOrigin));
  return { context, page, frame, wizard, errors, requests };
}

/** The messages the portal received so far. */
function received(page) {
  return page.evaluate(() => window.__received);
}

/** Waits until the portal has received a message `predicate` accepts; returns the first one. */
async function waitMessage(page, predicate, what) {
  await expect.poll(async () => (await received(page)).some(predicate), { message: what }).toBe(true);
  return (await received(page)).find(predicate);
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
    await expect(frame.locator('#step-heading')).toHaveText('Services and tenant', { useInnerText: true });
    await expect(frame.locator('fieldset.question legend').first()).toHaveText('Which services do you want to onboard?', { useInnerText: true });
    // Embed mode: no masthead, a link to the full page instead.
    await expect(frame.locator('header.masthead')).toHaveCount(0);
    const full = frame.getByRole('link', { name: 'Open the full page' });
    expect((await full.getAttribute('href')).startsWith(`${env.url}#s1.`)).toBeTruthy();
    await expect(full).toHaveAttribute('target', '_blank');
    // Chromium blocks third-party storage here: the wizard runs from memory, and says the portal
    // keeps the progress (the portal's embed module restores it).
    expect(await wizard.evaluate(() => { try { return !window.localStorage; } catch { return true; } }), 'storage blocked').toBe(true);
    await expect(frame.locator('.embed-bar')).toContainText('Your progress is kept by this portal.', { useInnerText: true });
    await frame.locator('#question-services').getByLabel('Microsoft Intune').check();
    await expect(frame.locator('.step-count')).toContainText('Step 1 of 4', { useInnerText: true });
    await frame.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(frame.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    await frame.locator('#question-directory').getByLabel('One on-premises Active Directory forest').check();
    await expect(item(frame, 'Installing a directory synchronization server')).toBeVisible();
    expect(errors, 'no console errors (CSP violations would show here)').toStrictEqual([]);
    const foreign = requests.filter((u) => !u.startsWith('data:') && ![appOrigin, portalOrigin].includes(new URL(u).origin));
    expect(foreign, 'no request outside the app and the portal').toStrictEqual([]);
    expect(requests.some((u) => u.startsWith(`${appOrigin}/ems-scope-wizard_bg.wasm`))).toBeTruthy();
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
    await expect.poll(() => errors.some((e) => /frame-ancestors/.test(e)), { message: 'a frame-ancestors violation in the console' }).toBeTruthy();
    await expect(page.frameLocator('#ems-scope').locator('#step-heading')).toHaveCount(0);
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
    expect(all.every((m) => m.origin === appOrigin), 'every message comes from the app').toBeTruthy();
    const ready = all.find((m) => m.data.type === 'ems-scope:ready');
    // The version the portal asked for (embed.js asks for 2; version 1 is tested in embed-progress.test.mjs).
    expect(ready.data.version).toBe(2);
    const step = await waitMessage(page, (m) => m.data?.type === 'ems-scope:step', 'step');
    expect({ ...step.data }).toStrictEqual({ type: 'ems-scope:step', version: 2, step: 'services', index: 1, count: 3 });
    const scope = await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope', 'scope');
    expect(scope.data.counts).toStrictEqual({ in_scope: 18, out_of_scope: 0, not_supported: 0, waiting: 69, done: 0 });
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:height', 'height');

    // Counts follow the answers and the ticks.
    await frame.locator('#question-services').getByLabel('Microsoft Intune').check();
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope' && m.data.counts.in_scope === 21, 'counts after an answer');
    await frame.locator('section.guidance').getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope' && m.data.counts.done === 1, 'counts after a tick');
    await expect(page.locator('#log')).toContainText('in scope: 21, done: 1', { useInnerText: true });

    // Height: after a step change the host hears the new content height.
    const heights = async () => (await received(page)).filter((m) => m.data?.type === 'ems-scope:height').map((m) => m.data.height);
    const contentHeight = () => frame.locator('.page').evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom + window.scrollY));
    const before = await heights();
    await frame.getByRole('button', { name: 'Next', exact: true }).click();
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:step' && m.data.step === 'environment', 'step message');
    expect((await received(page)).filter((m) => m.data?.type === 'ems-scope:step').at(-1).data).toStrictEqual({ type: 'ems-scope:step', version: 2, step: 'environment', index: 2, count: 4 });
    const content = await contentHeight();
    let after = before;
    try {
      await expect.poll(async () => { after = await heights(); return after.length > before.length; }, { message: 'a height message after the step change', timeout: 3000 }).toBeTruthy();
    } catch { /* reported below */ }
    expect(after.length > before.length, `a height message should follow the step change; heights posted so far: ${JSON.stringify(after)}, content height now ${content}px, iframe height ${await page.locator('#ems-scope').evaluate((f) => f.style.height)}`).toBeTruthy();
    expect(Math.abs(after.at(-1) - content) <= 40, `last height ${after.at(-1)} should match the content height ${content}`).toBeTruthy();
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
    expect(other, 'the third-origin frame is there').toBeTruthy();
    await other.evaluate(() => window.parent.frames[0].postMessage({ type: 'ems-scope:prefill', answers: 'services=azure_rms' }, '*'));
    await expect.poll(() => wizard.evaluate((o) => window.__delivered.some((d) => d.origin === o), thirdOrigin), { message: 'the third-origin message delivered' }).toBeTruthy();
    await expect(frame.locator('#question-services').getByLabel('Azure Rights Management'), 'third-origin prefill ignored').not.toBeChecked();
    expect((await received(page)).filter((m) => m.data?.type === 'ems-scope:prefill-result').length).toBe(0);

    // The host's own prefill.
    await page.evaluate(() => window.prefill('services=intune'));
    const result = await waitMessage(page, (m) => m.data?.type === 'ems-scope:prefill-result', 'prefill result');
    expect(result.data.ok).toBe(true);
    // The prefilled wizard opens at the first step with a question left: here the first one.
    await expect(frame.locator('#step-heading')).toContainText('Services and tenant', { useInnerText: true });
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope' && m.data.counts.in_scope === 21, 'counts after prefill');
    await frame.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Services and tenant' }).click();
    await expect(frame.locator('#question-services').getByLabel('Microsoft Intune')).toBeChecked();
    await expect(frame.locator('#question-services').getByLabel('Azure Rights Management')).not.toBeChecked();

    // A bad prefill gets an error result; a second prefill over answers asks first.
    await page.evaluate(() => window.prefill('colour=blue'));
    const bad = await waitMessage(page, (m) => m.data?.type === 'ems-scope:prefill-result' && m.data.ok === false, 'error result');
    expect(bad.data.error).toMatch(/colour/);
    await page.evaluate(() => window.prefill('services=aad_premium'));
    await expect(frame.getByRole('alertdialog')).toContainText('Open the scope from this portal?', { useInnerText: true });
    await expect(frame.locator('#question-services').getByLabel('Microsoft Intune')).toBeChecked();
    await frame.getByRole('button', { name: 'Replace with the portal' }).click();
    await expect.poll(() => frame.locator('#question-services').getByLabel('Azure Active Directory Premium').isChecked().catch(() => false)
      .then(async (x) => x || (await frame.locator('dl.answers').innerText().catch(() => '')).includes('Azure Active Directory Premium')), { message: 'the portal prefill applied' }).toBeTruthy();
    expect(errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('the host hears of an export only when it worked: a download yes, a refused copy no', async () => {
  const { context, page, frame, wizard } = await openPortal({ width: 900 });
  try {
    await frame.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing' }).click();
    await expect(frame.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    await refuseCopies(wizard);
    await frame.getByRole('button', { name: 'Copy share link' }).click();
    await expect(frame.locator('#share-heading ~ .action-error[role=alert]')).toContainText('Copying was refused', { useInnerText: true });
    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:export', 'the export message');
    const exports = (await received(page)).filter((m) => m.data?.type === 'ems-scope:export').map((m) => m.data.format);
    expect(exports, 'only the download that worked').toStrictEqual(['markdown']);
    expect(wizard, 'the wizard frame').toBeTruthy();
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
    await expect(page.locator('#ems-scope')).toHaveAttribute('allow', 'clipboard-write');
    for (const origin of [appOrigin, portalOrigin]) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await frame.locator('#question-services').getByLabel('Microsoft Intune').check();
    await frame.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing' }).click();
    const link = await frame.locator('#share-url').inputValue();
    await frame.getByRole('button', { name: 'Copy share link' }).click();
    await expect(frame.locator('#share-heading ~ .status')).toContainText('Share link copied.', { useInnerText: true });
    await expect(frame.locator('#share-heading ~ .action-error'), 'no error beside it').toHaveCount(0);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await frame.getByRole('button', { name: 'Copy Markdown' }).click();
    await expect(frame.locator('#export-heading ~ .status')).toContainText('Markdown copied.', { useInnerText: true });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^# EMS onboarding scope, /);
  } finally {
    await context.close();
  }
});

test('a refused copy is an error alert in the error style, never in the success line', async () => {
  const { context, frame, wizard } = await openPortal({ width: 900 });
  try {
    await frame.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing' }).click();
    await expect(frame.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    await refuseCopies(wizard);
    const colour = (locator) => locator.evaluate((el) => getComputedStyle(el).color);
    for (const [button, heading] of [['Copy share link', '#share-heading'], ['Copy Markdown', '#export-heading']]) {
      await frame.getByRole('button', { name: button }).click();
      const alert = frame.locator(`${heading} ~ [role=alert]`);
      await expect(alert).toContainText('Copying was refused by the browser', { useInnerText: true });
      expect(await alert.evaluate((el) => el.classList.contains('action-error')), `${button}: the error style`).toBeTruthy();
      const status = frame.locator(`${heading} ~ .status`);
      await expect(status, `${button}: nothing in the success line`).toHaveText('', { useInnerText: true });
      expect(await colour(alert), `${button}: not the success colour`).not.toBe(await colour(status));
      expect(await colour(alert), `${button}: the error colour`).toBe(await colour(frame.locator('#import-heading ~ .error-text')));
    }
  } finally {
    await context.close();
  }
});

test('the hand-written iframe in docs/embedding.md allows clipboard-write too', () => {
  const doc = fs.readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8');
  const byHand = doc.slice(doc.indexOf('## The iframe by hand'));
  const iframe = byHand.slice(byHand.indexOf('<iframe'), byHand.indexOf('</iframe>'));
  expect(iframe).toMatch(/\sallow="clipboard-write"/);
});

test('"Open the full page" from the frame opens the full page on the step the customer was on', async () => {
  const { context, frame } = await openPortal({ width: 900 });
  try {
    await frame.locator('#question-services').getByLabel('Microsoft Intune').check();
    await frame.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(frame.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    await frame.locator('#question-directory').getByLabel('One on-premises Active Directory forest').check();
    const [full] = await Promise.all([context.waitForEvent('page'), frame.getByRole('link', { name: 'Open the full page' }).click()]);
    await appReady(full);
    expect(new URL(full.url()).origin).toBe(appOrigin);
    await expect(full.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    await expect(full.locator('#question-directory').getByLabel('One on-premises Active Directory forest')).toBeChecked();
    await expect(full.getByRole('alertdialog')).toHaveCount(0);
    // The share link on the summary carries no step, as before.
    await full.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing' }).click();
    await expect(full.locator('#share-url')).toHaveValue(/#s1\.[A-Za-z0-9_-]+$/);
  } finally {
    await context.close();
  }
});
