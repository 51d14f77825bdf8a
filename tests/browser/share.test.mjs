// Share links, prefill links, downloads, and import/compare, on the "Summary and sharing" step.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import {
  openPage, answer, goToStep, inScopeTexts, answerSituation, storage, notices, KEY, ready, item,
  shot,
} from './helpers.mjs';

/** The situation with two ticks, on the summary step. */
async function situationWithTicks(page) {
  await answerSituation(page);
  const guidance = page.locator('section.guidance');
  await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
  await guidance.getByRole('checkbox', { name: 'Conditional access policies.', exact: true }).check();
  await expect(page.locator('section.guidance .totals')).toContainText('45 in scope, 2 done', { useInnerText: true });
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
async function ownProgress(env, context) {
  const page = await openPage(context, env.url);
  await answer(page, 'Which services', 'Azure Active Directory Premium');
  await expect.poll(async () => (await storage(page))[KEY]?.includes('aad_premium'), { message: 'own progress saved' }).toBeTruthy();
  const record = (await storage(page))[KEY];
  await page.close();
  return record;
}

/** The situation with two ticks, as a share link made in a context of its own, and what it shows. */
async function situationLink(env) {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await situationWithTicks(page);
    return { link: await shareLink(page), inScope: await inScopeTexts(page) };
  } finally {
    await context.close();
  }
}

test('the share link opens the same scope in a new browser context', async ({ env }) => {
  const a = await env.context();
  const b = await env.context();
  try {
    const page = await openPage(a, env.url);
    await situationWithTicks(page);
    const link = await shareLink(page);
    expect(link.startsWith(`${env.url}#s1.`), link).toBeTruthy();
    const inScope = await inScopeTexts(page);

    // "Include my done ticks" off gives another link, without the ticks.
    await page.getByLabel('Include my done ticks').uncheck();
    const withoutTicks = await shareLink(page);
    expect(withoutTicks).not.toBe(link);

    const other = await openPage(b, link);
    await expect(other.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    expect(await inScopeTexts(other)).toStrictEqual(inScope);
    await expect(other.locator('section.guidance .totals')).toHaveText('45 in scope, 2 done', { useInnerText: true });
    await expect(other.locator('section.guidance').getByRole('checkbox', { name: 'Conditional access policies.', exact: true })).toBeChecked();
    await expect(other.getByRole('alertdialog'), 'no prompt without saved progress').toHaveCount(0);
    // The fragment is dropped from the address so a reload does not reopen it, and the scope is saved.
    expect(other.url()).toBe(env.url);
    await other.reload();
    await ready(other);
    await expect(other.locator('section.guidance .totals')).toHaveText('45 in scope, 2 done', { useInnerText: true });
    expect(other.errors).toStrictEqual([]);

    const third = await openPage(await env.context(), withoutTicks);
    await expect(third.locator('section.guidance .totals')).toContainText('45 in scope, 0 done', { useInnerText: true });
    await third.context().close();
  } finally {
    await a.close();
    await b.close();
  }
});

test('a share link over saved progress asks before replacing it', async ({ env }) => {
  const shared = await situationLink(env);
  const context = await env.context();
  try {
    const own = await ownProgress(env, context);
    const page = await openPage(context, shared.link);
    const prompt = page.getByRole('alertdialog');
    await expect(prompt).toContainText('Open the scope from this share link?', { useInnerText: true });
    await expect(prompt).toHaveText(/holds a scope with 45 items in scope\. You also have progress saved in this browser\./, { useInnerText: true });
    // Nothing overwritten while the question is open.
    expect((await storage(page))[KEY]).toBe(own);
    await expect(page.locator('#question-services').getByLabel('Azure Active Directory Premium')).toBeChecked();

    await prompt.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(notices(page)).toContainText('Kept your saved progress; the share link was not opened.', { useInnerText: true });
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect((await storage(page))[KEY]).toBe(own);
    await expect(page.locator('#question-services').getByLabel('Azure Active Directory Premium')).toBeChecked();

    // Again, and this time replace.
    const again = await openPage(context, shared.link);
    await again.getByRole('button', { name: 'Replace with the share link' }).click();
    await expect(notices(again)).toContainText('The scope from the share link is open.', { useInnerText: true });
    await expect(again.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    expect(await inScopeTexts(again)).toStrictEqual(shared.inScope);
    await expect.poll(async () => (await storage(again))[KEY] !== own, { message: 'the replacement saved' }).toBeTruthy();
    expect([...page.errors, ...again.errors]).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('a link whose question waits stays in the address, so a reload asks again; once answered it goes', async ({ env }) => {
  const shared = await situationLink(env);
  const context = await env.context();
  try {
    const own = await ownProgress(env, context);
    const page = await openPage(context, shared.link);
    await expect(page.getByRole('alertdialog')).toContainText('Open the scope from this share link?', { useInnerText: true });
    expect(await page.evaluate(() => location.hash.slice(1))).toBe(shared.link.split('#')[1]);
    await page.reload();
    await ready(page);
    await expect(page.getByRole('alertdialog')).toContainText('Open the scope from this share link?', { useInnerText: true });
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await expect.poll(() => page.evaluate(() => location.hash), { message: 'the link cleared from the address' }).toBe('');
    await page.reload();
    await ready(page);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect((await storage(page))[KEY]).toBe(own);
  } finally {
    await context.close();
  }
});

test('each outcome replaces the last one\'s notice: a link kept, one opened, one damaged, Start over, an import opened', async ({ env }) => {
  const shared = await situationLink(env);
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    const only = async (text) => {
      await expect(notices(page)).toContainText(text, { useInnerText: true });
      expect(await notices(page).locator('.notice p').allInnerTexts()).toStrictEqual([text]);
    };
    const fragment = shared.link.split('#')[1];
    await page.evaluate((f) => { location.hash = f; }, fragment);
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await only('Kept your saved progress; the share link was not opened.');
    await page.evaluate((f) => { location.hash = f; }, fragment);
    await page.getByRole('button', { name: 'Replace with the share link' }).click();
    await only('The scope from the share link is open.');
    await page.evaluate(() => { location.hash = 'bogus=1'; });
    await expect(notices(page)).toContainText('The link could not be opened', { useInnerText: true });
    await expect(notices(page).locator('.notice')).toHaveCount(1);
    await page.getByRole('button', { name: 'Start over…' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await only('Started over: all answers and ticks are erased.');
    // Nothing to lose after starting over: the import opens at once, and says so.
    await goToStep(page, 'Summary and sharing');
    await page.getByLabel('Share link or JSON export').fill(shared.link);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await only('The scope from the import is open.');
    expect(await inScopeTexts(page)).toStrictEqual(shared.inScope);
  } finally {
    await context.close();
  }
});

test('a link taken at once clears a refusal before it; a link refused while an import question waits goes from the address', async ({ env }) => {
  const shared = await situationLink(env);
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    const hash = () => page.evaluate(() => location.hash);
    await page.evaluate(() => { location.hash = 'services=word'; });
    await expect(notices(page)).toContainText('The link could not be opened', { useInnerText: true });
    await page.evaluate(() => { location.hash = 'services=intune'; });
    await expect(notices(page).locator('.notice'), 'the refusal gone once a link opened').toHaveCount(0);
    expect(await hash()).toBe('');
    // Intune answered: an import now asks first. A damaged link meanwhile is refused and dropped.
    await goToStep(page, 'Summary and sharing');
    await page.getByLabel('Share link or JSON export').fill(shared.link);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Open the scope from this import?', { useInnerText: true });
    await page.evaluate(() => { location.hash = 'bogus=1'; });
    await expect(notices(page)).toContainText('The link could not be opened', { useInnerText: true });
    await expect.poll(() => hash(), { message: 'the refused link gone from the address' }).toBe('');
    await expect(page.getByRole('alertdialog')).toContainText('Open the scope from this import?', { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('Back to the step where a link was answered does not ask about the link again', async ({ env }) => {
  const shared = await situationLink(env);
  const context = await env.context();
  try {
    await ownProgress(env, context);
    const page = await openPage(context, shared.link);
    await expect(page.getByRole('alertdialog')).toContainText('Open the scope from this share link?', { useInnerText: true });
    await goToStep(page, 'Accounts and sign-in');
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(notices(page)).toContainText('Kept your saved progress; the share link was not opened.', { useInnerText: true });
    await page.goBack();
    await expect(page.locator('#step-heading')).toContainText('Services and tenant', { useInnerText: true });
    await page.waitForTimeout(300);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('a tampered share link is refused as damaged and saved progress is intact', async ({ env }) => {
  const shared = await situationLink(env);
  const context = await env.context();
  try {
    const own = await ownProgress(env, context);
    const [base, payload] = shared.link.split('#s1.');
    const i = Math.floor(payload.length / 2);
    const swapped = payload[i] === 'A' ? 'B' : 'A';
    const tampered = `${base}#s1.${payload.slice(0, i)}${swapped}${payload.slice(i + 1)}`;
    const page = await openPage(context, tampered);
    await expect(notices(page)).toContainText('could not be opened', { useInnerText: true });
    const text = await notices(page).innerText();
    expect(text).toMatch(/The link could not be opened: the link is damaged \(.*\); ask for it again, copied whole\. Your progress is unchanged\./);
    await expect(page.locator('.notices .notice.error')).toHaveCount(1);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect((await storage(page))[KEY]).toBe(own);
    await expect(page.locator('#question-services').getByLabel('Azure Active Directory Premium')).toBeChecked();
    expect(page.url(), 'the damaged fragment is dropped from the address').toBe(env.url);

    // A cut-short link, too.
    const cut = await openPage(context, shared.link.slice(0, shared.link.length - 6));
    await expect(notices(cut)).toContainText('the link is damaged', { useInnerText: true });
    expect((await storage(cut))[KEY]).toBe(own);
  } finally {
    await context.close();
  }
});

test('a prefill link pre-answers the questions', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, `${env.url}#services=intune,aad_premium&directory=single_forest`);
    // It opens at the first step with a question left (the tenant, on the first step).
    await expect(page.locator('#step-heading')).toContainText('Services and tenant', { useInnerText: true });
    await goToStep(page, 'Summary and sharing');
    const answers = await page.locator('dl.answers').innerText();
    expect(answers).toMatch(/Services\s+Azure Active Directory Premium, Microsoft Intune/);
    expect(answers).toMatch(/Accounts\s+One on-premises Active Directory forest/);
    await goToStep(page, 'Services and tenant');
    const services = page.locator('#question-services');
    await expect(services.getByLabel('Microsoft Intune')).toBeChecked();
    await expect(services.getByLabel('Azure Active Directory Premium')).toBeChecked();
    await expect(services.getByLabel('Azure Rights Management')).not.toBeChecked();
    await goToStep(page, 'Accounts and sign-in');
    await expect(page.getByLabel('One on-premises Active Directory forest')).toBeChecked();
    await expect(item(page, 'Installing a directory synchronization between your Active Directory Domain Services (AD DS) and Azure Active Directory Connect')).toBeVisible();
    // A prefill naming an unknown question is refused with a message.
    const bad = await openPage(context, `${env.url}#colour=blue`);
    await expect(notices(bad)).toContainText('The link could not be opened', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('downloads: Markdown checklist and JSON export', async ({ env }) => {
  const context = await env.context({ acceptDownloads: true });
  try {
    const page = await openPage(context, env.url);
    await situationWithTicks(page);

    const md = await download(page, 'Download Markdown');
    expect(md.name).toMatch(/^ems-onboarding-scope-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = md.text;
    expect(markdown).toMatch(/^# EMS onboarding scope, \d{4}-\d{2}-\d{2}$/m);
    expect(markdown).toMatch(/^## Answers$/m);
    expect(markdown).toMatch(/^- Services: Microsoft Intune, Azure Rights Management$/m);
    expect(markdown).toMatch(/^## Assess phase \(8 items, 1 done\)$/m);
    expect(markdown).toMatch(/^## Enable phase \(30 items, 1 done\)$/m);
    expect(markdown).toMatch(/^- \[x\] Provide an administrative overview\./m);
    expect(markdown).toMatch(/^ {2}- \[x\] Conditional access policies\./m);
    expect(markdown).toMatch(/^- \[ \] Work with you to begin onboarding\./m);
    expect(markdown).toMatch(/^ {2}- \[ \] .*Setting up the Microsoft Intune Exchange Connector, when applicable\./m);
    expect((markdown.match(/- \[[ x]\] /g) || []).length).toBe(45);
    expect((markdown.match(/- \[x\] /g) || []).length).toBe(2);
    await expect(page.locator('section.block', { hasText: 'Export' }).locator('.status')).toContainText('Downloaded ems-onboarding-scope-', { useInnerText: true });

    const js = await download(page, 'Download JSON');
    expect(js.name).toMatch(/^ems-onboarding-scope-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(js.text);
    expect(json.schema).toBe('ems-onboarding-scope');
    expect(json.version).toBe(1);
    expect(json.revision).toBe('current');
    expect(json.answers.services).toStrictEqual(['intune', 'azure_rms']);
    expect(json.counts).toStrictEqual({ in_scope: 45, out_of_scope: 0, not_supported: 0, waiting: 0, done: 2 });
    expect(json.items.length).toBe(45);
    for (const it of json.items) {
      expect(typeof it.id).toBe('string');
      expect(typeof it.status).toBe('string');
      expect(typeof it.done).toBe('boolean');
    }
    const byId = Object.fromEntries(json.items.map((x) => [x.id, x]));
    expect(byId['assess.admin_overview'].done).toBe(true);
    expect(byId['intune.mdm.conditional_access'].done).toBe(true);
    expect(byId['intune.mdm.exchange_connector'].status).toBe('in_scope');
    expect(byId['intune.mdm.exchange_connector'].done).toBe(false);
    expect(byId['enable.adfs_single_forest'].source.document).toBe('001_06cfb5ea52683897.txt');
    expect(byId['rms.connector'].source.document).toBe('000_70fb7c6a69ffa0f0.txt');
    expect(byId['enable.adfs_multi_forest_note']).toBe(undefined);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('import: paste a JSON export and compare it with a changed scope; garbage is refused', async ({ env }) => {
  const context = await env.context({ acceptDownloads: true });
  try {
    const page = await openPage(context, env.url);
    await situationWithTicks(page);
    const exported = (await download(page, 'Download JSON')).text;

    // Change an answer: a third-party MDM brings the MAM items in (and a warning).
    await goToStep(page, 'Microsoft Intune');
    await answer(page, 'third-party MDM', 'Yes');
    await expect(page.locator('section.guidance .totals')).toContainText('49 in scope', { useInnerText: true });
    await goToStep(page, 'Summary and sharing');

    const box = page.getByLabel('Share link or JSON export');
    await box.fill(exported);
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    const comparison = page.locator('.comparison');
    await expect(comparison).toContainText('differences between your scope and theirs', { useInnerText: true });
    const text = await comparison.innerText();
    expect(text).toMatch(/^4 differences between your scope and theirs:/);
    expect(text).toMatch(/Configuring MAM policies for each supported platform\.\s+Only in yours/);
    expect(text).toMatch(/Using managed-applications usage reports\.\s+Only in yours/);
    await expect(comparison.locator('tbody tr')).toHaveCount(4);
    await expect(page.locator('.error-text')).toHaveText('', { useInnerText: true });
    // Comparing again draws the result again (a new status that screen readers announce).
    const first = await comparison.elementHandle();
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await expect.poll(async () => !(await first.evaluate((e) => e.isConnected)), { message: 'the comparison drawn again' }).toBeTruthy();
    await expect(comparison).toContainText('4 differences between your scope and theirs', { useInnerText: true });
    // Comparing changes nothing on our side.
    await expect(page.locator('section.guidance .totals')).toHaveText(/^49 in scope, 2 done/, { useInnerText: true });

    // Garbage: an error, progress unchanged.
    const before = (await storage(page))[KEY];
    await box.fill('this is not a scope %%%');
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await expect(page.locator('.error-text')).toContainText('This is text, not a scope: paste the share link or the JSON export', { useInnerText: true });
    await box.fill('{"hello": "world"}');
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await expect(page.locator('.error-text')).toContainText('This could not be read: this is not a scope saved by this wizard', { useInnerText: true });
    expect((await storage(page))[KEY]).toBe(before);
    await expect(page.locator('section.guidance .totals')).toHaveText(/^49 in scope, 2 done/, { useInnerText: true });
    await expect(page.getByRole('alertdialog')).toHaveCount(0);

    // Opening the export asks first (we have our own answers), then restores it.
    await box.fill(exported);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Open the scope from this import?', { useInnerText: true });
    await page.getByRole('button', { name: 'Replace with the import' }).click();
    await expect(page.locator('section.guidance .totals')).toContainText('45 in scope, 2 done', { useInnerText: true });
    await expect(page.locator('#step-heading')).toHaveText('Summary and sharing', { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('copy buttons put the link and the Markdown on the clipboard, with a confirmation', async ({ env }) => {
  const context = await env.context();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
    const page = await openPage(context, env.url);
    await situationWithTicks(page);
    const link = await shareLink(page);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect(page.locator('section.block', { hasText: 'Share this scope' }).locator('.status')).toContainText('Share link copied.', { useInnerText: true });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    await expect(page.locator('section.block', { hasText: 'Export' }).locator('.status')).toContainText('Markdown copied.', { useInnerText: true });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^# EMS onboarding scope, /);
  } finally {
    await context.close();
  }
});

test('a JSON export opens from the file picker and by drag and drop; a file that is not ours is refused', async ({ env }) => {
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
    await expect.poll(() => fresh.getByLabel('Share link or JSON export').inputValue(), { message: 'the file read into the box' }).toContain('ems-onboarding-scope');
    await fresh.getByRole('button', { name: 'Open this scope' }).click();
    await expect(fresh.locator('section.guidance .totals')).toContainText('45 in scope, 2 done', { useInnerText: true });

    // Drop a file that is not ours on the drop zone: a clear message, nothing changed.
    await fresh.locator('.drop-zone').evaluate((zone, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'notes.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, '{"hello": "world"}');
    await expect.poll(() => fresh.getByLabel('Share link or JSON export').inputValue(), { message: 'the dropped file read' }).toContain('hello');
    await fresh.getByRole('button', { name: 'Open this scope' }).click();
    await expect(fresh.getByRole('alert')).toContainText('not a scope saved by this wizard', { useInnerText: true });
    await expect(fresh.locator('section.guidance .totals')).toContainText('45 in scope, 2 done', { useInnerText: true });

    // An image chosen by mistake: said so, and its bytes are not poured into the box.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
    await fresh.getByLabel('Or a file (JSON export)').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await expect(fresh.getByRole('alert')).toContainText('This file is not text the wizard can read: choose a JSON export it made (UTF-8 text).', { useInnerText: true });
    await expect(fresh.getByLabel('Share link or JSON export')).toHaveValue(/hello/);

    // Dropping our own export works the same way.
    await fresh.locator('.drop-zone').evaluate((zone, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'scope.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, exported);
    await expect.poll(() => fresh.getByLabel('Share link or JSON export').inputValue(), { message: 'the dropped export read' }).toContain('ems-onboarding-scope');
    await fresh.getByRole('button', { name: 'Compare with mine' }).click();
    await expect(fresh.locator('section.block', { hasText: 'Open or compare a scope' })).toContainText('The two scopes are the same', { useInnerText: true });
    expect(fresh.errors).toStrictEqual([]);
    await other.close();
  } finally {
    await context.close();
  }
});

test('a share link pasted as people paste it opens: in angle brackets, ending a sentence, wrapped over lines', async ({ env }) => {
  const shared = await situationLink(env);
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await goToStep(page, 'Summary and sharing');
    const box = page.getByLabel('Share link or JSON export');
    // As a mail client writes it: nothing to lose yet, so it opens at once.
    await box.fill(`<${shared.link}>`);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await expect(notices(page)).toContainText('The scope from the import is open.', { useInnerText: true });
    expect(await inScopeTexts(page)).toStrictEqual(shared.inScope);
    await expect(page.locator('section.guidance .totals')).toHaveText('45 in scope, 2 done', { useInnerText: true });
    // The other ways, each compared with the scope it opened: the same, item by item.
    const cut = shared.link.length - 20;
    for (const pasted of [
      `Here is our scope: ${shared.link}.`,
      `${shared.link.slice(0, cut)}\n${shared.link.slice(cut)}`,
      `<${shared.link.slice(0, cut)}\r\n   ${shared.link.slice(cut, cut + 9)}\n ${shared.link.slice(cut + 9)}>.`,
    ]) {
      await box.fill(pasted);
      await page.getByRole('button', { name: 'Compare with mine' }).click();
      await expect(page.locator('section.block', { hasText: 'Open or compare a scope' })).toContainText('The two scopes are the same', { useInnerText: true });
      await expect(page.locator('.error-text'), pasted).toHaveText('', { useInnerText: true });
      await box.fill('');
    }
    // Into the address bar with the sentence's full stop, or the bracket, after it.
    for (const address of [`${shared.link}.`, `${shared.link}>`]) {
      const fresh = await env.context();
      const opened = await openPage(fresh, address);
      await expect(opened.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
      await expect(opened.locator('section.guidance .totals'), address).toHaveText('45 in scope, 2 done', { useInnerText: true });
      await expect(opened.locator('.notices .notice.error'), address).toHaveCount(0);
      await fresh.close();
    }
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('import says what was pasted: the wizard\'s Markdown, text; an empty file says so and leaves the box as it was', async ({ env }) => {
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
    await expect(error).toContainText("This is the wizard's Markdown checklist: it cannot be opened again; paste the share link or the JSON export.", { useInnerText: true });
    await expect(error).not.toHaveText(/link is|question=answer/, { useInnerText: true });
    await shot(page, 'import-markdown-refused');
    await box.fill('Our scope is in the attachment, see you Monday.');
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await expect(error).toContainText('This is text, not a scope: paste the share link or the JSON export the wizard made, or choose the JSON file.', { useInnerText: true });
    await expect(error).not.toHaveText(/link is|question=answer/, { useInnerText: true });
    // An empty file: said, and the box keeps what was in it.
    await page.getByLabel('Or a file (JSON export)').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) });
    await expect(page.getByRole('alert')).toContainText('The file empty.json is empty', { useInnerText: true });
    await expect(box).toHaveValue('Our scope is in the attachment, see you Monday.');
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('a comparison does not stay on screen once your own scope changes', async ({ env }) => {
  const shared = await situationLink(env);
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
      await expect(block.locator('.comparison')).toContainText('differences between your scope and theirs', { useInnerText: true });
    };
    await compare();
    // A tick in the list: the rows no longer hold.
    await item(page, 'Provide an administrative overview.').getByRole('checkbox').check();
    await expect(block).toContainText(stale, { useInnerText: true });
    await expect(block.locator('.comparison')).toHaveCount(0);
    // Compared again, then another revision on screen: the same.
    await compare();
    await expect(block).not.toHaveText(/has changed since/, { useInnerText: true });
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await expect(block).toContainText(stale, { useInnerText: true });
    await expect(block.locator('.comparison')).toHaveCount(0);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('compare words its rows as the revision on screen does', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, `${env.url}#services=aad_premium&aad_features=saas_app`);
    await goToStep(page, 'Summary and sharing');
    await page.getByLabel('Share link or JSON export').fill(`${env.url}#services=aad_premium`);
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    const comparison = page.locator('.comparison');
    await expect(comparison).toContainText('differences between your scope and theirs', { useInnerText: true });
    const current = 'One Software as a Service (SaaS) application integration with Single Sign On (SSO) from the Azure Active Directory Marketplace.';
    const earlier = 'One integrated application, which can include Single Sign-On for SaaS applications.';
    const row = comparison.locator('tbody tr', { hasText: 'Software as a Service' });
    await expect(row.locator('td').first()).toHaveText(current, { useInnerText: true });
    await expect(row.locator('td').nth(1)).toHaveText('Yours: in scope; theirs: waiting for an answer', { useInnerText: true });
    await expect(comparison).not.toHaveText(new RegExp(earlier.replace(/[.()]/g, '\\$&')), { useInnerText: true });
    // On the earlier page, compared again: the earlier wording.
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await expect(comparison).toContainText(earlier, { useInnerText: true });
    await expect(comparison).not.toHaveText(/Software as a Service/, { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('the summary names the questions not answered yet, each with a way to its step', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Summary and sharing');
    const open = page.locator('section.unanswered');
    await expect(open).toContainText('Not answered yet', { useInnerText: true });
    const text = await open.innerText();
    expect(text).toMatch(/25 guidance items wait for these answers\./);
    const questions = await open.locator('li').allInnerTexts();
    // Each: the question, and its button ("Answer", named for a screen reader with the question).
    expect(questions.map((q) => q.replace(/\s*Answer\s+the [^\n]+ question$/, ''))).toStrictEqual([
      'Is this a new tenant or an existing one?',
      'Where do your user accounts live?',
      'Do you run Exchange Server on premises?',
      'Which Mobile Device Management authority will you set?',
      'What should Intune manage?',
      'Do you want to complement an existing third-party MDM solution with MAM policies?',
    ]);
    // It comes before sharing, and the answers given are listed as before.
    expect(await open.evaluate((e) => !!(e.compareDocumentPosition(document.getElementById('share-heading')) & Node.DOCUMENT_POSITION_FOLLOWING))).toBeTruthy();
    await expect(page.locator('dl.answers')).toHaveText(/Services\s+Microsoft Intune/, { useInnerText: true });
    await shot(page, 'summary-unanswered');
    // Each question's button goes to its step, focus on the step's heading.
    await page.getByRole('button', { name: 'Answer the MDM authority question' }).click();
    await expect(page.locator('#step-heading')).toContainText('Microsoft Intune', { useInnerText: true });
    await expect(page.locator('#step-heading'), 'focus on the heading').toBeFocused();
    await answer(page, 'Mobile Device Management authority', 'Microsoft Intune');
    await goToStep(page, 'Summary and sharing');
    await expect(open).not.toHaveText(/Mobile Device Management authority/, { useInnerText: true });
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
    await expect(page.locator('section.unanswered')).toHaveCount(0);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});
