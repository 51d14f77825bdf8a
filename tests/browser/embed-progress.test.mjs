// Protocol version 2 and the embed module: a partner portal keeps its customers' progress.
//
// The portal is examples/portal.html with portal.js and embed.js (portal-server.mjs), on
// http://localhost:<port> under the static server's strict CSP; the wizard is on
// http://127.0.0.1:<port>, another site, where Chromium blocks its storage (the default for a
// cross-site iframe here). The portal keeps each customer's progress in its own localStorage.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer, nextStep, site, holdApp, chosenIds, DIST, KEY as WIZARD_KEY, ready as appReady } from './helpers.mjs';
import { portalServer, PORTAL_CSP, watch, addFrame } from './portal-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const KEY = (customer) => `contoso-portal/ems-scope/${customer}`;
// A share link from docs/formats.md (Intune, new tenant, one forest, …), and the same one damaged.
const LINK = 's1.DAYAAQACAAIAAAABAAAAAAAAAAMAAAAEAAABAAAAAAAAAAEAEHX4';
const DAMAGED = 's1.DAYAAQACAAIAAAABAAAAAAAAAAMAAAAEAAABAAAAAAAAAAEAEHX5';

// This worker's portal and app (fixtures.mjs), for the helpers below as for the tests.
let env; let portalOrigin; let thirdOrigin; let appOrigin;
test.beforeAll(({ portal }) => {
  ({ env, portalOrigin, thirdOrigin, appOrigin } = portal);
});

/** A browser context that records, in every frame, the messages received and any CSP violation. */
async function newContext(options = {}) {
  const context = await env.context({ viewport: { width: 1000, height: 900 }, ...options });
  await context.addInitScript(() => {
    window.__received = [];
    window.__violations = [];
    window.addEventListener('message', (e) => window.__received.push({ origin: e.origin, data: e.data }));
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    // Every write to the portal's own storage, to see what the embed module keeps and when.
    if (window === window.top) {
      window.__writes = [];
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        window.__writes.push([key, value]);
        return setItem.call(this, key, value);
      };
    }
  });
  return context;
}

/** Opens the portal for `customer`; returns { page, wizard (the Frame), errors, requests }. */
async function openPortal(context, { customer = 'alice', other = false } = {}) {
  const page = await context.newPage();
  const { errors, requests } = watch(page);
  await page.goto(`${portalOrigin}/portal.html?customer=${customer}&wizard=${encodeURIComponent(env.url)}`);
  if (other) {
    await addFrame(page, 'other', 'Another site', `${thirdOrigin}/other.html`);
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(thirdOrigin)), { message: 'the third-origin frame' }).toBeTruthy();
  }
  const wizard = await ready(page);
  return { page, wizard, errors, requests };
}

/** Waits for the wizard's frame and the answer to the portal's restore; returns the Frame. */
async function ready(page) {
  await appReady(page.frameLocator('#ems-scope'));
  await waitMessage(page, (m) => m.data?.type === 'ems-scope:restore-result', 'the restore result');
  return page.frames().find((f) => f.url().startsWith(appOrigin));
}

function received(page) {
  return page.evaluate(() => window.__received);
}

/** Waits until the portal has received a message `predicate` accepts; returns the first one. */
async function waitMessage(page, predicate, what) {
  await expect.poll(async () => (await received(page)).some(predicate), { message: what }).toBe(true);
  return (await received(page)).find(predicate);
}

/** The last progress message the portal received. */
async function lastProgress(page) {
  return (await received(page)).filter((m) => m.data?.type === 'ems-scope:progress').at(-1)?.data;
}

/** What the wizard shows: step heading, checked inputs (answers and ticks), totals. */
async function onScreen(wizard) {
  return {
    heading: await wizard.locator('#step-heading').innerText(),
    checked: await wizard.locator('input:checked').evaluateAll((inputs) => inputs.map((i) => i.id).sort()),
    totals: await wizard.locator('section.guidance .totals').innerText(),
  };
}

test('answers on two steps and two ticks come back at the same step after the portal page reloads, with no question', async () => {
  const context = await newContext();
  try {
    const { page, wizard, errors } = await openPortal(context);
    // The wizard's own storage is blocked: it runs from memory, and the portal keeps the progress.
    expect(await wizard.evaluate(() => { try { return !window.localStorage; } catch { return true; } })).toBe(true);
    await expect(wizard.locator('.embed-bar')).toContainText('Your progress is kept by this portal.', { useInnerText: true });
    await expect(wizard.locator('.notices'), 'no storage notice beside it').toHaveText('', { useInnerText: true });

    await answer(wizard, 'Which services', 'Microsoft Intune');
    await answer(wizard, 'new tenant or an existing', 'An existing tenant');
    await nextStep(wizard);
    await answer(wizard, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await answer(wizard, 'How will users sign in', 'Synchronized identities (password hash sync)');
    await nextStep(wizard);
    await expect(wizard.locator('#step-heading')).toContainText('Microsoft Intune', { useInnerText: true });
    await expect(wizard.locator('section.guidance li.item').first()).toBeVisible();
    const ticks = wizard.locator('section.guidance li.item.in-scope:visible input[type=checkbox]');
    await ticks.nth(0).check();
    await ticks.nth(3).check();
    await expect(wizard.locator('section.guidance .totals')).toContainText('2 done', { useInnerText: true });
    const before = await onScreen(wizard);

    // The portal heard the whole progress, and kept the last one in its own storage.
    let last;
    await expect.poll(async () => {
      const p = await lastProgress(page);
      last = p && p.step === 'intune' && p.counts.done === 2 && p;
      return Boolean(last);
    }, { message: 'a progress message at the Intune step with two ticks' }).toBe(true);
    expect(last.version).toBe(2);
    expect(last.progress).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    let kept;
    await expect.poll(async () => {
      const text = await page.evaluate((k) => localStorage.getItem(k), KEY('alice'));
      kept = text && JSON.parse(text).progress === last.progress && JSON.parse(text);
      return Boolean(kept);
    }, { message: 'the progress in the portal\'s storage' }).toBe(true);
    expect(kept).toStrictEqual({ progress: last.progress, step: 'intune' });
    // Once per change: no two progress messages in a row say the same.
    const all = (await received(page)).filter((m) => m.data?.type === 'ems-scope:progress').map((m) => JSON.stringify(m.data));
    expect(all.every((m, i) => i === 0 || m !== all[i - 1]), 'no repeated progress message').toBeTruthy();
    // Only to the portal's origin: the wizard names it in postMessage (the messages all arrive from the app).
    expect((await received(page)).every((m) => m.origin === appOrigin)).toBeTruthy();

    await page.reload();
    const again = await ready(page);
    await expect(again.locator('#step-heading')).toContainText('Microsoft Intune', { useInnerText: true });
    await expect(again.locator('section.guidance .totals')).toContainText('2 done', { useInnerText: true });
    expect(await onScreen(again)).toStrictEqual(before);
    await expect(again.getByRole('alertdialog'), 'no question asked').toHaveCount(0);
    const result = (await received(page)).find((m) => m.data?.type === 'ems-scope:restore-result');
    expect({ ...result.data }).toStrictEqual({ type: 'ems-scope:restore-result', version: 2, ok: true });
    await expect(again.locator('.embed-bar')).toContainText('Your progress is kept by this portal.', { useInnerText: true });
    // The wizard's progress from before the restore (empty) never overwrote what the portal kept.
    const writes = await page.evaluate((k) => window.__writes.filter(([key]) => key === k).map(([, v]) => JSON.parse(v)), KEY('alice'));
    expect(writes.every((w) => w.progress === last.progress), `only the restored progress written after the reload: ${JSON.stringify(writes)}`).toBeTruthy();
    expect(errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('choices made in the frame before the wizard is up give way to what the portal kept, with no question; with nothing kept they stay', async () => {
  const context = await newContext();
  try {
    // Carol has progress kept by the portal (at the summary); Dave has none.
    const first = await openPortal(context, { customer: 'carol' });
    await first.page.evaluate(([key, link]) => localStorage.setItem(key, JSON.stringify({ progress: link, step: 'summary' })), [KEY('carol'), LINK]);
    await first.page.close();
    const release = await holdApp(context);
    const pages = {};
    for (const customer of ['carol', 'dave']) {
      const page = await context.newPage();
      await page.goto(`${portalOrigin}/portal.html?customer=${customer}&wizard=${encodeURIComponent(env.url)}`);
      // The prerendered question, in the frame, before the wizard's code has arrived.
      await page.frameLocator('#ems-scope').getByLabel('Azure Active Directory Premium', { exact: true }).check();
      pages[customer] = page;
    }
    release();
    const carol = await ready(pages.carol);
    await expect(carol.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    await expect(carol.getByRole('alertdialog'), 'no replace-or-keep question').toHaveCount(0);
    // The kept services exactly (Intune and Rights Management), not the early choice.
    await expect(carol.locator('dl.answers dd').first()).toHaveText(/^Microsoft Intune, Azure Rights Management Change/, { useInnerText: true });

    const dave = await ready(pages.dave);
    const chosen = await chosenIds(dave);
    expect(chosen, 'the early choice stays').toStrictEqual(['q-services-aad_premium']);
    await expect(dave.getByRole('alertdialog')).toHaveCount(0);
    // The portal keeps it (it keeps progress only from the restore's result on), and it comes
    // back when Dave returns.
    await expect.poll(() => pages.dave.evaluate((k) => localStorage.getItem(k) !== null, KEY('dave')), { message: 'the portal keeps it' }).toBeTruthy();
    await pages.dave.reload();
    const back = await ready(pages.dave);
    const again = await chosenIds(back);
    expect(again, 'kept by the portal').toStrictEqual(['q-services-aad_premium']);
  } finally {
    await context.close();
  }
});

test('an early choice with a prefill question waiting: what the portal kept is asked about, not taken over the choice', async () => {
  const context = await newContext();
  try {
    const first = await openPortal(context, { customer: 'erin' });
    await first.page.evaluate(([key, link]) => localStorage.setItem(key, JSON.stringify({ progress: link, step: 'summary' })), [KEY('erin'), LINK]);
    await first.page.close();
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(`${portalOrigin}/portal.html?customer=erin&wizard=${encodeURIComponent(env.url)}`);
    await page.frameLocator('#ems-scope').getByLabel('Azure Active Directory Premium', { exact: true }).check();
    // The portal asks for a prefill before the wizard is up: the embed module sends it at
    // `ready`, before its restore, so it meets Erin's early choice and waits as a question.
    await page.evaluate(() => window.prefill('services=intune&tenant=new'));
    release();
    const wizard = await ready(page);
    await expect(wizard.getByRole('alertdialog')).toBeVisible();
    expect(await chosenIds(wizard), 'the early choice stays until Erin answers').toStrictEqual(['q-services-aad_premium']);
    await expect(wizard.locator('#step-heading'), 'still the first step, not the kept summary').toHaveText('Services and tenant', { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('"Keep my progress" over what the portal offers: the portal then keeps the customer\'s progress', async () => {
  const context = await newContext();
  try {
    const { page, wizard } = await openPortal(context, { customer: 'frank' });
    await answer(wizard, 'Which services', 'Microsoft Intune');
    let mine;
    await expect.poll(async () => {
      const p = await lastProgress(page);
      mine = p?.counts && (await page.evaluate((k) => localStorage.getItem(k), KEY('frank')))?.includes(p.progress) && p.progress;
      return Boolean(mine);
    }, { message: 'Frank\'s progress kept by the portal' }).toBe(true);
    // The portal now holds another scope for Frank (say, from another tab) and offers it.
    await page.evaluate(([key, link]) => localStorage.setItem(key, JSON.stringify({ progress: link, step: 'summary' })), [KEY('frank'), LINK]);
    await page.evaluate(([link, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', version: 2, progress: link, step: 'summary' }, o), [LINK, appOrigin]);
    await expect(wizard.getByRole('alertdialog')).toBeVisible();
    await wizard.getByRole('button', { name: 'Keep my progress' }).click();
    await expect.poll(async () => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY('frank'))).progress, { message: 'the portal keeps Frank\'s progress, not the one it offered' }).toBe(mine);
  } finally {
    await context.close();
  }
});

test('a second customer starts empty, in the same browser and in another browser context', async () => {
  const first = await newContext();
  const second = await newContext();
  try {
    const { wizard } = await openPortal(first, { customer: 'alice' });
    await answer(wizard, 'Which services', 'Microsoft Intune');
    await expect.poll(() => wizard.page().evaluate((k) => localStorage.getItem(k), KEY('alice')), { message: 'alice\'s progress kept' }).not.toBe(null);
    const empty = { heading: 'Services and tenant', checked: ['rev-current'] }; // only the revision shown
    for (const [context, what] of [[first, 'same browser'], [second, 'another context']]) {
      const { wizard: bob, page } = await openPortal(context, { customer: 'bob' });
      await expect(bob.locator('section.guidance .totals')).toBeVisible();
      const { heading, checked } = await onScreen(bob);
      expect({ heading, checked }, what).toStrictEqual(empty);
      await expect(bob.getByRole('alertdialog'), what).toHaveCount(0);
      const result = (await received(page)).find((m) => m.data?.type === 'ems-scope:restore-result');
      expect(result.data.ok, what).toBe(true);
    }
  } finally {
    await first.close();
    await second.close();
  }
});

test('a restore posted from a third origin changes nothing', async () => {
  const context = await newContext();
  try {
    const { page, wizard } = await openPortal(context, { customer: 'carol', other: true });
    await wizard.evaluate(() => {
      window.__delivered = [];
      window.addEventListener('message', (e) => window.__delivered.push(e.origin));
    });
    const before = await onScreen(wizard);
    const other = page.frames().find((f) => f.url().startsWith(thirdOrigin));
    await other.evaluate((link) => window.parent.frames[0].postMessage({ type: 'ems-scope:restore', version: 2, progress: link, step: 'intune' }, '*'), LINK);
    await expect.poll(() => wizard.evaluate((o) => window.__delivered.includes(o), thirdOrigin), { message: 'the third-origin restore delivered' }).toBeTruthy();
    // Give the wizard the time it takes to answer a restore.
    await page.waitForTimeout(300);
    expect(await onScreen(wizard)).toStrictEqual(before);
    expect((await received(page)).filter((m) => m.data?.type === 'ems-scope:restore-result').length, 'only the portal\'s own restore answered').toBe(1);
    // The same message from the portal is taken.
    await page.evaluate(([link, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', version: 2, progress: link, step: 'intune' }, o), [LINK, appOrigin]);
    await expect(wizard.locator('#step-heading')).toContainText('Microsoft Intune', { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('a damaged progress string is refused with the reason, and the progress on screen is kept', async () => {
  const context = await newContext();
  try {
    const { page, wizard, errors } = await openPortal(context, { customer: 'dave' });
    await answer(wizard, 'Which services', 'Azure Rights Management');
    await answer(wizard, 'new tenant or an existing', 'A new tenant');
    const before = await onScreen(wizard);
    await page.evaluate(([damaged, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', version: 2, progress: damaged, step: 'intune' }, o), [DAMAGED, appOrigin]);
    const refused = await waitMessage(page, (m) => m.data?.type === 'ems-scope:restore-result' && m.data.ok === false, 'the refusal');
    expect(refused.data.error).toMatch(/damaged/);
    expect(refused.data.error).toMatch(/checksum/);
    await expect(wizard.locator('.notices')).toContainText('could not be opened', { useInnerText: true });
    expect(await onScreen(wizard)).toStrictEqual(before);
    // An unknown step is refused too.
    await page.evaluate(([link, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', version: 2, progress: link, step: 'nowhere' }, o), [LINK, appOrigin]);
    await expect.poll(async () => (await received(page)).filter((m) => m.data?.type === 'ems-scope:restore-result' && m.data.ok === false).length === 2, { message: 'the second refusal' }).toBeTruthy();
    expect(await onScreen(wizard)).toStrictEqual(before);
    await expect(page.locator('#log')).toContainText('progress refused', { useInnerText: true });
    expect(errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('the embed module under the portal\'s strict CSP: the right frame, no console error or CSP violation on either page, no foreign request', async () => {
  const context = await newContext();
  try {
    const response = [];
    context.on('response', (r) => { if (r.url().includes('/portal.html')) response.push(r.headers()['content-security-policy']); });
    const { page, wizard, errors, requests } = await openPortal(context, { customer: 'erin' });
    expect(response[0]).toBe(PORTAL_CSP);
    expect(PORTAL_CSP).toMatch(/script-src 'self'/);
    expect(PORTAL_CSP).toMatch(/style-src 'self'/);
    const src = new URL(await page.locator('#ems-scope').getAttribute('src'));
    expect(src.origin).toBe(appOrigin);
    expect(Object.fromEntries(src.searchParams)).toStrictEqual({ embed: '1', origin: portalOrigin, protocol: '2', accent: '0b6e4f', font: 'Georgia' });
    await expect(page.locator('#ems-scope')).toHaveAttribute('title', 'EMS onboarding scope wizard');
    // The height follows the content, set through CSSOM.
    await expect.poll(async () => /^\d+px$/.test(await page.locator('#ems-scope').evaluate((f) => f.style.height)), { message: 'the frame height' }).toBeTruthy();
    await answer(wizard, 'Which services', 'Microsoft Intune');
    await page.getByRole('button', { name: /Pre-answer/ }).click();
    await expect(wizard.getByRole('alertdialog')).toBeVisible();
    await wizard.getByRole('button', { name: 'Replace with the portal' }).click();
    await expect(page.locator('#log')).toContainText('progress kept for erin', { useInnerText: true });
    await page.reload();
    const again = await ready(page);
    await expect(again.locator('.embed-bar')).toContainText('kept by this portal', { useInnerText: true });
    expect(errors, 'no console error on either page').toStrictEqual([]);
    for (const frame of page.frames()) expect(await frame.evaluate(() => window.__violations), `no CSP violation in ${frame.url()}`).toStrictEqual([]);
    const foreign = requests.filter((u) => !u.startsWith('data:') && ![appOrigin, portalOrigin].includes(new URL(u).origin));
    expect(foreign, 'no request outside the app and the portal').toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('a version 1 host (no protocol=2) gets exactly version 1: no progress, no restore, the not-kept notice', async () => {
  const context = await newContext();
  try {
    const { page, wizard } = await openV1(context);
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope', 'the counts');
    await answer(wizard, 'Which services', 'Microsoft Intune');
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:scope' && m.data.counts.in_scope === 21, 'counts after an answer');
    await page.evaluate(([link, o]) => document.getElementById('v1').contentWindow.postMessage({ type: 'ems-scope:restore', progress: link }, o), [LINK, appOrigin]);
    const refused = await waitMessage(page, (m) => m.data?.type === 'ems-scope:prefill-result', 'the refusal');
    expect(refused.data.ok).toBe(false);
    expect(refused.data.error).toMatch(/protocol=2/);
    const all = await received(page);
    expect(all.every((m) => m.data.version === 1), 'every message says version 1').toBeTruthy();
    expect(all.filter((m) => /progress|restore/.test(m.data.type)).map((m) => m.data.type)).toStrictEqual([]);
    await expect(wizard.locator('.embed-bar')).toContainText('Your progress is not kept after this page closes: use a share link or an export.', { useInnerText: true });
    await expect(wizard.locator('#question-services').getByLabel('Microsoft Intune')).toBeChecked();
  } finally {
    await context.close();
  }
});

/** A page of the portal's origin framing the wizard by hand, as docs/embedding.md's version 1 snippet does. */
async function openV1(context) {
  const page = await context.newPage();
  await page.goto(`${portalOrigin}/other.html`);
  await addFrame(page, 'v1', 'EMS onboarding scope wizard', `${env.url}?embed=1&origin=${encodeURIComponent(portalOrigin)}`);
  await appReady(page.frameLocator('#v1'));
  return { page, wizard: page.frames().find((f) => f.url().startsWith(appOrigin)) };
}

/** Runs axe inside the wizard's frame (evaluated through the DevTools protocol, which the CSP does not block). */
async function axe(wizard, label) {
  if (!(await wizard.evaluate(() => typeof window.axe !== 'undefined'))) await wizard.evaluate(AXE);
  const violations = await wizard.evaluate(async (tags) => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} :: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
  }, TAGS);
  return violations.map((v) => `[${label}] ${v}`);
}

test('axe in the portal: light and dark, the status line, a step, the replace question and a refusal', async () => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const context = await newContext({ colorScheme, viewport: { width: 420, height: 800 } });
    try {
      const { page, wizard } = await openPortal(context, { customer: `axe-${colorScheme}` });
      await expect(wizard.locator('.embed-bar')).toContainText('kept by this portal', { useInnerText: true });
      found.push(...await axe(wizard, `${colorScheme} start`));
      await answer(wizard, 'Which services', 'Microsoft Intune');
      await nextStep(wizard);
      found.push(...await axe(wizard, `${colorScheme} step 2`));
      await page.evaluate(([link, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', progress: link }, o), [LINK, appOrigin]);
      await expect(wizard.getByRole('alertdialog')).toBeVisible();
      found.push(...await axe(wizard, `${colorScheme} replace question`));
      await wizard.getByRole('button', { name: 'Keep my progress' }).click();
      await page.evaluate(([damaged, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', progress: damaged }, o), [DAMAGED, appOrigin]);
      await expect(wizard.locator('.notices')).toContainText('could not be opened', { useInnerText: true });
      found.push(...await axe(wizard, `${colorScheme} refusal`));
      // The not-kept line, as a version 1 host gets it.
      const v1 = await openV1(context);
      await expect(v1.wizard.locator('.keep-status')).toContainText('not kept', { useInnerText: true });
      found.push(...await axe(v1.wizard, `${colorScheme} not kept`));
    } finally {
      await context.close();
    }
  }
  expect(found, `axe violations:\n${found.join('\n')}`).toStrictEqual([]);
});

test('keyboard only in the portal: from the portal into the wizard, answers, Next to the heading, a tick with Space', async () => {
  const context = await newContext();
  try {
    const { page, wizard, errors } = await openPortal(context, { customer: 'keys' });
    const inWizard = (predicate, arg) => wizard.evaluate(predicate, arg);
    async function tabTo(predicate, arg, max = 60) {
      for (let i = 0; i <= max; i += 1) {
        if (await inWizard(predicate, arg)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('focus never reached the target');
    }
    const isId = (id) => document.hasFocus() && document.activeElement?.id === id;
    const isButton = (name) => document.hasFocus() && document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.trim() === name;
    // The portal's last control before the frame.
    await page.getByRole('button', { name: 'The checklist, to the log' }).focus();
    await page.keyboard.press('Tab');
    // The first stop in the wizard is the "Open the full page" link.
    expect(await inWizard(() => document.hasFocus() && document.activeElement.textContent.trim())).toBe('Open the full page');
    await tabTo(isId, 'q-services-intune');
    await page.keyboard.press('Space');
    await expect(wizard.locator('#q-services-intune')).toBeChecked();
    await tabTo(isId, 'q-tenant-new', 5);
    await page.keyboard.press('ArrowDown');
    await expect(wizard.locator('#q-tenant-existing')).toBeChecked();
    await tabTo(isButton, 'Next', 10);
    await page.keyboard.press('Enter');
    await expect(wizard.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    await expect.poll(() => inWizard(() => document.activeElement?.id === 'step-heading'), { message: 'focus on the step heading after Next' }).toBeTruthy();
    await tabTo((p) => document.hasFocus() && (document.activeElement?.id || '').startsWith(p), 'done-', 80);
    await page.keyboard.press('Space');
    await expect(wizard.locator('section.guidance .totals')).toContainText(', 1 done', { useInnerText: true });
    await expect.poll(async () => (await lastProgress(page))?.counts.done === 1, { message: 'the tick kept by the portal' }).toBeTruthy();
    expect(errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('a same-site portal, where the wizard\'s own storage works: the next customer does not see the last one\'s answers', async () => {
  // The portal's server on 127.0.0.1 frames a wizard on 127.0.0.1 too: one site, so the frame's
  // storage is the same as the full page's, whoever the portal's customer is.
  const sameSite = await site({ frameAncestors: `'self' ${thirdOrigin}` });
  const context = await newContext();
  try {
    const full = await context.newPage();
    await full.goto(sameSite.url);
    await appReady(full);
    await answer(full, 'Which services', 'Microsoft Intune');
    await expect.poll(() => full.evaluate((k) => (localStorage.getItem(k) || '').includes('intune'), WIZARD_KEY), { message: 'the first person\'s answer saved' }).toBeTruthy();

    const page = await context.newPage();
    await page.goto(`${thirdOrigin}/portal.html?customer=bob&wizard=${encodeURIComponent(sameSite.url)}`);
    await appReady(page.frameLocator('#ems-scope'));
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:restore-result', 'the restore result');
    const wizard = page.frames().find((f) => f.url().startsWith(sameSite.url));
    expect(await wizard.evaluate((k) => (localStorage.getItem(k) || '').includes('intune'), WIZARD_KEY), 'the frame does see the wizard\'s own storage').toBeTruthy();
    await expect(wizard.getByLabel('Microsoft Intune', { exact: true }), 'bob starts empty').not.toBeChecked();
    await expect(wizard.getByRole('alertdialog'), 'and is not asked about someone else\'s scope').toHaveCount(0);
    await expect(wizard.locator('.embed-bar')).toContainText('kept by this portal', { useInnerText: true });
  } finally {
    await context.close();
    await sameSite.close();
  }
});

/** Records in `context`, inside every frame from its start, each text the embed bar's status
 *  line shows, with the time (window.__statuses). */
function recordStatuses(context) {
  return context.addInitScript(() => {
    if (window === window.top) return;
    window.__statuses = [];
    const note = () => {
      const text = document.querySelector('.keep-status')?.textContent ?? '';
      if (window.__statuses.at(-1)?.text !== text) window.__statuses.push({ at: Date.now(), text });
    };
    document.addEventListener('DOMContentLoaded', () => {
      note();
      new MutationObserver(note).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    });
  });
}

const NOT_KEPT = 'Your progress is not kept after this page closes: use a share link or an export.';

test('the portal\'s store fails to load: the customer reads at once that progress is not kept, is never told it is kept, and nothing is overwritten', async () => {
  const context = await newContext();
  try {
    // The portal's own storage refuses to be read (its load() rejects) but its record is there.
    await context.addInitScript((prefix) => {
      if (window !== window.top) return;
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key) {
        if (String(key).startsWith(prefix)) throw new DOMException('The operation is insecure.', 'SecurityError');
        return getItem.call(this, key);
      };
    }, 'contoso-portal/');
    await recordStatuses(context);
    const { page, wizard, errors } = await openPortal(context, { customer: 'hana' });
    await expect(wizard.locator('.keep-status')).toContainText(NOT_KEPT, { useInnerText: true, timeout: 3000 });
    await expect(wizard.locator('.keep-status.at-risk'), 'in the at-risk style').not.toHaveCount(0);
    await answer(wizard, 'Which services', 'Microsoft Intune');
    await expect.poll(async () => (await lastProgress(page))?.counts.in_scope === 21, { message: 'the progress message after the answer' }).toBeTruthy();
    // The portal offers a prefill: the question says nothing is kept, not "saved in this browser".
    await page.getByRole('button', { name: /Pre-answer/ }).click();
    const question = await wizard.getByRole('alertdialog').innerText();
    expect(question).not.toMatch(/saved in this browser|keeps for you/);
    expect(question).toMatch(/You also have progress on this page that is not kept after it closes\./);
    await wizard.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(wizard.locator('.notices')).toContainText('Kept your progress; the portal\'s scope was not opened.', { useInnerText: true });
    expect(!(await wizard.evaluate(() => window.__statuses)).some((s) => /kept by this portal/.test(s.text)), 'never "kept"').toBeTruthy();
    await expect(wizard.locator('.keep-status')).toContainText(NOT_KEPT, { useInnerText: true });
    // What the portal holds but could not load was not overwritten.
    const writes = await page.evaluate(() => window.__writes.filter(([key]) => key.startsWith('contoso-portal/')));
    expect(writes).toStrictEqual([]);
    expect(errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

/** A page of the portal's origin framing the wizard with protocol=2 by hand and never sending a restore. */
async function openSilentHost(context) {
  const page = await context.newPage();
  await page.goto(`${portalOrigin}/other.html`);
  await addFrame(page, 'silent', 'EMS onboarding scope wizard', `${env.url}?embed=1&protocol=2&origin=${encodeURIComponent(portalOrigin)}`);
  await appReady(page.frameLocator('#silent'));
  const ready = await waitMessage(page, (m) => m.data?.type === 'ems-scope:ready', 'ready');
  const wizard = page.frames().find((f) => f.url().startsWith(appOrigin));
  return { page, wizard, readyAt: ready.at };
}

function restoreInto(page, progress) {
  return page.evaluate(([link, o]) => document.getElementById('silent').contentWindow.postMessage({ type: 'ems-scope:restore', version: 2, progress: link, step: 'summary' }, o), [progress, appOrigin]);
}

test('a host that never answers: within 3 s of ready the bar says progress is not kept; a restore that comes later is asked about, or opens when nothing is lost', async () => {
  const context = await newContext();
  await context.addInitScript(() => {
    if (window === window.top) window.addEventListener('message', (e) => { if (e.data?.type === 'ems-scope:ready') window.__received.at(-1).at = Date.now(); });
  });
  await recordStatuses(context);
  try {
    const { page, wizard, readyAt } = await openSilentHost(context);
    await expect(wizard.locator('.keep-status')).toContainText(NOT_KEPT, { useInnerText: true, timeout: 5000 });
    const statuses = await wizard.evaluate(() => window.__statuses);
    const notKept = statuses.find((s) => s.text === NOT_KEPT);
    expect(notKept.at - readyAt <= 3300, `said ${notKept.at - readyAt} ms after ready`).toBeTruthy();
    expect(!statuses.some((s) => /kept by this portal/.test(s.text)), `never "kept": ${JSON.stringify(statuses)}`).toBeTruthy();
    // The customer answers; the host's restore comes late: asked, not taken over the answer.
    await answer(wizard, 'Which services', 'Azure Rights Management');
    await restoreInto(page, LINK);
    await expect(wizard.getByRole('alertdialog')).toBeVisible();
    await expect(wizard.locator('#question-services').getByLabel('Azure Rights Management')).toBeChecked();
    await wizard.getByRole('button', { name: 'Replace with the portal' }).click();
    await expect(wizard.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    await expect(wizard.locator('.keep-status')).toContainText('Your progress is kept by this portal.', { useInnerText: true });

    // Nothing to lose: a late restore opens at once.
    const second = await openSilentHost(context);
    await expect(second.wizard.locator('.keep-status')).toContainText(NOT_KEPT, { useInnerText: true, timeout: 5000 });
    await restoreInto(second.page, LINK);
    await expect(second.wizard.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    await expect(second.wizard.getByRole('alertdialog')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('in a portal that keeps progress, the replace-or-keep question and its Keep outcome say what is true there', async () => {
  const context = await newContext();
  try {
    const { page, wizard } = await openPortal(context, { customer: 'ines' });
    await expect(wizard.locator('.keep-status')).toContainText('Your progress is kept by this portal.', { useInnerText: true });
    await answer(wizard, 'Which services', 'Azure Rights Management');
    await page.getByRole('button', { name: /Pre-answer/ }).click();
    const question = await wizard.getByRole('alertdialog').innerText();
    expect(question).not.toMatch(/saved in this browser/);
    expect(question).toMatch(/You also have progress of your own, which this portal keeps for you\./);
    await wizard.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(wizard.locator('.notices')).toContainText('Kept your progress', { useInnerText: true });
    const outcome = await wizard.locator('.notices').innerText();
    expect(outcome).toMatch(/Kept your progress; the portal's scope was not opened\./);
    expect(outcome).not.toMatch(/the portal was not opened/);
  } finally {
    await context.close();
  }
});

test('a portal on the wizard\'s own origin: in one browser customer B never sees customer A\'s answers, and A gets hers back', async () => {
  const server = await portalServer({ wizardRoot: DIST });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const context = await newContext();
  try {
    const page = await context.newPage();
    const { errors } = watch(page);
    const open = async (customer) => {
      await page.goto(`${origin}/portal.html?customer=${customer}&wizard=${encodeURIComponent(`${origin}/`)}`);
      await appReady(page.frameLocator('#ems-scope'));
      await waitMessage(page, (m) => m.data?.type === 'ems-scope:restore-result', 'the restore result');
      const wizard = page.frames().find((f) => f !== page.mainFrame());
      expect(new URL(wizard.url()).origin, 'the same origin as the portal').toBe(origin);
      await expect(wizard.locator('.keep-status')).toContainText('Your progress is kept by this portal.', { useInnerText: true });
      return wizard;
    };
    // The progress on screen: the share fragment in "Open the full page", without the step.
    const onScreenProgress = async (wizard) =>
      (await wizard.getByRole('link', { name: 'Open the full page' }).getAttribute('href')).split('#')[1].split('&')[0];
    const kept = async (customer, wizard) => {
      const progress = await onScreenProgress(wizard);
      await expect.poll(() => page.evaluate(([k, p]) => JSON.parse(localStorage.getItem(k) ?? '{}').progress === p, [KEY(customer), progress]), { message: `${customer}'s progress kept by the portal` }).toBeTruthy();
    };
    const alice = await open('alice');
    await answer(alice, 'Which services', 'Microsoft Intune');
    await answer(alice, 'new tenant or an existing', 'A new tenant');
    await kept('alice', alice);
    const aliceChosen = await chosenIds(alice);
    expect(aliceChosen).toStrictEqual(['q-services-intune', 'q-tenant-new']);

    const bob = await open('bob');
    expect(await chosenIds(bob), 'bob starts empty').toStrictEqual([]);
    await expect(bob.getByRole('alertdialog'), 'and is not asked about alice\'s scope').toHaveCount(0);
    await answer(bob, 'Which services', 'Azure Rights Management');
    await kept('bob', bob);

    const back = await open('alice');
    await expect.poll(async () => (await chosenIds(back)).length > 0, { message: 'alice\'s answers back' }).toBeTruthy();
    expect(await chosenIds(back), 'alice gets hers back, without bob\'s').toStrictEqual(aliceChosen);
    // The wizard's own storage, shared by everyone on this origin, holds nobody's answers.
    expect(await page.evaluate((k) => localStorage.getItem(k), WIZARD_KEY)).toBe(null);
    expect(errors).toStrictEqual([]);
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
  }
});

// Summaries over the protocol (version 2): the host asks for the scope as a document.

test('summary(format): the wizard answers the portal with the document its download holds', async () => {
  const context = await newContext({ acceptDownloads: true });
  try {
    const { page, wizard } = await openPortal(context, { customer: 'summary' });
    await answer(wizard, 'Which services', 'Microsoft Intune');
    await answer(wizard, 'new tenant or an existing', 'A new tenant');
    const markdown = await page.evaluate(() => window.summary('markdown'));
    const json = JSON.parse(await page.evaluate(() => window.summary('json')));
    expect(json.schema).toBe('ems-onboarding-scope');
    expect(json.answers.services).toStrictEqual(['intune']);
    // The same text as the customer's own download.
    await wizard.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      wizard.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe(markdown);
    // The answer went to the portal's origin only, with the id its request carried.
    const answers = (await received(page)).filter((m) => m.data?.type === 'ems-scope:summary');
    expect(answers.map((m) => [m.origin, m.data.format, m.data.id, m.data.version])).toStrictEqual([[appOrigin, 'markdown', 'summary-1', 2], [appOrigin, 'json', 'summary-2', 2]]);
  } finally {
    await context.close();
  }
});

test('a summary request from another origin gets nothing, nor does a version 1 host', async () => {
  const context = await newContext();
  try {
    const { page } = await openPortal(context, { customer: 'stranger', other: true });
    const other = page.frames().find((f) => f.url().startsWith(thirdOrigin));
    await other.evaluate((o) => window.parent.frames[0].postMessage({ type: 'ems-scope:summary-request', format: 'markdown', id: 'x' }, o), appOrigin);
    // The version 1 host asks too: it is refused as before, with no summary.
    const v1 = await openV1(context);
    await v1.page.evaluate((o) => document.getElementById('v1').contentWindow.postMessage({ type: 'ems-scope:summary-request', format: 'markdown' }, o), appOrigin);
    const refused = await waitMessage(v1.page, (m) => m.data?.type === 'ems-scope:prefill-result', 'the refusal');
    expect(refused.data.error).toMatch(/protocol=2/);
    await new Promise((r) => setTimeout(r, 500));
    for (const [where, frame] of [['portal', page], ['third origin', other], ['version 1 host', v1.page]]) {
      const got = (await frame.evaluate(() => window.__received)).filter((m) => m.data?.type === 'ems-scope:summary');
      expect(got, `${where} got a summary`).toStrictEqual([]);
    }
  } finally {
    await context.close();
  }
});

test('summary() is refused after 5 s without an answer, and by destroy()', async () => {
  const context = await newContext();
  try {
    const { page } = await openPortal(context, { customer: 'silent' });
    // The wizard has gone from its frame (another page there): nothing answers the request.
    await page.evaluate((src) => { document.getElementById('ems-scope').src = src; }, `${thirdOrigin}/other.html`);
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(thirdOrigin)), { message: 'the other page in the frame' }).toBeTruthy();
    const started = Date.now();
    const timedOut = await page.evaluate(() => window.summary('markdown').then(() => 'answered', (e) => e.message));
    expect(timedOut).toMatch(/did not answer within 5 s/);
    expect(Date.now() - started >= 4900, 'not before 5 s').toBeTruthy();
    const destroyed = await page.evaluate(() => {
      const asked = window.summary('json').then(() => 'answered', (e) => e.message);
      window.destroyWizard();
      return asked;
    });
    expect(destroyed).toMatch(/destroyed/);
    expect(await page.evaluate(() => window.summary('markdown').then(() => 'answered', (e) => e.message))).toMatch(/destroyed/);
  } finally {
    await context.close();
  }
});
