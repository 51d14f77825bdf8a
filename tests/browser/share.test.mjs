// Share links, prefill links, downloads, and import/compare, on the "Summary and sharing" step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  setup, openPage, answer, heading, goToStep, inScopeTexts, totals, answerSituation, waitText, until,
  storage, notices, KEY, ready, item, shot,
} from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The situation with two ticks, on the summary step. */
async function situationWithTicks(page) {
  await answerSituation(page);
  const guidance = page.locator('section.guidance');
  await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
  await guidance.getByRole('checkbox', { name: 'Conditional access policies.', exact: true }).check();
  await waitText(page.locator('section.guidance .totals'), '45 in scope, 2 done');
}

/** Clicks a download button; returns the file's suggested name and its text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

async function shareLink(page) {
  return page.getByLabel('Share link', { exact: true }).inputValue();
}

/** Gives `page`'s origin some saved progress of its own: Azure AD Premium only, on step 1. */
async function ownProgress(context) {
  const page = await openPage(context, env.url);
  await answer(page, 'Which services', 'Azure Active Directory Premium');
  await until(async () => (await storage(page))[KEY]?.includes('aad_premium'), 'own progress saved');
  const record = (await storage(page))[KEY];
  await page.close();
  return record;
}

/** The situation with two ticks, as a share link made in a context of its own, and what it shows. */
async function situationLink() {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await situationWithTicks(page);
    return { link: await shareLink(page), inScope: await inScopeTexts(page) };
  } finally {
    await context.close();
  }
}

test('the share link opens the same scope in a new browser context', async () => {
  const a = await env.context();
  const b = await env.context();
  try {
    const page = await openPage(a, env.url);
    await situationWithTicks(page);
    const link = await shareLink(page);
    assert.ok(link.startsWith(`${env.url}#s1.`), link);
    const inScope = await inScopeTexts(page);

    // "Include my done ticks" off gives another link, without the ticks.
    await page.getByLabel('Include my done ticks').uncheck();
    const withoutTicks = await shareLink(page);
    assert.notEqual(withoutTicks, link);

    const other = await openPage(b, link);
    await waitText(other.locator('#step-heading'), 'Summary and sharing');
    assert.deepEqual(await inScopeTexts(other), inScope);
    assert.equal(await totals(other), '45 in scope, 2 done');
    assert.ok(await other.locator('section.guidance').getByRole('checkbox', { name: 'Conditional access policies.', exact: true }).isChecked());
    assert.equal(await other.getByRole('alertdialog').count(), 0, 'no prompt without saved progress');
    // The fragment is dropped from the address so a reload does not reopen it, and the scope is saved.
    assert.equal(other.url(), env.url);
    await other.reload();
    await other.waitForSelector('html.ready');
    assert.equal(await totals(other), '45 in scope, 2 done');
    assert.deepEqual(other.errors, []);

    const third = await openPage(await env.context(), withoutTicks);
    await waitText(third.locator('section.guidance .totals'), '45 in scope, 0 done');
    await third.context().close();
  } finally {
    await a.close();
    await b.close();
  }
});

test('a share link over saved progress asks before replacing it', async () => {
  const shared = await situationLink();
  const context = await env.context();
  try {
    const own = await ownProgress(context);
    const page = await openPage(context, shared.link);
    const prompt = page.getByRole('alertdialog');
    await waitText(prompt, 'Open the scope from this share link?');
    assert.match(await prompt.innerText(), /holds a scope with 45 items in scope\. You also have progress saved in this browser\./);
    // Nothing overwritten while the question is open.
    assert.equal((await storage(page))[KEY], own);
    assert.ok(await page.locator('#question-services').getByLabel('Azure Active Directory Premium').isChecked());

    await prompt.getByRole('button', { name: 'Keep my progress' }).click();
    await waitText(notices(page), 'Kept your saved progress; the share link was not opened.');
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    assert.equal((await storage(page))[KEY], own);
    assert.ok(await page.locator('#question-services').getByLabel('Azure Active Directory Premium').isChecked());

    // Again, and this time replace.
    const again = await openPage(context, shared.link);
    await again.getByRole('button', { name: 'Replace with the share link' }).click();
    await waitText(notices(again), 'The scope from the share link is open.');
    await waitText(again.locator('#step-heading'), 'Summary and sharing');
    assert.deepEqual(await inScopeTexts(again), shared.inScope);
    await until(async () => (await storage(again))[KEY] !== own, 'the replacement saved');
    assert.deepEqual([...page.errors, ...again.errors], []);
  } finally {
    await context.close();
  }
});

test('a link whose question waits stays in the address, so a reload asks again; once answered it goes', async () => {
  const shared = await situationLink();
  const context = await env.context();
  try {
    const own = await ownProgress(context);
    const page = await openPage(context, shared.link);
    await waitText(page.getByRole('alertdialog'), 'Open the scope from this share link?');
    assert.equal(await page.evaluate(() => location.hash.slice(1)), shared.link.split('#')[1]);
    await page.reload();
    await ready(page);
    await waitText(page.getByRole('alertdialog'), 'Open the scope from this share link?');
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await until(async () => (await page.evaluate(() => location.hash)) === '', 'the link cleared from the address');
    await page.reload();
    await ready(page);
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    assert.equal((await storage(page))[KEY], own);
  } finally {
    await context.close();
  }
});

test('each outcome replaces the last one\'s notice: a link kept, one opened, one damaged, Start over, an import opened', async () => {
  const shared = await situationLink();
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    const only = async (text) => {
      await waitText(notices(page), text);
      assert.deepEqual(await notices(page).locator('.notice p').allInnerTexts(), [text]);
    };
    const fragment = shared.link.split('#')[1];
    await page.evaluate((f) => { location.hash = f; }, fragment);
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await only('Kept your saved progress; the share link was not opened.');
    await page.evaluate((f) => { location.hash = f; }, fragment);
    await page.getByRole('button', { name: 'Replace with the share link' }).click();
    await only('The scope from the share link is open.');
    await page.evaluate(() => { location.hash = 'bogus=1'; });
    await waitText(notices(page), 'The link could not be opened');
    assert.equal(await notices(page).locator('.notice').count(), 1);
    await page.getByRole('button', { name: 'Start over…' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await only('Started over: all answers and ticks are erased.');
    // Nothing to lose after starting over: the import opens at once, and says so.
    await goToStep(page, 'Summary and sharing');
    await page.getByLabel('Share link or JSON export').fill(shared.link);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await only('The scope from the import is open.');
    assert.deepEqual(await inScopeTexts(page), shared.inScope);
  } finally {
    await context.close();
  }
});

test('a link taken at once clears a refusal before it; a link refused while an import question waits goes from the address', async () => {
  const shared = await situationLink();
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    const hash = () => page.evaluate(() => location.hash);
    await page.evaluate(() => { location.hash = 'services=word'; });
    await waitText(notices(page), 'The link could not be opened');
    await page.evaluate(() => { location.hash = 'services=intune'; });
    await until(async () => (await notices(page).locator('.notice').count()) === 0, 'the refusal gone once a link opened');
    assert.equal(await hash(), '');
    // Intune answered: an import now asks first. A damaged link meanwhile is refused and dropped.
    await goToStep(page, 'Summary and sharing');
    await page.getByLabel('Share link or JSON export').fill(shared.link);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await waitText(page.getByRole('alertdialog'), 'Open the scope from this import?');
    await page.evaluate(() => { location.hash = 'bogus=1'; });
    await waitText(notices(page), 'The link could not be opened');
    await until(async () => (await hash()) === '', 'the refused link gone from the address');
    await waitText(page.getByRole('alertdialog'), 'Open the scope from this import?');
  } finally {
    await context.close();
  }
});

test('Back to the step where a link was answered does not ask about the link again', async () => {
  const shared = await situationLink();
  const context = await env.context();
  try {
    await ownProgress(context);
    const page = await openPage(context, shared.link);
    await waitText(page.getByRole('alertdialog'), 'Open the scope from this share link?');
    await goToStep(page, 'Accounts and sign-in');
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await waitText(notices(page), 'Kept your saved progress; the share link was not opened.');
    await page.goBack();
    await waitText(page.locator('#step-heading'), 'Services and tenant');
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole('alertdialog').count(), 0);
  } finally {
    await context.close();
  }
});

test('a tampered share link is refused as damaged and saved progress is intact', async () => {
  const shared = await situationLink();
  const context = await env.context();
  try {
    const own = await ownProgress(context);
    const [base, payload] = shared.link.split('#s1.');
    const i = Math.floor(payload.length / 2);
    const swapped = payload[i] === 'A' ? 'B' : 'A';
    const tampered = `${base}#s1.${payload.slice(0, i)}${swapped}${payload.slice(i + 1)}`;
    const page = await openPage(context, tampered);
    const text = await waitText(notices(page), 'could not be opened');
    assert.match(text, /The link could not be opened: the link is damaged \(.*\); ask for it again, copied whole\. Your progress is unchanged\./);
    assert.equal(await page.locator('.notices .notice.error').count(), 1);
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    assert.equal((await storage(page))[KEY], own);
    assert.ok(await page.locator('#question-services').getByLabel('Azure Active Directory Premium').isChecked());
    assert.equal(page.url(), env.url, 'the damaged fragment is dropped from the address');

    // A cut-short link, too.
    const cut = await openPage(context, shared.link.slice(0, shared.link.length - 6));
    await waitText(notices(cut), 'the link is damaged');
    assert.equal((await storage(cut))[KEY], own);
  } finally {
    await context.close();
  }
});

test('a prefill link pre-answers the questions', async () => {
  const context = await env.context();
  try {
    const page = await openPage(context, `${env.url}#services=intune,aad_premium&directory=single_forest`);
    // It opens at the first step with a question left (the tenant, on the first step).
    await waitText(page.locator('#step-heading'), 'Services and tenant');
    await goToStep(page, 'Summary and sharing');
    const answers = await page.locator('dl.answers').innerText();
    assert.match(answers, /Services\s+Azure Active Directory Premium, Microsoft Intune/);
    assert.match(answers, /Accounts\s+One on-premises Active Directory forest/);
    await goToStep(page, 'Services and tenant');
    const services = page.locator('#question-services');
    assert.ok(await services.getByLabel('Microsoft Intune').isChecked());
    assert.ok(await services.getByLabel('Azure Active Directory Premium').isChecked());
    assert.ok(!(await services.getByLabel('Azure Rights Management').isChecked()));
    await goToStep(page, 'Accounts and sign-in');
    assert.ok(await page.getByLabel('One on-premises Active Directory forest').isChecked());
    await waitText(page.locator('section.guidance'), 'Installing a directory synchronization between your Active Directory Domain Services (AD DS) and Azure Active Directory Connect');
    // A prefill naming an unknown question is refused with a message.
    const bad = await openPage(context, `${env.url}#colour=blue`);
    await waitText(notices(bad), 'The link could not be opened');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('downloads: Markdown checklist and JSON export', async () => {
  const context = await env.context({ acceptDownloads: true });
  try {
    const page = await openPage(context, env.url);
    await situationWithTicks(page);

    const md = await download(page, 'Download Markdown');
    assert.match(md.name, /^ems-onboarding-scope-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = md.text;
    assert.match(markdown, /^# EMS onboarding scope, \d{4}-\d{2}-\d{2}$/m);
    assert.match(markdown, /^## Answers$/m);
    assert.match(markdown, /^- Services: Microsoft Intune, Azure Rights Management$/m);
    assert.match(markdown, /^## Assess phase \(8 items, 1 done\)$/m);
    assert.match(markdown, /^## Enable phase \(30 items, 1 done\)$/m);
    assert.match(markdown, /^- \[x\] Provide an administrative overview\./m);
    assert.match(markdown, /^ {2}- \[x\] Conditional access policies\./m);
    assert.match(markdown, /^- \[ \] Work with you to begin onboarding\./m);
    assert.match(markdown, /^ {2}- \[ \] .*Setting up the Microsoft Intune Exchange Connector, when applicable\./m);
    assert.equal((markdown.match(/- \[[ x]\] /g) || []).length, 45);
    assert.equal((markdown.match(/- \[x\] /g) || []).length, 2);
    await waitText(page.locator('section.block', { hasText: 'Export' }).locator('.status'), 'Downloaded ems-onboarding-scope-');

    const js = await download(page, 'Download JSON');
    assert.match(js.name, /^ems-onboarding-scope-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(js.text);
    assert.equal(json.schema, 'ems-onboarding-scope');
    assert.equal(json.version, 1);
    assert.equal(json.revision, 'current');
    assert.deepEqual(json.answers.services, ['intune', 'azure_rms']);
    assert.deepEqual(json.counts, { in_scope: 45, out_of_scope: 0, not_supported: 0, waiting: 0, done: 2 });
    assert.equal(json.items.length, 45);
    for (const it of json.items) {
      assert.equal(typeof it.id, 'string');
      assert.equal(typeof it.status, 'string');
      assert.equal(typeof it.done, 'boolean');
    }
    const byId = Object.fromEntries(json.items.map((x) => [x.id, x]));
    assert.equal(byId['assess.admin_overview'].done, true);
    assert.equal(byId['intune.mdm.conditional_access'].done, true);
    assert.equal(byId['intune.mdm.exchange_connector'].status, 'in_scope');
    assert.equal(byId['intune.mdm.exchange_connector'].done, false);
    assert.equal(byId['enable.adfs_single_forest'].source.document, '001_06cfb5ea52683897.txt');
    assert.equal(byId['rms.connector'].source.document, '000_70fb7c6a69ffa0f0.txt');
    assert.equal(byId['enable.adfs_multi_forest_note'], undefined);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('import: paste a JSON export and compare it with a changed scope; garbage is refused', async () => {
  const context = await env.context({ acceptDownloads: true });
  try {
    const page = await openPage(context, env.url);
    await situationWithTicks(page);
    const exported = (await download(page, 'Download JSON')).text;

    // Change an answer: a third-party MDM brings the MAM items in (and a warning).
    await goToStep(page, 'Microsoft Intune');
    await answer(page, 'third-party MDM', 'Yes');
    await waitText(page.locator('section.guidance .totals'), '49 in scope');
    await goToStep(page, 'Summary and sharing');

    const box = page.getByLabel('Share link or JSON export');
    await box.fill(exported);
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    const comparison = page.locator('.comparison');
    await waitText(comparison, 'differences between your scope and theirs');
    const text = await comparison.innerText();
    assert.match(text, /^4 differences between your scope and theirs:/);
    assert.match(text, /Configuring MAM policies for each supported platform\.\s+Only in yours/);
    assert.match(text, /Using managed-applications usage reports\.\s+Only in yours/);
    assert.equal(await comparison.locator('tbody tr').count(), 4);
    assert.equal(await page.locator('.error-text').innerText(), '');
    // Comparing again draws the result again (a new status that screen readers announce).
    const first = await comparison.elementHandle();
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await until(async () => !(await first.evaluate((e) => e.isConnected)), 'the comparison drawn again');
    await waitText(comparison, '4 differences between your scope and theirs');
    // Comparing changes nothing on our side.
    assert.match(await totals(page), /^49 in scope, 2 done/);

    // Garbage: an error, progress unchanged.
    const before = (await storage(page))[KEY];
    await box.fill('this is not a scope %%%');
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await waitText(page.locator('.error-text'), 'This is text, not a scope: paste the share link or the JSON export');
    await box.fill('{"hello": "world"}');
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await waitText(page.locator('.error-text'), 'This could not be read: this is not a scope saved by this wizard');
    assert.equal((await storage(page))[KEY], before);
    assert.match(await totals(page), /^49 in scope, 2 done/);
    assert.equal(await page.getByRole('alertdialog').count(), 0);

    // Opening the export asks first (we have our own answers), then restores it.
    await box.fill(exported);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await waitText(page.getByRole('alertdialog'), 'Open the scope from this import?');
    await page.getByRole('button', { name: 'Replace with the import' }).click();
    await waitText(page.locator('section.guidance .totals'), '45 in scope, 2 done');
    assert.equal(await heading(page), 'Summary and sharing');
  } finally {
    await context.close();
  }
});

test('copy buttons put the link and the Markdown on the clipboard, with a confirmation', async () => {
  const context = await env.context();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
    const page = await openPage(context, env.url);
    await situationWithTicks(page);
    const link = await shareLink(page);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await waitText(page.locator('section.block', { hasText: 'Share this scope' }).locator('.status'), 'Share link copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    await waitText(page.locator('section.block', { hasText: 'Export' }).locator('.status'), 'Markdown copied.');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^# EMS onboarding scope, /);
  } finally {
    await context.close();
  }
});

test('a JSON export opens from the file picker and by drag and drop; a file that is not ours is refused', async () => {
  const context = await env.context({ acceptDownloads: true });
  try {
    const page = await openPage(context, env.url);
    await situationWithTicks(page);
    const exported = (await download(page, 'Download JSON')).text;

    // A fresh browser: choose the file, then open it.
    const other = await env.context();
    const fresh = await openPage(other, env.url);
    await goToStep(fresh, 'Summary and sharing');
    await fresh.getByLabel('Or a file (JSON export)').setInputFiles({ name: 'scope.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await until(async () => (await fresh.getByLabel('Share link or JSON export').inputValue()).includes('ems-onboarding-scope'), 'the file read into the box');
    await fresh.getByRole('button', { name: 'Open this scope' }).click();
    await waitText(fresh.locator('section.guidance .totals'), '45 in scope, 2 done');

    // Drop a file that is not ours on the drop zone: a clear message, nothing changed.
    await fresh.locator('.drop-zone').evaluate((zone, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'notes.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, '{"hello": "world"}');
    await until(async () => (await fresh.getByLabel('Share link or JSON export').inputValue()).includes('hello'), 'the dropped file read');
    await fresh.getByRole('button', { name: 'Open this scope' }).click();
    await waitText(fresh.getByRole('alert'), 'not a scope saved by this wizard');
    await waitText(fresh.locator('section.guidance .totals'), '45 in scope, 2 done');

    // An image chosen by mistake: said so, and its bytes are not poured into the box.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
    await fresh.getByLabel('Or a file (JSON export)').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await waitText(fresh.getByRole('alert'), 'This file is not text the wizard can read: choose a JSON export it made (UTF-8 text).');
    assert.match(await fresh.getByLabel('Share link or JSON export').inputValue(), /hello/);

    // Dropping our own export works the same way.
    await fresh.locator('.drop-zone').evaluate((zone, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'scope.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, exported);
    await until(async () => (await fresh.getByLabel('Share link or JSON export').inputValue()).includes('ems-onboarding-scope'), 'the dropped export read');
    await fresh.getByRole('button', { name: 'Compare with mine' }).click();
    await waitText(fresh.locator('section.block', { hasText: 'Open or compare a scope' }), 'The two scopes are the same');
    assert.deepEqual(fresh.errors, []);
    await other.close();
  } finally {
    await context.close();
  }
});

test('a share link pasted as people paste it opens: in angle brackets, ending a sentence, wrapped over lines', async () => {
  const shared = await situationLink();
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await goToStep(page, 'Summary and sharing');
    const box = page.getByLabel('Share link or JSON export');
    // As a mail client writes it: nothing to lose yet, so it opens at once.
    await box.fill(`<${shared.link}>`);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await waitText(notices(page), 'The scope from the import is open.');
    assert.deepEqual(await inScopeTexts(page), shared.inScope);
    assert.equal(await totals(page), '45 in scope, 2 done');
    // The other ways, each compared with the scope it opened: the same, item by item.
    const cut = shared.link.length - 20;
    for (const pasted of [
      `Here is our scope: ${shared.link}.`,
      `${shared.link.slice(0, cut)}\n${shared.link.slice(cut)}`,
      `<${shared.link.slice(0, cut)}\r\n   ${shared.link.slice(cut, cut + 9)}\n ${shared.link.slice(cut + 9)}>.`,
    ]) {
      await box.fill(pasted);
      await page.getByRole('button', { name: 'Compare with mine' }).click();
      await waitText(page.locator('section.block', { hasText: 'Open or compare a scope' }), 'The two scopes are the same');
      assert.equal(await page.locator('.error-text').innerText(), '', pasted);
      await box.fill('');
    }
    // Into the address bar with the sentence's full stop, or the bracket, after it.
    for (const address of [`${shared.link}.`, `${shared.link}>`]) {
      const fresh = await env.context();
      const opened = await openPage(fresh, address);
      await waitText(opened.locator('#step-heading'), 'Summary and sharing');
      assert.equal(await totals(opened), '45 in scope, 2 done', address);
      assert.equal(await opened.locator('.notices .notice.error').count(), 0, address);
      await fresh.close();
    }
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('import says what was pasted: the wizard\'s Markdown, text; an empty file says so and leaves the box as it was', async () => {
  const context = await env.context({ acceptDownloads: true });
  try {
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Summary and sharing');
    const markdown = (await download(page, 'Download Markdown')).text;
    const box = page.getByLabel('Share link or JSON export');
    const error = page.locator('.error-text');
    await box.fill(markdown);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await waitText(error, "This is the wizard's Markdown checklist: it cannot be opened again; paste the share link or the JSON export.");
    assert.doesNotMatch(await error.innerText(), /link is|question=answer/);
    await shot(page, 'import-markdown-refused');
    await box.fill('Our scope is in the attachment, see you Monday.');
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await waitText(error, 'This is text, not a scope: paste the share link or the JSON export the wizard made, or choose the JSON file.');
    assert.doesNotMatch(await error.innerText(), /link is|question=answer/);
    // An empty file: said, and the box keeps what was in it.
    await page.getByLabel('Or a file (JSON export)').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) });
    await waitText(page.getByRole('alert'), 'The file empty.json is empty');
    assert.equal(await box.inputValue(), 'Our scope is in the attachment, see you Monday.');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('a comparison does not stay on screen once your own scope changes', async () => {
  const shared = await situationLink();
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Summary and sharing');
    const block = page.locator('section.block', { hasText: 'Open or compare a scope' });
    const stale = 'Your scope has changed since the comparison: compare again to see how the two differ now.';
    const compare = async () => {
      await page.getByLabel('Share link or JSON export').fill(shared.link);
      await page.getByRole('button', { name: 'Compare with mine' }).click();
      await waitText(block.locator('.comparison'), 'differences between your scope and theirs');
    };
    await compare();
    // A tick in the list: the rows no longer hold.
    await item(page, 'Provide an administrative overview.').getByRole('checkbox').check();
    await waitText(block, stale);
    assert.equal(await block.locator('.comparison').count(), 0);
    // Compared again, then another revision on screen: the same.
    await compare();
    assert.doesNotMatch(await block.innerText(), /has changed since/);
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await waitText(block, stale);
    assert.equal(await block.locator('.comparison').count(), 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('compare words its rows as the revision on screen does', async () => {
  const context = await env.context();
  try {
    const page = await openPage(context, `${env.url}#services=aad_premium&aad_features=saas_app`);
    await goToStep(page, 'Summary and sharing');
    await page.getByLabel('Share link or JSON export').fill(`${env.url}#services=aad_premium`);
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    const comparison = page.locator('.comparison');
    await waitText(comparison, 'differences between your scope and theirs');
    const current = 'One Software as a Service (SaaS) application integration with Single Sign On (SSO) from the Azure Active Directory Marketplace.';
    const earlier = 'One integrated application, which can include Single Sign-On for SaaS applications.';
    const row = comparison.locator('tbody tr', { hasText: 'Software as a Service' });
    assert.equal(await row.locator('td').first().innerText(), current);
    assert.equal(await row.locator('td').nth(1).innerText(), 'Yours: in scope; theirs: waiting for an answer');
    assert.doesNotMatch(await comparison.innerText(), new RegExp(earlier.replace(/[.()]/g, '\\$&')));
    // On the earlier page, compared again: the earlier wording.
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await waitText(comparison, earlier);
    assert.doesNotMatch(await comparison.innerText(), /Software as a Service/);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('the summary names the questions not answered yet, each with a way to its step', async () => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Summary and sharing');
    const open = page.locator('section.unanswered');
    await waitText(open, 'Not answered yet');
    const text = await open.innerText();
    assert.match(text, /25 guidance items wait for these answers\./);
    const questions = await open.locator('li').allInnerTexts();
    // Each: the question, and its button ("Answer", named for a screen reader with the question).
    assert.deepEqual(questions.map((q) => q.replace(/\s*Answer\s+the [^\n]+ question$/, '')), [
      'Is this a new tenant or an existing one?',
      'Where do your user accounts live?',
      'Do you run Exchange Server on premises?',
      'Which Mobile Device Management authority will you set?',
      'What should Intune manage?',
      'Do you want to complement an existing third-party MDM solution with MAM policies?',
    ]);
    // It comes before sharing, and the answers given are listed as before.
    assert.ok(await open.evaluate((e) => !!(e.compareDocumentPosition(document.getElementById('share-heading')) & Node.DOCUMENT_POSITION_FOLLOWING)));
    assert.match(await page.locator('dl.answers').innerText(), /Services\s+Microsoft Intune/);
    await shot(page, 'summary-unanswered');
    // Each question's button goes to its step, focus on the step's heading.
    await page.getByRole('button', { name: 'Answer the MDM authority question' }).click();
    await waitText(page.locator('#step-heading'), 'Microsoft Intune');
    await until(() => page.evaluate(() => document.activeElement?.id === 'step-heading'), 'focus on the heading');
    await answer(page, 'Mobile Device Management authority', 'Microsoft Intune');
    await goToStep(page, 'Summary and sharing');
    assert.doesNotMatch(await open.innerText(), /Mobile Device Management authority/);
    // All answered: the list is gone.
    await page.getByRole('button', { name: 'Answer the Tenant question' }).click();
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await goToStep(page, 'Accounts and sign-in');
    await answer(page, 'Where do your user accounts live', 'Only in the cloud (no on-premises Active Directory)');
    await answer(page, 'Exchange Server on premises', 'No');
    await goToStep(page, 'Microsoft Intune');
    await answer(page, 'What should Intune manage', 'Mobile devices (MDM)');
    await answer(page, 'third-party MDM', 'No');
    await goToStep(page, 'Summary and sharing');
    assert.equal(await page.locator('section.unanswered').count(), 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});
