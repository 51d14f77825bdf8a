// Saved progress: kept across reloads, unreadable or newer records kept aside, old records
// migrated, blocked or full storage explained, two tabs in step, and start over.
import { test, expect } from './fixtures.mjs';
import {
  openPage, answer, goToStep, nextStep, answerSituation, storage, notices, KEY, ASIDE_PREFIX, ready,
} from './helpers.mjs';

const MEMORY_NOTICE = 'will not be kept after this tab closes';
/** A key of a record kept aside, as a pattern: the prefix, then a number. */
const asideKey = `${ASIDE_PREFIX.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\d+`;

/** The texts of the records kept aside in `saved` (a page's storage), by key. */
const keptAside = (saved) => Object.entries(saved).filter(([k]) => k.startsWith(ASIDE_PREFIX));

/** A page whose localStorage holds `record` under the progress key when the app starts. */
async function withRecord(env, context, record) {
  const page = await openPage(context, env.url);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, record]);
  await page.reload();
  await ready(page);
  return page;
}

/** Storage blocked as in a cross-site frame: reading `localStorage` throws. */
const blockStorage = (context) => context.addInitScript(() => {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
});

test('a reload finds the answers, the step and the done ticks as they were', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answerSituation(page);
    await goToStep(page, 'Microsoft Intune');
    const guidance = page.locator('section.guidance');
    await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
    await guidance.getByRole('checkbox', { name: 'Conditional access policies.', exact: true }).check();
    await expect(page.locator('section.guidance .totals')).toContainText('2 done', { useInnerText: true });
    await expect.poll(async () => (await storage(page))[KEY]?.includes('intune.mdm.conditional_access'), { message: 'the tick to be saved' }).toBeTruthy();

    await page.reload();
    await ready(page);
    await expect(page.locator('#step-heading')).toHaveText('Microsoft Intune', { useInnerText: true });
    await expect(page.locator('.step-count')).toHaveText('Step 3 of 5', { useInnerText: true });
    await expect(page.locator('#question-mdm_authority').getByLabel('Microsoft Intune', { exact: true })).toBeChecked();
    await expect(page.locator('#question-intune_scope').getByLabel('Mobile devices (MDM)')).toBeChecked();
    await expect(page.locator('section.guidance .totals')).toHaveText('45 in scope, 2 done', { useInnerText: true });
    await expect(guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true })).toBeChecked();
    await expect(guidance.getByRole('checkbox', { name: 'Conditional access policies.', exact: true })).toBeChecked();
    await goToStep(page, 'Services and tenant');
    await expect(page.locator('#question-services').getByLabel('Azure Rights Management')).toBeChecked();
    await expect(page.getByLabel('A new tenant', { exact: true })).toBeChecked();
    await expect(notices(page), 'no notice on a normal reload').toHaveText('', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('a corrupt record is kept aside under an "unreadable" key and the user is told', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await withRecord(env, context, '{not json');
    await expect(notices(page)).toContainText('could not be read', { useInnerText: true });
    const text = await notices(page).innerText();
    expect(text).toMatch(new RegExp(`Your saved progress could not be read: .*It is kept aside in this browser's storage under "${asideKey}", and the wizard starts fresh\\.`, 's'));
    const saved = await storage(page);
    const aside = keptAside(saved);
    expect(aside.length, `one record kept aside: ${JSON.stringify(saved)}`).toBe(1);
    expect(aside[0][1]).toBe('{not json');
    expect(text, 'the notice names the key').toContain(aside[0][0]);
    expect(saved[KEY]).not.toBe('{not json');
    // On a 360 px phone the long key wraps inside the notice: nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'the notice fits 360 px').toBeTruthy();
    await page.setViewportSize({ width: 1280, height: 900 });
    // The wizard works from a fresh start.
    await expect(page.locator('.step-count')).toHaveText('Step 1 of 3', { useInnerText: true });
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect(page.locator('.step-count')).toContainText('Step 1 of 4', { useInnerText: true });
    // The notice can be dismissed.
    await notices(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notices(page).innerText(), { message: 'the notice to go' }).toBe('');
  } finally {
    await context.close();
  }
});

test('a record read in part loads the rest, says what was left out and keeps the whole aside', async ({ env }) => {
  const context = await env.context();
  try {
    const record = '{"format":2,"answers":{"services":["intune"],"tenant":"new"},"step":"intune","done":["general.remote_support"]}';
    const page = await withRecord(env, context, record);
    await expect(notices(page)).toContainText('could not be read', { useInnerText: true });
    const text = await notices(page).innerText();
    expect(text).toMatch(new RegExp(`Part of your saved progress could not be read and was left out: your answer to Tenant\\. The rest is loaded\\. The record as it was is kept aside in this browser's storage under "${asideKey}"\\.`));
    // What could be read is on screen: the step, the answer, the tick.
    await expect(page.locator('#step-heading')).toHaveText('Microsoft Intune', { useInnerText: true });
    await expect(page.locator('section.guidance .totals')).toContainText('1 done', { useInnerText: true });
    const saved = await storage(page);
    const aside = keptAside(saved);
    expect(aside.length, `one record kept aside: ${JSON.stringify(saved)}`).toBe(1);
    expect(aside[0][1], 'the record exactly as it was').toBe(record);
    // The readable part is written in its place at once: a reload neither copies nor says it again.
    expect(JSON.parse(saved[KEY]).answers).toStrictEqual({ services: ['intune'] });
    await page.reload();
    await ready(page);
    await expect(notices(page), 'no notice on the next visit').toHaveText('', { useInnerText: true });
    expect(keptAside(await storage(page)).length, 'nothing copied aside again').toBe(1);
    await expect(page.locator('#step-heading')).toHaveText('Microsoft Intune', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('an old format-1 record is migrated: answers checked, step kept, the user told', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await withRecord(env, context, '{"version":1,"answers":{"services":"intune","tenant":"new"},"step":1}');
    await expect(notices(page)).toContainText('earlier version', { useInnerText: true });
    await expect(notices(page)).toHaveText(/came from an earlier version of the wizard and was updated/, { useInnerText: true });
    await expect(page.locator('#step-heading'), 'format 1 step 1 is the second step').toHaveText('Accounts and sign-in', { useInnerText: true });
    await goToStep(page, 'Services and tenant');
    await expect(page.locator('#question-services').getByLabel('Microsoft Intune')).toBeChecked();
    await expect(page.locator('#question-services').getByLabel('Azure Rights Management')).not.toBeChecked();
    await expect(page.getByLabel('A new tenant', { exact: true })).toBeChecked();
    await expect(page.locator('section.guidance')).toContainText('Contact you within 30 days', { useInnerText: true });
    // Rewritten in the current format.
    const saved = JSON.parse((await storage(page))[KEY]);
    expect(saved.format).toBe(2);
    expect(saved.answers.services).toStrictEqual(['intune']);
    expect(keptAside(await storage(page)).length).toBe(0);
  } finally {
    await context.close();
  }
});

test('a record from a newer version is kept aside and left untouched for that version, and the user told', async ({ env }) => {
  const context = await env.context();
  try {
    const record = '{"format":99,"answers":{"services":["intune"]},"step":"intune","done":[]}';
    const page = await withRecord(env, context, record);
    await expect(notices(page)).toContainText('newer version', { useInnerText: true });
    const text = await notices(page).innerText();
    expect(text).toMatch(/written by a newer version of the wizard/);
    expect(text).toMatch(/left untouched/);
    expect(text).toMatch(new RegExp(`A copy is kept under "${asideKey}"`));
    // Answering here must not overwrite it: this tab works from memory.
    await page.locator('#question-services').getByLabel('Microsoft Intune').check();
    const saved = await storage(page);
    expect(saved[KEY]).toBe(record);
    const aside = keptAside(saved);
    expect(aside.length).toBe(1);
    expect(aside[0][1]).toBe(record);
    await page.locator('#question-services').getByLabel('Microsoft Intune').uncheck();
    await expect(page.locator('.step-count')).toHaveText('Step 1 of 3', { useInnerText: true });
    await expect(page.locator('#question-services').getByLabel('Microsoft Intune')).not.toBeChecked();
  } finally {
    await context.close();
  }
});

test('storage blocked by the browser: the wizard still runs, and says progress lives only in the tab', async ({ env }) => {
  const context = await env.context();
  try {
    await blockStorage(context);
    const page = await openPage(context, env.url);
    await expect(notices(page)).toContainText(MEMORY_NOTICE, { useInnerText: true });
    await expect(page.locator('#step-heading')).toHaveText('Services and tenant', { useInnerText: true });
    await answer(page, 'Which services', 'Microsoft Intune');
    await nextStep(page);
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await expect(page.locator('section.guidance')).toContainText('Installing a directory synchronization server', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('storage full after load: the user is told and the wizard keeps working', async ({ env }) => {
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
    await expect.poll(async () => (await storage(page))[KEY]?.includes('intune'), { message: 'the first answer saved' }).toBeTruthy();
    await expect(notices(page)).toHaveText('', { useInnerText: true });
    await page.evaluate(() => { window.__storageFull = true; });
    await answer(page, 'Which services', 'Azure Rights Management');
    await expect(notices(page)).toContainText('full or no longer available', { useInnerText: true });
    const text = await notices(page).innerText();
    expect(text).toMatch(/latest changes will not be kept after this tab closes/);
    // Still working: the answer took effect and later ones do too.
    await expect(page.locator('.step-count')).toContainText('Step 1 of 5', { useInnerText: true });
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await expect(page.locator('section.guidance')).toContainText('Contact you within 30 days', { useInnerText: true });
    await nextStep(page);
    await expect(page.locator('#step-heading')).toHaveText('Accounts and sign-in', { useInnerText: true });
    // What was saved before the quota ran out is still there.
    const saved = JSON.parse((await storage(page))[KEY]);
    expect(saved.answers.services).toStrictEqual(['intune']);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('two tabs of the same browser follow each other', async ({ env }) => {
  const context = await env.context();
  try {
    const one = await openPage(context, env.url);
    const two = await openPage(context, env.url);
    await answer(one, 'Which services', 'Microsoft Intune');
    await expect(two.locator('#question-services').getByLabel('Microsoft Intune'), 'tab two to follow tab one').toBeChecked();
    await expect(two.locator('.step-count')).toContainText('Step 1 of 4', { useInnerText: true });
    await answer(two, 'new tenant or an existing', 'An existing tenant');
    await expect(one.getByLabel('An existing tenant', { exact: true }), 'tab one to follow tab two').toBeChecked();
    await two.locator('section.guidance').getByRole('checkbox', { name: 'Provide a remediation checklist.', exact: true }).check();
    await expect(one.locator('section.guidance').getByRole('checkbox', { name: 'Provide a remediation checklist.', exact: true }), 'the tick in tab one').toBeChecked();
    await expect(one.locator('section.guidance .totals')).toHaveText(/, 1 done/, { useInnerText: true });
    expect([...one.errors, ...two.errors]).toStrictEqual([]);
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
  await expect(box(to), `"${name}" ticked in the other tab`).toBeChecked();
}

async function savedStep(page) {
  return JSON.parse((await storage(page))[KEY]).step;
}

test('two tabs each keep their own step; one moves only when its step is gone, focus on its heading', async ({ env }) => {
  const context = await env.context();
  try {
    const one = await openPage(context, env.url);
    await answerSituation(one);
    const two = await openPage(context, env.url);
    await expect(two.locator('#step-heading')).toHaveText('Summary and sharing', { useInnerText: true });
    // Text typed in tab two, which tab one's step clicks must not throw away.
    await two.locator('#import-text').fill('services=aad_premium');
    expect(await focusedId(two)).toBe('import-text');

    await goToStep(one, 'Microsoft Intune');
    await syncTick(one, two, 'Provide an administrative overview.');
    await expect(two.locator('#step-heading'), 'tab two stays where it was').toHaveText('Summary and sharing', { useInnerText: true });
    await expect(two.locator('#import-text')).toHaveValue('services=aad_premium');
    expect(await focusedId(two), 'focus stays in the import box').toBe('import-text');
    // Following is not a change of tab two's: the record keeps the step of the tab that changed it.
    await new Promise((r) => setTimeout(r, 300));
    expect(await savedStep(two)).toBe('intune');

    // A keyboard user in tab two on a checkbox of the Intune step, while tab one moves on.
    await goToStep(two, 'Microsoft Intune');
    const mdm = two.locator('#question-intune_scope').getByLabel('Mobile devices (MDM)');
    await mdm.focus();
    const mdmId = await mdm.getAttribute('id');
    await goToStep(one, 'Accounts and sign-in');
    await syncTick(one, two, 'Conditional access policies.');
    await expect(two.locator('#step-heading')).toHaveText('Microsoft Intune', { useInnerText: true });
    expect(await focusedId(two), 'focus stays on the checkbox').toBe(mdmId);
    expect(await savedStep(one)).toBe('environment');
    // The last tab that changed something saves its own step.
    await syncTick(two, one, 'Provide a remediation checklist.');
    expect(await savedStep(one)).toBe('intune');
    await expect(one.locator('#step-heading')).toHaveText('Accounts and sign-in', { useInnerText: true });

    // Tab one unticks Microsoft Intune while focus in tab two is on a checkbox of the Intune
    // step: that step is gone, so tab two moves to tab one's step, focus on the new heading, not
    // dropped to <body>.
    await mdm.focus();
    await goToStep(one, 'Services and tenant');
    await one.locator('#question-services').getByLabel('Microsoft Intune').uncheck();
    await expect(two.locator('#step-heading')).toContainText('Services and tenant', { useInnerText: true });
    await expect.poll(() => focusedId(two), { message: 'focus on the step heading in tab two' }).toBe('step-heading');
    await expect(two.locator('#question-services').getByLabel('Microsoft Intune')).not.toBeChecked();
    await expect(two.locator('.step-count')).toHaveText('Step 1 of 4', { useInnerText: true });
    expect([...one.errors, ...two.errors]).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('storage blocked: the replace-or-keep question does not say progress is saved in this browser', async ({ env }) => {
  const context = await env.context();
  try {
    await blockStorage(context);
    const page = await openPage(context, env.url);
    await expect(notices(page)).toContainText(MEMORY_NOTICE, { useInnerText: true });
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.evaluate(() => { location.hash = 'services=azure_rms'; });
    const prompt = page.getByRole('alertdialog');
    await expect(prompt).toContainText('Open the scope from this link?', { useInnerText: true });
    const text = await prompt.innerText();
    expect(text).not.toMatch(/progress saved in this browser|saved answers/);
    expect(text).toMatch(/You also have progress in this tab that is not saved in this browser\. Replacing it overwrites your answers and ticks\./);
    await prompt.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(notices(page)).toContainText('the link was not opened', { useInnerText: true });
    const after = await notices(page).innerText();
    expect(after).toMatch(/Kept your progress; the link was not opened\./);
    expect(after).not.toMatch(/saved progress/);
    await expect(page.locator('#question-services').getByLabel('Microsoft Intune')).toBeChecked();
    expect(page.errors).toStrictEqual([]);
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

test('storage full: the replace-or-keep question says the progress in this tab is not saved', async ({ env }) => {
  const context = await env.context();
  try {
    await quotaSwitch(context);
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect.poll(async () => (await storage(page))[KEY]?.includes('intune'), { message: 'the first answer saved' }).toBeTruthy();
    await page.evaluate(() => { window.__storageFull = true; });
    await answer(page, 'Which services', 'Azure Rights Management');
    await expect(notices(page)).toContainText('full or no longer available', { useInnerText: true });
    await page.evaluate(() => { location.hash = 'services=aad_premium'; });
    const prompt = page.getByRole('alertdialog');
    await expect(prompt).toContainText('Open the scope from this link?', { useInnerText: true });
    const text = await prompt.innerText();
    expect(text).toMatch(/You also have progress in this tab that is not saved in this browser\./);
    await prompt.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(notices(page)).toContainText('Kept your progress; the link was not opened.', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('storage full for a while: the next change saves again, and the notice gives way to "saving works again"', async ({ env }) => {
  const context = await env.context();
  try {
    await quotaSwitch(context);
    const page = await openPage(context, env.url);
    const full = (on) => page.evaluate((v) => { window.__storageFull = v; }, on);
    const saved = async () => JSON.parse((await storage(page))[KEY] || '{}');
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect.poll(async () => (await saved()).answers?.services?.length === 1, { message: 'the first answer saved' }).toBeTruthy();

    await full(true);
    await answer(page, 'Which services', 'Azure Rights Management');
    await expect(notices(page)).toContainText('full or no longer available', { useInnerText: true });
    // An outcome shown meanwhile (a damaged link refused).
    await page.evaluate(() => { location.hash = 's1.damaged'; });
    await expect(notices(page)).toContainText('The link could not be opened', { useInnerText: true });
    expect((await saved()).answers.services).toStrictEqual(['intune']);

    // Room again: the next change writes everything, the changes made meanwhile included.
    await full(false);
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await expect.poll(async () => (await saved()).answers?.tenant?.[0] === 'new', { message: 'the next change saved' }).toBeTruthy();
    expect((await saved()).answers.services).toStrictEqual(['intune', 'azure_rms']);
    await expect(notices(page)).toContainText('Saving works again', { useInnerText: true });
    const text = await notices(page).innerText();
    expect(text, 'the storage-full notice is gone').not.toMatch(/full or no longer available/);
    // The outcome shown stays beside it: saving again is not what the person did.
    expect(text).toMatch(/The link could not be opened/);
    await nextStep(page);
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await expect.poll(async () => (await saved()).answers?.directory?.[0] === 'single_forest', { message: 'the later answer saved' }).toBeTruthy();

    // Full again: said again (once, and not again after it is dismissed), and again it recovers.
    await full(true);
    await answer(page, 'How will users sign in', 'Federated identities (AD FS, single sign-on)');
    await expect(notices(page)).toContainText('full or no longer available', { useInnerText: true });
    const warning = notices(page).locator('.notice', { hasText: 'full or no longer available' });
    await warning.getByRole('button', { name: 'Dismiss' }).click();
    await answer(page, 'custom synchronization rule', 'No, the standard rules will do');
    await new Promise((r) => setTimeout(r, 300));
    await expect(notices(page), 'not said again at every change').not.toHaveText(/full or no longer available/, { useInnerText: true });
    await full(false);
    await answer(page, 'Exchange Server on premises', 'Yes');
    await expect.poll(async () => (await saved()).answers?.exchange_onprem?.[0] === 'yes', { message: 'saved once more' }).toBeTruthy();

    await page.reload();
    await ready(page);
    await expect(page.locator('#step-heading')).toHaveText('Accounts and sign-in', { useInnerText: true });
    await expect(page.getByLabel('One on-premises Active Directory forest', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Federated identities (AD FS, single sign-on)', { exact: true })).toBeChecked();
    await goToStep(page, 'Services and tenant');
    await expect(page.locator('#question-services').getByLabel('Azure Rights Management')).toBeChecked();
    await expect(page.getByLabel('A new tenant', { exact: true })).toBeChecked();
    await expect(notices(page)).toHaveText('', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('a failed write is tried again, but never over a record a newer version wrote meanwhile', async ({ env }) => {
  const context = await env.context();
  try {
    await quotaSwitch(context);
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect.poll(async () => (await storage(page))[KEY]?.includes('intune'), { message: 'the first answer saved' }).toBeTruthy();
    await page.evaluate(() => { window.__storageFull = true; });
    await answer(page, 'Which services', 'Azure Rights Management');
    await expect(notices(page)).toContainText('full or no longer available', { useInnerText: true });
    await page.evaluate(() => { window.__storageFull = false; });
    // A newer version of the wizard writes the record from another tab (here a page of the same
    // origin without the app).
    const record = '{"format":99,"answers":{"services":["aad_premium"]},"step":"aad","done":[]}';
    const other = await openPage(context);
    await other.goto(new URL('favicon.svg', env.url).href);
    await other.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, record]);
    await expect(notices(page)).toContainText('A newer version of the wizard saved in another tab', { useInnerText: true });
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await expect(page.locator('section.guidance')).toContainText('Contact you within 30 days', { useInnerText: true });
    await new Promise((r) => setTimeout(r, 300));
    expect((await storage(page))[KEY], 'left for the newer version').toBe(record);
    await expect(notices(page)).not.toHaveText(/Saving works again/, { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
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

test('localStorage taken away mid-session: the answers stay, saving stopped is said, and it saves again once back', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    const services = page.locator('#question-services');
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect.poll(async () => (await storage(page))[KEY]?.includes('intune'), { message: 'the first answer saved' }).toBeTruthy();

    const giveBack = await takeStorageAway(page);
    await answer(page, 'Which services', 'Azure Rights Management');
    await expect(notices(page)).toContainText('Saving stopped', { useInnerText: true });
    const text = await notices(page).innerText();
    expect(text).toMatch(/latest changes will not be kept after this tab closes/);
    await expect(page.locator('.panic-page'), 'no error page').toHaveCount(0);
    // The answers stay on screen, and the wizard goes on.
    await expect(services.getByLabel('Microsoft Intune')).toBeChecked();
    await expect(services.getByLabel('Azure Rights Management')).toBeChecked();
    await expect(page.locator('.step-count')).toContainText('Step 1 of 5', { useInnerText: true });
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await expect(page.locator('section.guidance')).toContainText('Contact you within 30 days', { useInnerText: true });
    expect((await notices(page).innerText()).split('Saving stopped').length, 'said once').toBe(2);

    await giveBack();
    await answer(page, 'Which services', 'Azure Active Directory Premium');
    await expect(notices(page)).toContainText('Saving works again', { useInnerText: true });
    const after = await notices(page).innerText();
    expect(after).not.toMatch(/Saving stopped/);
    const saved = JSON.parse((await storage(page))[KEY]);
    expect(saved.answers, 'every change since saved').toStrictEqual({ services: ['aad_premium', 'intune', 'azure_rms'], tenant: ['new'] });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('the error page says the answers are saved only when the last write worked', async ({ env }) => {
  const record = '{"version":1,"answers":{"services":"intune","tenant":"new"},"step":1}';
  const errorPage = async (context) => {
    const setter = await context.newPage();
    await setter.goto(new URL('favicon.svg', env.url).href);
    await setter.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, record]);
    const page = await openPage(context);
    await page.goto(`${env.url}?debug=panic`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Something went wrong', { useInnerText: true });
    return alert.innerText();
  };
  const working = await env.context();
  try {
    expect(await errorPage(working)).toMatch(/your answers are saved/);
  } finally {
    await working.close();
  }
  // The record is found and read, then storage is taken away before the app writes it in this
  // version's format: that write fails, so the answers on screen are not saved.
  const failing = await env.context();
  try {
    await failing.addInitScript((progressKey) => {
      let reads = 0;
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key) {
        const value = getItem.call(this, key);
        // The loader reads the record first, the app second.
        if (key === progressKey && ++reads === 2) {
          Object.defineProperty(window, 'localStorage', {
            configurable: true,
            get() { throw new DOMException('denied', 'SecurityError'); },
          });
        }
        return value;
      };
    }, KEY);
    const text = await errorPage(failing);
    expect(text).not.toMatch(/are saved/);
    expect(text).toMatch(/answers since the last share link or export may be lost/);
  } finally {
    await failing.close();
  }
});

test('"Start over…" asks first, then erases answers and ticks', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answerSituation(page);
    await page.locator('section.guidance').getByRole('checkbox', { name: 'Provide a remediation checklist.', exact: true }).check();
    await page.getByRole('button', { name: 'Start over…' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toHaveText(/Erase all answers and done ticks in this browser\?/, { useInnerText: true });
    // Cancel keeps everything.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('section.guidance .totals')).toHaveText('45 in scope, 1 done', { useInnerText: true });
    await page.getByRole('button', { name: 'Start over…' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await expect(notices(page)).toContainText('Started over: all answers and ticks are erased.', { useInnerText: true });
    await expect(page.locator('.step-count')).toContainText('Step 1 of 3', { useInnerText: true });
    await expect(page.locator('#step-heading')).toHaveText('Services and tenant', { useInnerText: true });
    await expect(page.locator('#question-services').getByLabel('Microsoft Intune')).not.toBeChecked();
    await expect(page.locator('section.guidance .totals')).toHaveText(/^18 in scope, 0 done/, { useInnerText: true });
    await expect.poll(async () => {
      const saved = JSON.parse((await storage(page))[KEY] || '{}');
      return saved.format === 2 && Object.keys(saved.answers).length === 0 && saved.done.length === 0;
    }, { message: 'storage to be cleared' }).toBeTruthy();
    await page.reload();
    await ready(page);
    await expect(page.locator('.step-count')).toHaveText('Step 1 of 3', { useInnerText: true });
  } finally {
    await context.close();
  }
});
