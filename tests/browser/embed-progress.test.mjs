// Protocol version 2 and the embed module: a partner portal keeps its customers' progress.
//
// The portal is examples/portal.html with portal.js and embed.js (portal-server.mjs), on
// http://localhost:<port> under the static server's strict CSP; the wizard is on
// http://127.0.0.1:<port>, another site, where Chromium blocks its storage (the default for a
// cross-site iframe here). The portal keeps each customer's progress in its own localStorage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer, nextStep, waitText, until, site, holdApp, chosenIds, DIST, KEY as WIZARD_KEY } from './helpers.mjs';
import { portalSetup, portalServer, PORTAL_CSP, watch, addFrame } from './portal-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const KEY = (customer) => `contoso-portal/ems-scope/${customer}`;
// A share link from docs/formats.md (Intune, new tenant, one forest, …), and the same one damaged.
const LINK = 's1.DAYAAQACAAIAAAABAAAAAAAAAAMAAAAEAAABAAAAAAAAAAEAEHX4';
const DAMAGED = 's1.DAYAAQACAAIAAAABAAAAAAAAAAMAAAAEAAABAAAAAAAAAAEAEHX5';

let env; let portalOrigin; let thirdOrigin; let appOrigin;

let sites;
before(async () => {
  sites = await portalSetup();
  ({ env, portalOrigin, thirdOrigin, appOrigin } = sites);
});
after(async () => { await sites?.close(); });

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
    await until(() => page.frames().some((f) => f.url().startsWith(thirdOrigin)), 'the third-origin frame');
  }
  const wizard = await ready(page);
  return { page, wizard, errors, requests };
}

/** Waits for the wizard's frame and the answer to the portal's restore; returns the Frame. */
async function ready(page) {
  await page.frameLocator('#ems-scope').locator('html.ready').waitFor();
  await waitMessage(page, (m) => m.data?.type === 'ems-scope:restore-result', 'the restore result');
  return page.frames().find((f) => f.url().startsWith(appOrigin));
}

function received(page) {
  return page.evaluate(() => window.__received);
}

async function waitMessage(page, predicate, what) {
  return until(async () => (await received(page)).find(predicate), what);
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
    assert.equal(await wizard.evaluate(() => { try { return !window.localStorage; } catch { return true; } }), true);
    await waitText(wizard.locator('.embed-bar'), 'Your progress is kept by this portal.');
    assert.equal(await wizard.locator('.notices').innerText(), '', 'no storage notice beside it');

    await answer(wizard, 'Which services', 'Microsoft Intune');
    await answer(wizard, 'new tenant or an existing', 'An existing tenant');
    await nextStep(wizard);
    await answer(wizard, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await answer(wizard, 'How will users sign in', 'Synchronized identities (password hash sync)');
    await nextStep(wizard);
    await waitText(wizard.locator('#step-heading'), 'Microsoft Intune');
    await wizard.locator('section.guidance li.item').first().waitFor();
    const ticks = wizard.locator('section.guidance li.item.in-scope input[type=checkbox]');
    await ticks.nth(0).check();
    await ticks.nth(3).check();
    await waitText(wizard.locator('section.guidance .totals'), '2 done');
    const before = await onScreen(wizard);

    // The portal heard the whole progress, and kept the last one in its own storage.
    const last = await until(async () => {
      const p = await lastProgress(page);
      return p && p.step === 'intune' && p.counts.done === 2 && p;
    }, 'a progress message at the Intune step with two ticks');
    assert.equal(last.version, 2);
    assert.match(last.progress, /^s1\.[A-Za-z0-9_-]+$/);
    const kept = await until(async () => {
      const text = await page.evaluate((k) => localStorage.getItem(k), KEY('alice'));
      return text && JSON.parse(text).progress === last.progress && JSON.parse(text);
    }, 'the progress in the portal\'s storage');
    assert.deepEqual(kept, { progress: last.progress, step: 'intune' });
    // Once per change: no two progress messages in a row say the same.
    const all = (await received(page)).filter((m) => m.data?.type === 'ems-scope:progress').map((m) => JSON.stringify(m.data));
    assert.ok(all.every((m, i) => i === 0 || m !== all[i - 1]), 'no repeated progress message');
    // Only to the portal's origin: the wizard names it in postMessage (the messages all arrive from the app).
    assert.ok((await received(page)).every((m) => m.origin === appOrigin));

    await page.reload();
    const again = await ready(page);
    await waitText(again.locator('#step-heading'), 'Microsoft Intune');
    await waitText(again.locator('section.guidance .totals'), '2 done');
    assert.deepEqual(await onScreen(again), before);
    assert.equal(await again.getByRole('alertdialog').count(), 0, 'no question asked');
    const result = (await received(page)).find((m) => m.data?.type === 'ems-scope:restore-result');
    assert.deepEqual({ ...result.data }, { type: 'ems-scope:restore-result', version: 2, ok: true });
    await waitText(again.locator('.embed-bar'), 'Your progress is kept by this portal.');
    // The wizard's progress from before the restore (empty) never overwrote what the portal kept.
    const writes = await page.evaluate((k) => window.__writes.filter(([key]) => key === k).map(([, v]) => JSON.parse(v)), KEY('alice'));
    assert.ok(writes.every((w) => w.progress === last.progress), `only the restored progress written after the reload: ${JSON.stringify(writes)}`);
    assert.deepEqual(errors, []);
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
    await waitText(carol.locator('#step-heading'), 'Summary and sharing');
    assert.equal(await carol.getByRole('alertdialog').count(), 0, 'no replace-or-keep question');
    // The kept services exactly (Intune and Rights Management), not the early choice.
    assert.match(await carol.locator('dl.answers dd').first().innerText(), /^Microsoft Intune, Azure Rights Management Change/);

    const dave = await ready(pages.dave);
    const chosen = await chosenIds(dave);
    assert.deepEqual(chosen, ['q-services-aad_premium'], 'the early choice stays');
    assert.equal(await dave.getByRole('alertdialog').count(), 0);
    // The portal keeps it (it keeps progress only from the restore's result on), and it comes
    // back when Dave returns.
    await until(() => pages.dave.evaluate((k) => localStorage.getItem(k) !== null, KEY('dave')), 'the portal keeps it');
    await pages.dave.reload();
    const back = await ready(pages.dave);
    const again = await chosenIds(back);
    assert.deepEqual(again, ['q-services-aad_premium'], 'kept by the portal');
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
    await wizard.getByRole('alertdialog').waitFor();
    assert.deepEqual(await chosenIds(wizard), ['q-services-aad_premium'], 'the early choice stays until Erin answers');
    assert.equal(await wizard.locator('#step-heading').innerText(), 'Services and tenant', 'still the first step, not the kept summary');
  } finally {
    await context.close();
  }
});

test('"Keep my progress" over what the portal offers: the portal then keeps the customer\'s progress', async () => {
  const context = await newContext();
  try {
    const { page, wizard } = await openPortal(context, { customer: 'frank' });
    await answer(wizard, 'Which services', 'Microsoft Intune');
    const mine = await until(async () => {
      const p = await lastProgress(page);
      return p?.counts && (await page.evaluate((k) => localStorage.getItem(k), KEY('frank')))?.includes(p.progress) && p.progress;
    }, 'Frank\'s progress kept by the portal');
    // The portal now holds another scope for Frank (say, from another tab) and offers it.
    await page.evaluate(([key, link]) => localStorage.setItem(key, JSON.stringify({ progress: link, step: 'summary' })), [KEY('frank'), LINK]);
    await page.evaluate(([link, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', version: 2, progress: link, step: 'summary' }, o), [LINK, appOrigin]);
    await wizard.getByRole('alertdialog').waitFor();
    await wizard.getByRole('button', { name: 'Keep my progress' }).click();
    await until(async () => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY('frank'))).progress === mine, 'the portal keeps Frank\'s progress, not the one it offered');
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
    await until(async () => (await wizard.page().evaluate((k) => localStorage.getItem(k), KEY('alice'))) !== null, 'alice\'s progress kept');
    const empty = { heading: 'Services and tenant', checked: ['rev-current'] }; // only the revision shown
    for (const [context, what] of [[first, 'same browser'], [second, 'another context']]) {
      const { wizard: bob, page } = await openPortal(context, { customer: 'bob' });
      await bob.locator('section.guidance .totals').waitFor();
      const { heading, checked } = await onScreen(bob);
      assert.deepEqual({ heading, checked }, empty, what);
      assert.equal(await bob.getByRole('alertdialog').count(), 0, what);
      const result = (await received(page)).find((m) => m.data?.type === 'ems-scope:restore-result');
      assert.equal(result.data.ok, true, what);
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
    await until(() => wizard.evaluate((o) => window.__delivered.includes(o), thirdOrigin), 'the third-origin restore delivered');
    // Give the wizard the time it takes to answer a restore.
    await page.waitForTimeout(300);
    assert.deepEqual(await onScreen(wizard), before);
    assert.equal((await received(page)).filter((m) => m.data?.type === 'ems-scope:restore-result').length, 1, 'only the portal\'s own restore answered');
    // The same message from the portal is taken.
    await page.evaluate(([link, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', version: 2, progress: link, step: 'intune' }, o), [LINK, appOrigin]);
    await waitText(wizard.locator('#step-heading'), 'Microsoft Intune');
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
    assert.match(refused.data.error, /damaged/);
    assert.match(refused.data.error, /checksum/);
    await waitText(wizard.locator('.notices'), 'could not be opened');
    assert.deepEqual(await onScreen(wizard), before);
    // An unknown step is refused too.
    await page.evaluate(([link, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', version: 2, progress: link, step: 'nowhere' }, o), [LINK, appOrigin]);
    await until(async () => (await received(page)).filter((m) => m.data?.type === 'ems-scope:restore-result' && m.data.ok === false).length === 2, 'the second refusal');
    assert.deepEqual(await onScreen(wizard), before);
    await waitText(page.locator('#log'), 'progress refused');
    assert.deepEqual(errors, []);
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
    assert.equal(response[0], PORTAL_CSP);
    assert.match(PORTAL_CSP, /script-src 'self'/);
    assert.match(PORTAL_CSP, /style-src 'self'/);
    const src = new URL(await page.locator('#ems-scope').getAttribute('src'));
    assert.equal(src.origin, appOrigin);
    assert.deepEqual(Object.fromEntries(src.searchParams), { embed: '1', origin: portalOrigin, protocol: '2', accent: '0b6e4f', font: 'Georgia' });
    assert.equal(await page.locator('#ems-scope').getAttribute('title'), 'EMS onboarding scope wizard');
    // The height follows the content, set through CSSOM.
    await until(async () => /^\d+px$/.test(await page.locator('#ems-scope').evaluate((f) => f.style.height)), 'the frame height');
    await answer(wizard, 'Which services', 'Microsoft Intune');
    await page.getByRole('button', { name: /Pre-answer/ }).click();
    await wizard.getByRole('alertdialog').waitFor();
    await wizard.getByRole('button', { name: 'Replace with the portal' }).click();
    await waitText(page.locator('#log'), 'progress kept for erin');
    await page.reload();
    const again = await ready(page);
    await waitText(again.locator('.embed-bar'), 'kept by this portal');
    assert.deepEqual(errors, [], 'no console error on either page');
    for (const frame of page.frames()) assert.deepEqual(await frame.evaluate(() => window.__violations), [], `no CSP violation in ${frame.url()}`);
    const foreign = requests.filter((u) => !u.startsWith('data:') && ![appOrigin, portalOrigin].includes(new URL(u).origin));
    assert.deepEqual(foreign, [], 'no request outside the app and the portal');
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
    assert.equal(refused.data.ok, false);
    assert.match(refused.data.error, /protocol=2/);
    const all = await received(page);
    assert.ok(all.every((m) => m.data.version === 1), 'every message says version 1');
    assert.deepEqual(all.filter((m) => /progress|restore/.test(m.data.type)).map((m) => m.data.type), []);
    await waitText(wizard.locator('.embed-bar'), 'Your progress is not kept after this page closes: use a share link or an export.');
    assert.ok(await wizard.locator('#question-services').getByLabel('Microsoft Intune').isChecked());
  } finally {
    await context.close();
  }
});

/** A page of the portal's origin framing the wizard by hand, as docs/embedding.md's version 1 snippet does. */
async function openV1(context) {
  const page = await context.newPage();
  await page.goto(`${portalOrigin}/other.html`);
  await addFrame(page, 'v1', 'EMS onboarding scope wizard', `${env.url}?embed=1&origin=${encodeURIComponent(portalOrigin)}`);
  await page.frameLocator('#v1').locator('html.ready').waitFor();
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
      await waitText(wizard.locator('.embed-bar'), 'kept by this portal');
      found.push(...await axe(wizard, `${colorScheme} start`));
      await answer(wizard, 'Which services', 'Microsoft Intune');
      await nextStep(wizard);
      found.push(...await axe(wizard, `${colorScheme} step 2`));
      await page.evaluate(([link, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', progress: link }, o), [LINK, appOrigin]);
      await wizard.getByRole('alertdialog').waitFor();
      found.push(...await axe(wizard, `${colorScheme} replace question`));
      await wizard.getByRole('button', { name: 'Keep my progress' }).click();
      await page.evaluate(([damaged, o]) => document.getElementById('ems-scope').contentWindow.postMessage({ type: 'ems-scope:restore', progress: damaged }, o), [DAMAGED, appOrigin]);
      await waitText(wizard.locator('.notices'), 'could not be opened');
      found.push(...await axe(wizard, `${colorScheme} refusal`));
      // The not-kept line, as a version 1 host gets it.
      const v1 = await openV1(context);
      await waitText(v1.wizard.locator('.keep-status'), 'not kept');
      found.push(...await axe(v1.wizard, `${colorScheme} not kept`));
    } finally {
      await context.close();
    }
  }
  assert.deepEqual(found, [], `axe violations:\n${found.join('\n')}`);
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
    assert.equal(await inWizard(() => document.hasFocus() && document.activeElement.textContent.trim()), 'Open the full page');
    await tabTo(isId, 'q-services-intune');
    await page.keyboard.press('Space');
    assert.ok(await wizard.locator('#q-services-intune').isChecked());
    await tabTo(isId, 'q-tenant-new', 5);
    await page.keyboard.press('ArrowDown');
    assert.ok(await wizard.locator('#q-tenant-existing').isChecked());
    await tabTo(isButton, 'Next', 10);
    await page.keyboard.press('Enter');
    await waitText(wizard.locator('#step-heading'), 'Accounts and sign-in');
    await until(() => inWizard(() => document.activeElement?.id === 'step-heading'), 'focus on the step heading after Next');
    await tabTo((p) => document.hasFocus() && (document.activeElement?.id || '').startsWith(p), 'done-', 80);
    await page.keyboard.press('Space');
    await waitText(wizard.locator('section.guidance .totals'), ', 1 done');
    await until(async () => (await lastProgress(page))?.counts.done === 1, 'the tick kept by the portal');
    assert.deepEqual(errors, []);
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
    await full.waitForSelector('html.ready');
    await answer(full, 'Which services', 'Microsoft Intune');
    await until(() => full.evaluate((k) => (localStorage.getItem(k) || '').includes('intune'), WIZARD_KEY), 'the first person\'s answer saved');

    const page = await context.newPage();
    await page.goto(`${thirdOrigin}/portal.html?customer=bob&wizard=${encodeURIComponent(sameSite.url)}`);
    await page.frameLocator('#ems-scope').locator('html.ready').waitFor();
    await waitMessage(page, (m) => m.data?.type === 'ems-scope:restore-result', 'the restore result');
    const wizard = page.frames().find((f) => f.url().startsWith(sameSite.url));
    assert.ok(await wizard.evaluate((k) => (localStorage.getItem(k) || '').includes('intune'), WIZARD_KEY), 'the frame does see the wizard\'s own storage');
    assert.ok(!(await wizard.getByLabel('Microsoft Intune', { exact: true }).isChecked()), 'bob starts empty');
    assert.equal(await wizard.getByRole('alertdialog').count(), 0, 'and is not asked about someone else\'s scope');
    await waitText(wizard.locator('.embed-bar'), 'kept by this portal');
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
    await waitText(wizard.locator('.keep-status'), NOT_KEPT, 3000);
    assert.ok(await wizard.locator('.keep-status.at-risk').count(), 'in the at-risk style');
    await answer(wizard, 'Which services', 'Microsoft Intune');
    await until(async () => (await lastProgress(page))?.counts.in_scope === 21, 'the progress message after the answer');
    // The portal offers a prefill: the question says nothing is kept, not "saved in this browser".
    await page.getByRole('button', { name: /Pre-answer/ }).click();
    const question = await wizard.getByRole('alertdialog').innerText();
    assert.doesNotMatch(question, /saved in this browser|keeps for you/);
    assert.match(question, /You also have progress on this page that is not kept after it closes\./);
    await wizard.getByRole('button', { name: 'Keep my progress' }).click();
    await waitText(wizard.locator('.notices'), 'Kept your progress; the portal\'s scope was not opened.');
    assert.ok(!(await wizard.evaluate(() => window.__statuses)).some((s) => /kept by this portal/.test(s.text)), 'never "kept"');
    await waitText(wizard.locator('.keep-status'), NOT_KEPT);
    // What the portal holds but could not load was not overwritten.
    const writes = await page.evaluate(() => window.__writes.filter(([key]) => key.startsWith('contoso-portal/')));
    assert.deepEqual(writes, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** A page of the portal's origin framing the wizard with protocol=2 by hand and never sending a restore. */
async function openSilentHost(context) {
  const page = await context.newPage();
  await page.goto(`${portalOrigin}/other.html`);
  await addFrame(page, 'silent', 'EMS onboarding scope wizard', `${env.url}?embed=1&protocol=2&origin=${encodeURIComponent(portalOrigin)}`);
  await page.frameLocator('#silent').locator('html.ready').waitFor();
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
    await waitText(wizard.locator('.keep-status'), NOT_KEPT, 5000);
    const statuses = await wizard.evaluate(() => window.__statuses);
    const notKept = statuses.find((s) => s.text === NOT_KEPT);
    assert.ok(notKept.at - readyAt <= 3300, `said ${notKept.at - readyAt} ms after ready`);
    assert.ok(!statuses.some((s) => /kept by this portal/.test(s.text)), `never "kept": ${JSON.stringify(statuses)}`);
    // The customer answers; the host's restore comes late: asked, not taken over the answer.
    await answer(wizard, 'Which services', 'Azure Rights Management');
    await restoreInto(page, LINK);
    await wizard.getByRole('alertdialog').waitFor();
    assert.ok(await wizard.locator('#question-services').getByLabel('Azure Rights Management').isChecked());
    await wizard.getByRole('button', { name: 'Replace with the portal' }).click();
    await waitText(wizard.locator('#step-heading'), 'Summary and sharing');
    await waitText(wizard.locator('.keep-status'), 'Your progress is kept by this portal.');

    // Nothing to lose: a late restore opens at once.
    const second = await openSilentHost(context);
    await waitText(second.wizard.locator('.keep-status'), NOT_KEPT, 5000);
    await restoreInto(second.page, LINK);
    await waitText(second.wizard.locator('#step-heading'), 'Summary and sharing');
    assert.equal(await second.wizard.getByRole('alertdialog').count(), 0);
  } finally {
    await context.close();
  }
});

test('in a portal that keeps progress, the replace-or-keep question and its Keep outcome say what is true there', async () => {
  const context = await newContext();
  try {
    const { page, wizard } = await openPortal(context, { customer: 'ines' });
    await waitText(wizard.locator('.keep-status'), 'Your progress is kept by this portal.');
    await answer(wizard, 'Which services', 'Azure Rights Management');
    await page.getByRole('button', { name: /Pre-answer/ }).click();
    const question = await wizard.getByRole('alertdialog').innerText();
    assert.doesNotMatch(question, /saved in this browser/);
    assert.match(question, /You also have progress of your own, which this portal keeps for you\./);
    await wizard.getByRole('button', { name: 'Keep my progress' }).click();
    const outcome = await waitText(wizard.locator('.notices'), 'Kept your progress');
    assert.match(outcome, /Kept your progress; the portal's scope was not opened\./);
    assert.doesNotMatch(outcome, /the portal was not opened/);
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
      await page.frameLocator('#ems-scope').locator('html.ready').waitFor();
      await waitMessage(page, (m) => m.data?.type === 'ems-scope:restore-result', 'the restore result');
      const wizard = page.frames().find((f) => f !== page.mainFrame());
      assert.equal(new URL(wizard.url()).origin, origin, 'the same origin as the portal');
      await waitText(wizard.locator('.keep-status'), 'Your progress is kept by this portal.');
      return wizard;
    };
    // The progress on screen: the share fragment in "Open the full page", without the step.
    const onScreenProgress = async (wizard) =>
      (await wizard.getByRole('link', { name: 'Open the full page' }).getAttribute('href')).split('#')[1].split('&')[0];
    const kept = async (customer, wizard) => {
      const progress = await onScreenProgress(wizard);
      await until(() => page.evaluate(([k, p]) => JSON.parse(localStorage.getItem(k) ?? '{}').progress === p, [KEY(customer), progress]),
        `${customer}'s progress kept by the portal`);
    };
    const alice = await open('alice');
    await answer(alice, 'Which services', 'Microsoft Intune');
    await answer(alice, 'new tenant or an existing', 'A new tenant');
    await kept('alice', alice);
    const aliceChosen = await chosenIds(alice);
    assert.deepEqual(aliceChosen, ['q-services-intune', 'q-tenant-new']);

    const bob = await open('bob');
    assert.deepEqual(await chosenIds(bob), [], 'bob starts empty');
    assert.equal(await bob.getByRole('alertdialog').count(), 0, 'and is not asked about alice\'s scope');
    await answer(bob, 'Which services', 'Azure Rights Management');
    await kept('bob', bob);

    const back = await open('alice');
    await until(async () => (await chosenIds(back)).length > 0, 'alice\'s answers back');
    assert.deepEqual(await chosenIds(back), aliceChosen, 'alice gets hers back, without bob\'s');
    // The wizard's own storage, shared by everyone on this origin, holds nobody's answers.
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), WIZARD_KEY), null);
    assert.deepEqual(errors, []);
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
    assert.equal(json.schema, 'ems-onboarding-scope');
    assert.deepEqual(json.answers.services, ['intune']);
    // The same text as the customer's own download.
    await wizard.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Summary and sharing', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      wizard.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    assert.equal(fs.readFileSync(await download.path(), 'utf8'), markdown);
    // The answer went to the portal's origin only, with the id its request carried.
    const answers = (await received(page)).filter((m) => m.data?.type === 'ems-scope:summary');
    assert.deepEqual(answers.map((m) => [m.origin, m.data.format, m.data.id, m.data.version]),
      [[appOrigin, 'markdown', 'summary-1', 2], [appOrigin, 'json', 'summary-2', 2]]);
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
    assert.match(refused.data.error, /protocol=2/);
    await new Promise((r) => setTimeout(r, 500));
    for (const [where, frame] of [['portal', page], ['third origin', other], ['version 1 host', v1.page]]) {
      const got = (await frame.evaluate(() => window.__received)).filter((m) => m.data?.type === 'ems-scope:summary');
      assert.deepEqual(got, [], `${where} got a summary`);
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
    await until(() => page.frames().some((f) => f.url().startsWith(thirdOrigin)), 'the other page in the frame');
    const started = Date.now();
    const timedOut = await page.evaluate(() => window.summary('markdown').then(() => 'answered', (e) => e.message));
    assert.match(timedOut, /did not answer within 5 s/);
    assert.ok(Date.now() - started >= 4900, 'not before 5 s');
    const destroyed = await page.evaluate(() => {
      const asked = window.summary('json').then(() => 'answered', (e) => e.message);
      window.destroyWizard();
      return asked;
    });
    assert.match(destroyed, /destroyed/);
    assert.match(await page.evaluate(() => window.summary('markdown').then(() => 'answered', (e) => e.message)), /destroyed/);
  } finally {
    await context.close();
  }
});
