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
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
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
