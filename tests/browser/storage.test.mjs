// Saved progress: kept across reloads, unreadable or newer records kept aside, old records
// migrated, blocked or full storage explained, two tabs in step, and start over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, openPage, answer, heading, goToStep, nextStep, item, totals, answerSituation, waitText, until,
  storage, notices, KEY, ASIDE_PREFIX,
} from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const MEMORY_NOTICE = 'will not be kept after this tab closes';

/** A page whose localStorage holds `record` under the progress key when the app starts. */
async function withRecord(context, record) {
  const page = await openPage(context, env.url);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, record]);
  await page.reload();
  await page.waitForSelector('html.ready');
  return page;
}

/** Storage blocked as in a cross-site frame: reading `localStorage` throws. */
const blockStorage = (context) => context.addInitScript(() => {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
});

test('a reload finds the answers, the step and the done ticks as they were', async () => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answerSituation(page);
    await goToStep(page, 'Microsoft Intune');
    const guidance = page.locator('section.guidance');
    await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
    await guidance.getByRole('checkbox', { name: 'Conditional access policies.', exact: true }).check();
    await waitText(page.locator('section.guidance .totals'), '2 done');
    await until(async () => (await storage(page))[KEY]?.includes('intune.mdm.conditional_access'), 'the tick to be saved');

    await page.reload();
    await page.waitForSelector('html.ready');
    assert.equal(await heading(page), 'Microsoft Intune');
    assert.equal(await page.locator('.step-count').innerText(), 'Step 3 of 5');
    assert.ok(await page.locator('#question-mdm_authority').getByLabel('Microsoft Intune', { exact: true }).isChecked());
    assert.ok(await page.locator('#question-intune_scope').getByLabel('Mobile devices (MDM)').isChecked());
    assert.equal(await totals(page), '45 in scope, 2 done');
    assert.ok(await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).isChecked());
    assert.ok(await guidance.getByRole('checkbox', { name: 'Conditional access policies.', exact: true }).isChecked());
    await goToStep(page, 'Services and tenant');
    assert.ok(await page.locator('#question-services').getByLabel('Azure Rights Management').isChecked());
    assert.ok(await page.getByLabel('A new tenant', { exact: true }).isChecked());
    assert.equal(await notices(page).innerText(), '', 'no notice on a normal reload');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('a corrupt record is kept aside under an "unreadable" key and the user is told', async () => {
  const context = await env.context();
  try {
    const page = await withRecord(context, '{not json');
    const text = await waitText(notices(page), 'could not be read');
    assert.match(text, /Your saved progress could not be read: .*It is kept aside in this browser's storage under "ems-scope-wizard\/unreadable\/\d+", and the wizard starts fresh\./s);
    const saved = await storage(page);
    const aside = Object.keys(saved).filter((k) => k.startsWith(ASIDE_PREFIX));
    assert.equal(aside.length, 1, `one record kept aside: ${JSON.stringify(saved)}`);
    assert.equal(saved[aside[0]], '{not json');
    assert.ok(text.includes(aside[0]), 'the notice names the key');
    assert.notEqual(saved[KEY], '{not json');
    // On a 360 px phone the long key wraps inside the notice: nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'the notice fits 360 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    // The wizard works from a fresh start.
    assert.equal(await page.locator('.step-count').innerText(), 'Step 1 of 3');
    await answer(page, 'Which services', 'Microsoft Intune');
    await waitText(page.locator('.step-count'), 'Step 1 of 4');
    // The notice can be dismissed.
    await notices(page).getByRole('button', { name: 'Dismiss' }).click();
    await until(async () => (await notices(page).innerText()) === '', 'the notice to go');
  } finally {
    await context.close();
  }
});

test('an old format-1 record is migrated: answers checked, step kept, the user told', async () => {
  const context = await env.context();
  try {
    const page = await withRecord(context, '{"version":1,"answers":{"services":"intune","tenant":"new"},"step":1}');
    await waitText(notices(page), 'earlier version');
    assert.match(await notices(page).innerText(), /came from an earlier version of the wizard and was updated/);
    assert.equal(await heading(page), 'Accounts and sign-in', 'format 1 step 1 is the second step');
    await goToStep(page, 'Services and tenant');
    assert.ok(await page.locator('#question-services').getByLabel('Microsoft Intune').isChecked());
    assert.ok(!(await page.locator('#question-services').getByLabel('Azure Rights Management').isChecked()));
    assert.ok(await page.getByLabel('A new tenant', { exact: true }).isChecked());
    await waitText(page.locator('section.guidance'), 'Contact you within 30 days');
    // Rewritten in the current format.
    const saved = JSON.parse((await storage(page))[KEY]);
    assert.equal(saved.format, 2);
    assert.deepEqual(saved.answers.services, ['intune']);
    assert.equal(Object.keys(await storage(page)).filter((k) => k.startsWith(ASIDE_PREFIX)).length, 0);
  } finally {
    await context.close();
  }
});

test('a record from a newer version is kept aside and left untouched for that version, and the user told', async () => {
  const context = await env.context();
  try {
    const record = '{"format":99,"answers":{"services":["intune"]},"step":"intune","done":[]}';
    const page = await withRecord(context, record);
    const text = await waitText(notices(page), 'newer version');
    assert.match(text, /written by a newer version of the wizard/);
    assert.match(text, /left untouched/);
    assert.match(text, /A copy is kept under "ems-scope-wizard\/unreadable\/\d+"/);
    // Answering here must not overwrite it: this tab works from memory.
    await page.locator('#question-services').getByLabel('Microsoft Intune').check();
    const saved = await storage(page);
    assert.equal(saved['ems-scope-wizard/progress'], record);
    const aside = Object.keys(saved).filter((k) => k.startsWith(ASIDE_PREFIX));
    assert.equal(aside.length, 1);
    assert.equal(saved[aside[0]], record);
    await page.locator('#question-services').getByLabel('Microsoft Intune').uncheck();
    assert.equal(await page.locator('.step-count').innerText(), 'Step 1 of 3');
    assert.ok(!(await page.locator('#question-services').getByLabel('Microsoft Intune').isChecked()));
  } finally {
    await context.close();
  }
});

test('storage blocked by the browser: the wizard still runs, and says progress lives only in the tab', async () => {
  const context = await env.context();
  try {
    await blockStorage(context);
    const page = await openPage(context, env.url);
    await waitText(notices(page), MEMORY_NOTICE);
    assert.equal(await heading(page), 'Services and tenant');
    await answer(page, 'Which services', 'Microsoft Intune');
    await nextStep(page);
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await waitText(page.locator('section.guidance'), 'Installing a directory synchronization server');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('storage full after load: the user is told and the wizard keeps working', async () => {
  const context = await env.context();
  try {
    await context.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await until(async () => (await storage(page))[KEY]?.includes('intune'), 'the first answer saved');
    assert.equal(await notices(page).innerText(), '');
    await page.evaluate(() => { window.__storageFull = true; });
    await answer(page, 'Which services', 'Azure Rights Management');
    const text = await waitText(notices(page), 'full or no longer available');
    assert.match(text, /latest changes will not be kept after this tab closes/);
    // Still working: the answer took effect and later ones do too.
    await waitText(page.locator('.step-count'), 'Step 1 of 5');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await waitText(page.locator('section.guidance'), 'Contact you within 30 days');
    await nextStep(page);
    assert.equal(await heading(page), 'Accounts and sign-in');
    // What was saved before the quota ran out is still there.
    const saved = JSON.parse((await storage(page))[KEY]);
    assert.deepEqual(saved.answers.services, ['intune']);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('two tabs of the same browser follow each other', async () => {
  const context = await env.context();
  try {
    const one = await openPage(context, env.url);
    const two = await openPage(context, env.url);
    await answer(one, 'Which services', 'Microsoft Intune');
    await until(() => two.locator('#question-services').getByLabel('Microsoft Intune').isChecked(), 'tab two to follow tab one');
    await waitText(two.locator('.step-count'), 'Step 1 of 4');
    await answer(two, 'new tenant or an existing', 'An existing tenant');
    await until(() => one.getByLabel('An existing tenant', { exact: true }).isChecked(), 'tab one to follow tab two');
    await two.locator('section.guidance').getByRole('checkbox', { name: 'Provide a remediation checklist.', exact: true }).check();
    await until(() => one.locator('section.guidance').getByRole('checkbox', { name: 'Provide a remediation checklist.', exact: true }).isChecked(), 'the tick in tab one');
    assert.match(await totals(one), /, 1 done/);
    assert.deepEqual([...one.errors, ...two.errors], []);
  } finally {
    await context.close();
  }
});

/** The id of the focused element of `page` ('' for <body>). */
async function focusedId(page) {
  return page.evaluate(() => (document.activeElement === document.body ? '' : document.activeElement?.id ?? ''));
}

/** Ticks a guidance item in `from` and waits for `to` to show it: every change `from` saved
 *  before it has reached `to` by then (storage events come in order). */
async function syncTick(from, to, name) {
  const box = (page) => page.locator('section.guidance').getByRole('checkbox', { name, exact: true });
  await box(from).check();
  await until(() => box(to).isChecked(), `"${name}" ticked in the other tab`);
}

async function savedStep(page) {
  return JSON.parse((await storage(page))[KEY]).step;
}

test('two tabs each keep their own step; one moves only when its step is gone, focus on its heading', async () => {
  const context = await env.context();
  try {
    const one = await openPage(context, env.url);
    await answerSituation(one);
    const two = await openPage(context, env.url);
    assert.equal(await heading(two), 'Summary and sharing');
    // Text typed in tab two, which tab one's step clicks must not throw away.
    await two.locator('#import-text').fill('services=aad_premium');
    assert.equal(await focusedId(two), 'import-text');

    await goToStep(one, 'Microsoft Intune');
    await syncTick(one, two, 'Provide an administrative overview.');
    assert.equal(await heading(two), 'Summary and sharing', 'tab two stays where it was');
    assert.equal(await two.locator('#import-text').inputValue(), 'services=aad_premium');
    assert.equal(await focusedId(two), 'import-text', 'focus stays in the import box');
    // Following is not a change of tab two's: the record keeps the step of the tab that changed it.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await savedStep(two), 'intune');

    // A keyboard user in tab two on a checkbox of the Intune step, while tab one moves on.
    await goToStep(two, 'Microsoft Intune');
    const mdm = two.locator('#question-intune_scope').getByLabel('Mobile devices (MDM)');
    await mdm.focus();
    const mdmId = await mdm.getAttribute('id');
    await goToStep(one, 'Accounts and sign-in');
    await syncTick(one, two, 'Conditional access policies.');
    assert.equal(await heading(two), 'Microsoft Intune');
    assert.equal(await focusedId(two), mdmId, 'focus stays on the checkbox');
    assert.equal(await savedStep(one), 'environment');
    // The last tab that changed something saves its own step.
    await syncTick(two, one, 'Provide a remediation checklist.');
    assert.equal(await savedStep(one), 'intune');
    assert.equal(await heading(one), 'Accounts and sign-in');

    // Tab one unticks Microsoft Intune while focus in tab two is on a checkbox of the Intune
    // step: that step is gone, so tab two moves to tab one's step, focus on the new heading, not
    // dropped to <body>.
    await mdm.focus();
    await goToStep(one, 'Services and tenant');
    await one.locator('#question-services').getByLabel('Microsoft Intune').uncheck();
    await waitText(two.locator('#step-heading'), 'Services and tenant');
    await until(async () => (await focusedId(two)) === 'step-heading', 'focus on the step heading in tab two');
    assert.ok(!(await two.locator('#question-services').getByLabel('Microsoft Intune').isChecked()));
    assert.equal(await two.locator('.step-count').innerText(), 'Step 1 of 4');
    assert.deepEqual([...one.errors, ...two.errors], []);
  } finally {
    await context.close();
  }
});

test('storage blocked: the replace-or-keep question does not say progress is saved in this browser', async () => {
  const context = await env.context();
  try {
    await blockStorage(context);
    const page = await openPage(context, env.url);
    await waitText(notices(page), MEMORY_NOTICE);
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.evaluate(() => { location.hash = 'services=azure_rms'; });
    const prompt = page.getByRole('alertdialog');
    const text = await waitText(prompt, 'Open the scope from this link?');
    assert.doesNotMatch(text, /progress saved in this browser|saved answers/);
    assert.match(text, /You also have progress in this tab that is not saved in this browser\. Replacing it overwrites your answers and ticks\./);
    await prompt.getByRole('button', { name: 'Keep my progress' }).click();
    const after = await waitText(notices(page), 'the link was not opened');
    assert.match(after, /Kept your progress; the link was not opened\./);
    assert.doesNotMatch(after, /saved progress/);
    assert.ok(await page.locator('#question-services').getByLabel('Microsoft Intune').isChecked());
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

/** Makes `localStorage.setItem` throw QuotaExceededError in every page of `context` while the
 *  page's `window.__storageFull` is set. */
async function quotaSwitch(context) {
  await context.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
}

test('storage full: the replace-or-keep question says the progress in this tab is not saved', async () => {
  const context = await env.context();
  try {
    await quotaSwitch(context);
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await until(async () => (await storage(page))[KEY]?.includes('intune'), 'the first answer saved');
    await page.evaluate(() => { window.__storageFull = true; });
    await answer(page, 'Which services', 'Azure Rights Management');
    await waitText(notices(page), 'full or no longer available');
    await page.evaluate(() => { location.hash = 'services=aad_premium'; });
    const prompt = page.getByRole('alertdialog');
    const text = await waitText(prompt, 'Open the scope from this link?');
    assert.match(text, /You also have progress in this tab that is not saved in this browser\./);
    await prompt.getByRole('button', { name: 'Keep my progress' }).click();
    await waitText(notices(page), 'Kept your progress; the link was not opened.');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('storage full for a while: the next change saves again, and the notice gives way to "saving works again"', async () => {
  const context = await env.context();
  try {
    await quotaSwitch(context);
    const page = await openPage(context, env.url);
    const full = (on) => page.evaluate((v) => { window.__storageFull = v; }, on);
    const saved = async () => JSON.parse((await storage(page))[KEY] || '{}');
    await answer(page, 'Which services', 'Microsoft Intune');
    await until(async () => (await saved()).answers?.services?.length === 1, 'the first answer saved');

    await full(true);
    await answer(page, 'Which services', 'Azure Rights Management');
    await waitText(notices(page), 'full or no longer available');
    // An outcome shown meanwhile (a damaged link refused).
    await page.evaluate(() => { location.hash = 's1.damaged'; });
    await waitText(notices(page), 'The link could not be opened');
    assert.deepEqual((await saved()).answers.services, ['intune']);

    // Room again: the next change writes everything, the changes made meanwhile included.
    await full(false);
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await until(async () => (await saved()).answers?.tenant?.[0] === 'new', 'the next change saved');
    assert.deepEqual((await saved()).answers.services, ['intune', 'azure_rms']);
    const text = await waitText(notices(page), 'Saving works again');
    assert.doesNotMatch(text, /full or no longer available/, 'the storage-full notice is gone');
    // The outcome shown stays beside it: saving again is not what the person did.
    assert.match(text, /The link could not be opened/);
    await nextStep(page);
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await until(async () => (await saved()).answers?.directory?.[0] === 'single_forest', 'the later answer saved');

    // Full again: said again (once, and not again after it is dismissed), and again it recovers.
    await full(true);
    await answer(page, 'How will users sign in', 'Federated identities (AD FS, single sign-on)');
    await waitText(notices(page), 'full or no longer available');
    const warning = notices(page).locator('.notice', { hasText: 'full or no longer available' });
    await warning.getByRole('button', { name: 'Dismiss' }).click();
    await answer(page, 'custom synchronization rule', 'No, the standard rules will do');
    await new Promise((r) => setTimeout(r, 300));
    assert.doesNotMatch(await notices(page).innerText(), /full or no longer available/, 'not said again at every change');
    await full(false);
    await answer(page, 'Exchange Server on premises', 'Yes');
    await until(async () => (await saved()).answers?.exchange_onprem?.[0] === 'yes', 'saved once more');

    await page.reload();
    await page.waitForSelector('html.ready');
    assert.equal(await heading(page), 'Accounts and sign-in');
    assert.ok(await page.getByLabel('One on-premises Active Directory forest', { exact: true }).isChecked());
    assert.ok(await page.getByLabel('Federated identities (AD FS, single sign-on)', { exact: true }).isChecked());
    await goToStep(page, 'Services and tenant');
    assert.ok(await page.locator('#question-services').getByLabel('Azure Rights Management').isChecked());
    assert.ok(await page.getByLabel('A new tenant', { exact: true }).isChecked());
    assert.equal(await notices(page).innerText(), '');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('a failed write is tried again, but never over a record a newer version wrote meanwhile', async () => {
  const context = await env.context();
  try {
    await quotaSwitch(context);
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await until(async () => (await storage(page))[KEY]?.includes('intune'), 'the first answer saved');
    await page.evaluate(() => { window.__storageFull = true; });
    await answer(page, 'Which services', 'Azure Rights Management');
    await waitText(notices(page), 'full or no longer available');
    await page.evaluate(() => { window.__storageFull = false; });
    // A newer version of the wizard writes the record from another tab (here a page of the same
    // origin without the app).
    const record = '{"format":99,"answers":{"services":["aad_premium"]},"step":"aad","done":[]}';
    const other = await openPage(context);
    await other.goto(new URL('favicon.svg', env.url).href);
    await other.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, record]);
    await waitText(notices(page), 'A newer version of the wizard saved in another tab');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await waitText(page.locator('section.guidance'), 'Contact you within 30 days');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await storage(page))[KEY], record, 'left for the newer version');
    assert.doesNotMatch(await notices(page).innerText(), /Saving works again/);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

/** Makes reading `window.localStorage` throw from now on, as when the person blocks the site's
 *  storage in the middle of a session; returns a function that gives it back. */
async function takeStorageAway(page) {
  await page.evaluate(() => {
    window.__localStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('denied', 'SecurityError'); },
    });
  });
  return () => page.evaluate(() => {
    if (window.__localStorage) Object.defineProperty(window, 'localStorage', window.__localStorage);
    else delete window.localStorage;
  });
}

test('localStorage taken away mid-session: the answers stay, saving stopped is said, and it saves again once back', async () => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    const services = page.locator('#question-services');
    await answer(page, 'Which services', 'Microsoft Intune');
    await until(async () => (await storage(page))[KEY]?.includes('intune'), 'the first answer saved');

    const giveBack = await takeStorageAway(page);
    await answer(page, 'Which services', 'Azure Rights Management');
    const text = await waitText(notices(page), 'Saving stopped');
    assert.match(text, /latest changes will not be kept after this tab closes/);
    assert.equal(await page.locator('.panic-page').count(), 0, 'no error page');
    // The answers stay on screen, and the wizard goes on.
    assert.ok(await services.getByLabel('Microsoft Intune').isChecked());
    assert.ok(await services.getByLabel('Azure Rights Management').isChecked());
    await waitText(page.locator('.step-count'), 'Step 1 of 5');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await waitText(page.locator('section.guidance'), 'Contact you within 30 days');
    assert.equal((await notices(page).innerText()).split('Saving stopped').length, 2, 'said once');

    await giveBack();
    await answer(page, 'Which services', 'Azure Active Directory Premium');
    const after = await waitText(notices(page), 'Saving works again');
    assert.doesNotMatch(after, /Saving stopped/);
    const saved = JSON.parse((await storage(page))[KEY]);
    assert.deepEqual(saved.answers, { services: ['aad_premium', 'intune', 'azure_rms'], tenant: ['new'] }, 'every change since saved');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('the error page says the answers are saved only when the last write worked', async () => {
  const record = '{"version":1,"answers":{"services":"intune","tenant":"new"},"step":1}';
  const errorPage = async (context) => {
    const setter = await context.newPage();
    await setter.goto(new URL('favicon.svg', env.url).href);
    await setter.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, record]);
    const page = await openPage(context);
    await page.goto(`${env.url}?debug=panic`);
    return waitText(page.getByRole('alert'), 'Something went wrong');
  };
  const working = await env.context();
  try {
    assert.match(await errorPage(working), /your answers are saved/);
  } finally {
    await working.close();
  }
  // The record is found and read, then storage is taken away before the app writes it in this
  // version's format: that write fails, so the answers on screen are not saved.
  const failing = await env.context();
  try {
    await failing.addInitScript(() => {
      let reads = 0;
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key) {
        const value = getItem.call(this, key);
        // The loader reads the record first, the app second.
        if (key === 'ems-scope-wizard/progress' && ++reads === 2) {
          Object.defineProperty(window, 'localStorage', {
            configurable: true,
            get() { throw new DOMException('denied', 'SecurityError'); },
          });
        }
        return value;
      };
    });
    const text = await errorPage(failing);
    assert.doesNotMatch(text, /are saved/);
    assert.match(text, /answers since the last share link or export may be lost/);
  } finally {
    await failing.close();
  }
});

test('"Start over…" asks first, then erases answers and ticks', async () => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answerSituation(page);
    await page.locator('section.guidance').getByRole('checkbox', { name: 'Provide a remediation checklist.', exact: true }).check();
    await page.getByRole('button', { name: 'Start over…' }).click();
    const confirm = page.getByRole('alertdialog');
    assert.match(await confirm.innerText(), /Erase all answers and done ticks in this browser\?/);
    // Cancel keeps everything.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await totals(page), '45 in scope, 1 done');
    await page.getByRole('button', { name: 'Start over…' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await waitText(notices(page), 'Started over: all answers and ticks are erased.');
    await waitText(page.locator('.step-count'), 'Step 1 of 3');
    assert.equal(await heading(page), 'Services and tenant');
    assert.ok(!(await page.locator('#question-services').getByLabel('Microsoft Intune').isChecked()));
    assert.match(await totals(page), /^18 in scope, 0 done/);
    await until(async () => {
      const saved = JSON.parse((await storage(page))[KEY] || '{}');
      return saved.format === 2 && Object.keys(saved.answers).length === 0 && saved.done.length === 0;
    }, 'storage to be cleared');
    await page.reload();
    await page.waitForSelector('html.ready');
    assert.equal(await page.locator('.step-count').innerText(), 'Step 1 of 3');
  } finally {
    await context.close();
  }
});
