// Accessibility: axe (WCAG 2.0/2.1 A and AA) over every step and state, light, dark, embed and print;
// a keyboard-only run; the live region; and the panic page.
//
// axe is injected as an inline script, which the app's CSP (rightly) blocks, so the axe checks use
// a server without the CSP header; the other tests here use the real CSP.
import { test, expect } from './fixtures.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  openPage, answer, goToStep, item, answerSituation, SITUATION, leaveIgnoredAnswer, notices, shot,
  KEY, ready, ASIDE_PREFIX,
} from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.join(here, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// `env` without the CSP, for axe; `strict` with it.
test.use({ siteOptions: { csp: false } });

/** Runs axe on the page; returns a readable list of violations (empty when clean). */
async function axe(page, label, runOnly = { type: 'tag', values: TAGS }) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (runOnly) => {
    // Colour transitions (.15s) would otherwise be measured half-way.
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
    const result = await window.axe.run(document, { runOnly, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary.replace(/\s+/g, ' ')}`),
      count: v.nodes.length,
    }));
  }, runOnly);
  return violations.map((v) => `[${label}] ${v.id} (${v.impact}, ${v.count} nodes): ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

/** Walks the situation step by step, running axe on each step before answering and moving on. */
async function axeEveryStep(page, label) {
  const found = [];
  found.push(...await axe(page, `${label} fresh`));
  for (const [title, answers] of SITUATION) {
    await expect(page.locator('#step-heading')).toContainText(title, { useInnerText: true });
    for (const [legend, value] of answers) await answer(page, legend, value);
    found.push(...await axe(page, `${label} ${title}`));
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await expect(page.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
  found.push(...await axe(page, `${label} summary`));
  return found;
}

/** On the summary: a warning, open provenance, a comparison table and an error. */
async function busySummary(env, page) {
  await goToStep(page, 'Microsoft Intune');
  await answer(page, 'third-party MDM', 'Yes'); // conflicts with Intune as MDM authority
  await goToStep(page, 'Summary and sharing');
  await item(page, 'Conditional access policies.').locator('.provenance button').click();
  await page.locator('section.guidance').getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
  const box = page.getByLabel('Share link or JSON export');
  await box.fill(`${env.url}#services=intune&tenant=existing`);
  await page.getByRole('button', { name: 'Compare with mine' }).click();
  await expect(page.locator('.comparison table')).toBeVisible();
}

test('axe: every step, the busy summary and the prompt, in light mode', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    const found = await axeEveryStep(page, 'light');
    await busySummary(env, page);
    found.push(...await axe(page, 'light summary with comparison'));
    await page.getByLabel('Share link or JSON export').fill('garbage');
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await expect(page.locator('.error-text')).toContainText('This is text, not a scope', { useInnerText: true });
    found.push(...await axe(page, 'light import error'));
    await page.getByRole('button', { name: 'Start over…' }).click();
    found.push(...await axe(page, 'light start-over question'));
    // A prefill link over saved progress: the prompt, and a notice.
    const prompt = await openPage(context, `${env.url}#services=aad_premium`);
    await expect(prompt.getByRole('alertdialog')).toBeVisible();
    found.push(...await axe(prompt, 'light prompt'));
    await prompt.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(prompt.locator('.notices')).toContainText('Kept your saved progress', { useInnerText: true });
    found.push(...await axe(prompt, 'light notice'));
    expect(found, `axe violations:\n${found.join('\n')}`).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('axe: every step and the busy summary in dark mode', async ({ env }) => {
  const context = await env.context({ colorScheme: 'dark' });
  try {
    const page = await openPage(context, env.url);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    const found = await axeEveryStep(page, 'dark');
    await busySummary(env, page);
    found.push(...await axe(page, 'dark summary with comparison'));
    await page.getByLabel('Share link or JSON export').fill('garbage');
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await expect(page.locator('.error-text')).toContainText('This is text, not a scope', { useInnerText: true });
    await page.getByRole('button', { name: 'Start over…' }).click();
    found.push(...await axe(page, 'dark error and start-over question'));
    expect(found, `axe violations:\n${found.join('\n')}`).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('axe: embed mode, light and dark', async ({ env }) => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const context = await env.context({ colorScheme, viewport: { width: 420, height: 800 } });
    const page = await openPage(context, `${env.url}?embed=1&origin=${encodeURIComponent('https://portal.example')}`);
    await expect(page.locator('.embed-bar')).toBeVisible();
    found.push(...await axe(page, `embed ${colorScheme}`));
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    found.push(...await axe(page, `embed ${colorScheme} step 2`));
    await context.close();
  }
  expect(found, `axe violations:\n${found.join('\n')}`).toStrictEqual([]);
});

test('axe: embed mode with a partner accent colour (accent=0b6e4f), light and dark', async ({ env }) => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const context = await env.context({ colorScheme, viewport: { width: 420, height: 800 } });
    const page = await openPage(context, `${env.url}?embed=1&origin=${encodeURIComponent('https://portal.example')}&accent=0b6e4f`);
    await expect(page.locator('.embed-bar')).toBeVisible();
    // The partner colour where it keeps 4.5:1 on the page; in dark mode #0b6e4f does not, so the
    // wizard keeps its own accent there.
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    if (colorScheme === 'light') expect(accent).toBe('#0b6e4f');
    else expect(accent).not.toBe('#0b6e4f');
    found.push(...await axe(page, `embed accent ${colorScheme}`));
    await context.close();
  }
  expect(found, `axe violations:\n${found.join('\n')}`).toStrictEqual([]);
});

test('axe best practice: one main landmark, full page and embedded', async ({ env }) => {
  const MAIN = { type: 'rule', values: ['landmark-one-main', 'landmark-no-duplicate-main', 'landmark-main-is-top-level'] };
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    const found = await axe(page, 'full page', MAIN);
    await page.goto(`${env.url}?embed=1&origin=${encodeURIComponent('https://portal.example')}`);
    await ready(page);
    found.push(...await axe(page, 'embedded', MAIN));
    expect(found).toStrictEqual([]);
    await expect(page.getByRole('main')).toHaveCount(1);
  } finally {
    await context.close();
  }
});

test('axe: the print view, also from a browser that prefers dark', async ({ env }) => {
  const found = [];
  const context = await env.context();
  const page = await openPage(context, env.url);
  await answerSituation(page);
  await page.locator('section.guidance').getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
  await expect(page.locator('.step-nav'), 'controls hidden in print').toBeHidden();
  await expect(page.locator('section.guidance')).toBeVisible();
  found.push(...await axe(page, 'print'));
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  found.push(...await axe(page, 'print, dark preference'));
  await context.close();
  expect(found, `axe violations:\n${found.join('\n')}`).toStrictEqual([]);
});

/** Unless it already holds, presses Tab (or Shift+Tab) until `predicate(activeElement)` holds; returns the number of presses. */
async function tabTo(page, predicate, arg, { back = false, max = 250 } = {}) {
  if (await page.evaluate(predicate, arg)) return 0;
  for (let i = 1; i <= max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate(predicate, arg)) return i;
  }
  throw new Error(`focus never reached the target after ${max} presses`);
}
const activeId = () => document.activeElement && document.activeElement.id;
const isId = (id) => document.activeElement && document.activeElement.id === id;
const isButton = (name) => document.activeElement && document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim() === name;

test('keyboard only: tab through, arrow keys in radio groups, Space on ticks, focus to the heading', async ({ env, strictSite: strict }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, strict.url);
    // The first stop is the step list.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement.textContent.trim())).toBe('Services and tenant');
    await tabTo(page, isId, 'q-services-intune', { max: 20 });
    await page.keyboard.press('Space');
    await expect(page.locator('#q-services-intune')).toBeChecked();
    await expect(page.locator('.step-count')).toContainText('Step 1 of 4', { useInnerText: true });
    // Into the tenant group: Tab lands on its first radio, the arrows choose.
    await tabTo(page, isId, 'q-tenant-new', { max: 5 });
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(activeId)).toBe('q-tenant-existing');
    await expect(page.locator('#q-tenant-existing')).toBeChecked();
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(activeId)).toBe('q-tenant-new');
    await expect(page.locator('#q-tenant-new')).toBeChecked();
    // One Tab leaves the group.
    await page.keyboard.press('Tab');
    expect(!(await page.evaluate(activeId))?.startsWith('q-tenant-'), 'Tab leaves the radio group').toBeTruthy();
    // Next moves focus to the new step's heading.
    await tabTo(page, isButton, 'Next', { max: 10 });
    await page.keyboard.press('Enter');
    await expect(page.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    await expect(page.locator('#step-heading'), 'focus on the step heading after Next').toBeFocused();
    await tabTo(page, isId, 'q-directory-cloud_only', { max: 5 });
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#q-directory-single_forest')).toBeChecked();
    await expect(page.locator('#question-signin')).toBeVisible();
    // Back as well.
    await tabTo(page, isButton, 'Back', { max: 30 });
    await page.keyboard.press('Enter');
    await expect(page.locator('#step-heading')).toContainText('Services and tenant', { useInnerText: true });
    await expect(page.locator('#step-heading'), 'focus on the step heading after Back').toBeFocused();
    // A done tick, with Space.
    await tabTo(page, (p) => (document.activeElement?.id || '').startsWith(p), 'done-', { max: 40 });
    const tick = await page.evaluate(activeId);
    await page.keyboard.press('Space');
    await expect(page.locator(`[id="${tick}"]`)).toBeChecked();
    await expect(page.locator('section.guidance .totals')).toContainText(', 1 done', { useInnerText: true });
    // "Why and where from" opens with Enter.
    await page.keyboard.press('Tab');
    // The ticked item's own "Why and where from", named with its text.
    expect(await page.evaluate(() => [document.activeElement.className, document.activeElement.closest('li').querySelector('input').id])).toStrictEqual(['disclosure', tick]);
    const label = await page.locator(`label[for="${tick}"]`).innerText();
    expect(await page.getByRole('button', { name: `Why and where from ${label}`, exact: true }).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded'))).toBe('true');
    expect(await page.evaluate(() => document.activeElement.closest('.provenance').querySelectorAll('dl').length)).toBe(1);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('the live region says what changed in the guidance list', async ({ env, strictSite: strict }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, strict.url);
    const live = page.locator('#guidance-live');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText('', { useInnerText: true });
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect(live).toContainText('items added', { useInnerText: true });
    const added = await live.innerText();
    expect(added).toMatch(/^Guidance list updated: \d+ items added\.$/);
    await page.locator('#question-services').getByLabel('Microsoft Intune').uncheck();
    await expect(live).toHaveText(/^Guidance list updated: \d+ items removed\.$/, { useInnerText: true });
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await expect(live).toHaveText('Guidance list updated: 1 item added.', { useInnerText: true });
    // A tick changes no item: the announcement stays.
    await page.locator('section.guidance').getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
    await expect(page.locator('section.guidance .totals')).toContainText('1 done', { useInnerText: true });
    await expect(live).toHaveText('Guidance list updated: 1 item added.', { useInnerText: true });
    await expect(page.locator('section.guidance .totals')).toHaveText(/1 done/, { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('a panic shows "Something went wrong" with a reload link, not a blank page', async ({ env, strictSite: strict }) => {
  const context = await env.context();
  try {
    const page = await openPage(context);
    await page.goto(`${strict.url}?debug=panic`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Something went wrong', { useInnerText: true });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Something went wrong', { useInnerText: true });
    const reload = page.getByRole('link', { name: 'Reload the wizard' });
    expect(await reload.getAttribute('href')).toBe(page.url());
    await expect(alert).toHaveText(/panic requested by \?debug=panic/, { useInnerText: true });
    await expect(alert).toHaveText(/Reload the page to carry on where you were|answers since the last share link or export may be lost/, { useInnerText: true });
    await expect(page.locator('#step-heading')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('at 200% zoom (a 1280 px window is 640 CSS px wide) nothing needs sideways scrolling', async ({ env }) => {
  const context = await env.context({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  try {
    const page = await openPage(context, env.url);
    for (const [title, answers] of SITUATION) {
      await expect(page.locator('#step-heading')).toContainText(title, { useInnerText: true });
      for (const [legend, value] of answers) await answer(page, legend, value);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide <= 640, `${title}: the page is ${wide} px wide at 640 px`).toBeTruthy();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await expect(page.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth) <= 640, 'summary fits').toBeTruthy();
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('Escape gives the safe answer: keeps my progress at the link prompt, cancels "Start over…"', async ({ env, strictSite: strict }) => {
  const context = await env.context();
  const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  const focusIs = (page, id, what) => expect.poll(() => focused(page), { message: `focus on #${id} after ${what}` }).toBe(id);
  try {
    const page = await openPage(context, strict.url);
    await answer(page, 'Which services', 'Microsoft Intune');
    // A link while progress is saved: the prompt takes focus; Escape keeps the progress.
    const linked = await openPage(context, `${strict.url}#services=azure_rms&tenant=new`);
    await expect(linked.getByRole('alertdialog')).toContainText('Open the scope from this link?', { useInnerText: true });
    await focusIs(linked, 'prompt-title', 'the prompt');
    await linked.keyboard.press('Escape');
    await expect(linked.getByRole('alertdialog'), 'the prompt to go').toHaveCount(0);
    await focusIs(linked, 'step-heading', 'Escape on the prompt');
    await expect(linked.locator('.notices')).toContainText('Kept your saved progress', { useInnerText: true });
    await expect(linked.locator('#question-services').getByLabel('Microsoft Intune')).toBeChecked();
    await expect(linked.locator('#question-services').getByLabel('Azure Rights Management')).not.toBeChecked();
    // "Start over…" by keyboard: focus on Cancel; Escape cancels and focus goes back to the button.
    await goToStep(linked, 'Summary and sharing');
    await linked.getByRole('button', { name: 'Start over…' }).focus();
    await linked.keyboard.press('Enter');
    await focusIs(linked, 'restart-cancel', 'Start over…');
    await linked.keyboard.press('Escape');
    await focusIs(linked, 'restart', 'Escape on the question');
    await expect(linked.getByRole('alertdialog')).toHaveCount(0);
    await expect(linked.locator('dl.answers')).toHaveText(/Microsoft Intune/, { useInnerText: true });
    expect([...page.errors, ...linked.errors]).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('focus moves on, never to the page body, when the control pressed goes away', async ({ env, strictSite: strict }) => {
  const context = await env.context();
  const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  const focusIs = (page, id, what) => expect.poll(() => focused(page), { message: `focus on #${id} after ${what}` }).toBe(id);
  try {
    const page = await openPage(context, strict.url);
    // "Clear the … answer" in the guidance list's warnings.
    await leaveIgnoredAnswer(page);
    await page.locator('.warnings').getByRole('button', { name: /^Clear the/ }).click();
    await focusIs(page, 'step-heading', 'Clear the answer');
    // "Change" on the summary, which leaves the summary.
    await goToStep(page, 'Summary and sharing');
    await page.getByRole('button', { name: 'Change Services' }).click();
    await expect(page.locator('#step-heading')).toContainText('Services and tenant', { useInnerText: true });
    await focusIs(page, 'step-heading', 'Change');
    // "Start over…", then Cancel: back on the button that asked.
    await goToStep(page, 'Summary and sharing');
    await page.getByRole('button', { name: 'Start over…' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await focusIs(page, 'restart', 'Cancel');
    // "Replace with the link" in the prompt, and "Dismiss" on the notice it leaves.
    const prompt = await openPage(context, `${strict.url}#services=aad_premium`);
    await prompt.getByRole('button', { name: 'Replace with the link' }).click();
    await focusIs(prompt, 'step-heading', 'Replace');
    await prompt.locator('.notices').getByRole('button', { name: 'Dismiss' }).click();
    await focusIs(prompt, 'step-heading', 'Dismiss');
    expect([...page.errors, ...prompt.errors]).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('axe: the summary with questions not answered yet, a stale comparison and an import error', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, `${env.url}#services=intune`);
    await goToStep(page, 'Summary and sharing');
    await expect(page.locator('section.unanswered')).toBeVisible();
    await page.getByLabel('Share link or JSON export').fill(`${env.url}#services=intune&tenant=existing`);
    await page.getByRole('button', { name: 'Compare with mine' }).click();
    await expect(page.locator('.comparison table')).toBeVisible();
    await page.locator('section.guidance').getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
    await expect(page.locator('section.block', { hasText: 'Open or compare a scope' })).toContainText('compare again', { useInnerText: true });
    const found = await axe(page, 'summary with unanswered questions');
    await page.getByLabel('Share link or JSON export').fill('# EMS onboarding scope, 2026-12-01\n\n## Answers');
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await expect(page.locator('.error-text')).toContainText("the wizard's Markdown checklist", { useInnerText: true });
    found.push(...await axe(page, 'Markdown import refused'));
    expect(found, `axe violations:\n${found.join('\n')}`).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

/** What `document.activeElement` is, as a person would name it: its id, or its tag and text. */
const activeName = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'BODY';
  return el.id || `${el.tagName} ${el.textContent.trim()}`;
});

test('Dismiss by keyboard: focus goes to the next notice\'s button, then to the step heading', async ({ env, strictSite: strict }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, strict.url);
    // Two notices: an unreadable record kept aside (storage), and a link that cannot be opened.
    await page.evaluate((key) => localStorage.setItem(key, '{not json'), KEY);
    await page.reload();
    await ready(page);
    await expect(notices(page)).toContainText('could not be read', { useInnerText: true });
    await page.evaluate(() => { location.hash = 'bogus=1'; });
    await expect(notices(page)).toContainText('The link could not be opened', { useInnerText: true });
    const dismiss = notices(page).getByRole('button', { name: 'Dismiss' });
    await expect(dismiss).toHaveCount(2);
    await dismiss.first().focus();
    await page.keyboard.press('Enter');
    await expect(notices(page).locator('.notice'), 'the first notice gone').toHaveCount(1);
    await expect.poll(() => activeName(page), { message: 'focus on the next notice\'s Dismiss' }).toBe('BUTTON Dismiss');
    expect(await page.evaluate(() => document.activeElement.closest('.notice').textContent.includes('The link could not be opened'))).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeName(page), { message: 'focus on the step heading after the last notice' }).toBe('step-heading');
    await expect(notices(page).locator('.notice')).toHaveCount(0);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('Clear the … answer by keyboard: focus goes to the next warning\'s button, then to the step heading', async ({ env, strictSite: strict }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, strict.url);
    // Two answers kept but ignored whose step is gone: the list's warnings offer to clear each.
    await answer(page, 'Which services', 'Azure Active Directory Premium');
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Azure AD Premium capabilities');
    await answer(page, 'Which Azure AD Premium capabilities', 'Identity Protection');
    await goToStep(page, 'Microsoft Intune');
    await answer(page, 'What should Intune manage', 'Mobile devices (MDM)');
    await goToStep(page, 'Services and tenant');
    await page.locator('#question-services').getByLabel('Azure Rights Management').check();
    await page.locator('#question-services').getByLabel('Azure Active Directory Premium').uncheck();
    await page.locator('#question-services').getByLabel('Microsoft Intune').uncheck();
    const clear = page.locator('.warnings').getByRole('button', { name: /^Clear the/ });
    await expect(clear, 'two Clear buttons in the list').toHaveCount(2);
    await clear.first().focus();
    await page.keyboard.press('Enter');
    await expect(clear, 'one warning cleared').toHaveCount(1);
    await expect.poll(() => activeName(page), { message: 'focus on the next warning\'s button' }).toBe('BUTTON Clear the Intune scope answer');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeName(page), { message: 'focus on the step heading after the last warning' }).toBe('step-heading');
    // On a step, beside its questions: two answers ignored there, cleared one after the other.
    await goToStep(page, 'Accounts and sign-in');
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await answer(page, 'How will users sign in', 'Federated identities (AD FS, single sign-on)');
    await answer(page, 'custom synchronization rule', 'No, the standard rules will do');
    await answer(page, 'Where do your user accounts live', 'Only in the cloud (no on-premises Active Directory)');
    const here = page.locator('.step-questions').getByRole('button', { name: /^Clear the/ });
    await expect(here, 'two Clear buttons on the step').toHaveCount(2);
    await here.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeName(page), { message: 'focus on the next warning\'s button on the step' }).toBe('BUTTON Clear the Custom sync rules answer');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeName(page), { message: 'focus on the step heading' }).toBe('step-heading');
    await expect(here).toHaveCount(0);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

/** Ticks whose text wrapped under them (the label starts below the tick or not beside it). */
function ticksApart(page) {
  return page.locator('section.guidance .item-line').evaluateAll((lines) => lines
    .filter((line) => line.checkVisibility() && line.querySelector('input:not([hidden])') && line.querySelector('label'))
    .filter((line) => {
      const tick = line.querySelector('input').getBoundingClientRect();
      const text = line.querySelector('label').getBoundingClientRect();
      return text.top >= tick.bottom || text.left < tick.right;
    })
    .map((line) => line.querySelector('label').textContent.slice(0, 40)));
}

/** Notices, messages and warnings (and what they hold) that stick out of their box, or whose text
 * runs past it. */
function noticesOverflowing(page) {
  return page.locator('.notice, .error-text, .action-error, .status, .warning-box, .warnings li, .prompt, .confirm').evaluateAll((boxes) => boxes.flatMap((box) => {
    const outer = box.getBoundingClientRect();
    const out = [...box.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.right > outer.right + 0.5 || r.left < outer.left - 0.5;
    });
    const wide = out.length > 0 || box.scrollWidth > box.clientWidth || outer.right > document.documentElement.clientWidth;
    // A button squeezed narrower than its longest word breaks the word ("D/i/s/m/i/s/s").
    const squeezed = [...box.querySelectorAll('button')].filter((button) => {
      const clone = button.cloneNode(true);
      clone.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      const longest = clone.textContent.trim().split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
      const probe = document.createElement('span');
      probe.textContent = longest;
      Object.assign(probe.style, { position: 'absolute', whiteSpace: 'nowrap', visibility: 'hidden' });
      button.append(probe);
      const word = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(button);
      return button.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) < word - 0.5;
    });
    const problems = [];
    if (wide) problems.push(`${box.textContent.slice(0, 60)}: ${out.map((el) => el.tagName).join(', ')}`);
    for (const button of squeezed) problems.push(`${box.textContent.slice(0, 60)}: the button "${button.textContent.trim()}" breaks a word`);
    return problems;
  }));
}

test('at 320 px every tick stays beside its text', async ({ env, strictSite: strict }) => {
  const context = await env.context({ viewport: { width: 320, height: 700 } });
  try {
    const page = await openPage(context, `${strict.url}#services=aad_premium,intune,azure_rms&tenant=new&directory=single_forest&signin=federated&exchange_onprem=yes&mdm_authority=intune&intune_scope=mdm,mam,pc`);
    await expect.poll(() => page.locator('section.guidance input[type=checkbox]:not([hidden])').count(), { message: 'the ticks shown' }).toBeGreaterThan(20);
    await shot(page, 'ticks-320');
    expect(await ticksApart(page)).toStrictEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'nothing scrolls sideways').toBeTruthy();
  } finally {
    await context.close();
  }
});

test('at 360 px no notice or message overflows its box, whatever it says', async ({ env, strictSite: strict }) => {
  const context = await env.context({ viewport: { width: 360, height: 740 } });
  const blocked = await env.context({ viewport: { width: 360, height: 740 } });
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const found = [];
  const check = async (page, name) => {
    await shot(page, `notices-360-${name}`);
    found.push(...(await noticesOverflowing(page)).map((o) => `${name}: ${o}`));
  };
  try {
    // An unreadable record kept aside under a long key, and a link error quoting a long word.
    const page = await openPage(context, strict.url);
    await page.evaluate((key) => localStorage.setItem(key, '{not json'), KEY);
    await page.reload();
    await ready(page);
    await expect(notices(page)).toContainText(ASIDE_PREFIX, { useInnerText: true });
    await page.evaluate(() => { location.hash = `services${'x'.repeat(90)}`; });
    await expect(notices(page)).toContainText('The link could not be opened', { useInnerText: true });
    await check(page, 'unreadable-and-link');
    // A record from a newer version.
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ format: 99, answers: {} })), KEY);
    await page.reload();
    await ready(page);
    await expect.poll(() => notices(page).locator('.notice').count(), { message: 'the newer record notice' }).toBeGreaterThan(0);
    await check(page, 'newer');
    // Storage that fills up while the wizard runs.
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    await page.reload();
    await ready(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect(notices(page)).toContainText('storage is full', { useInnerText: true });
    await check(page, 'full');
    // A link that cannot be opened, pasted into the import: the message quotes its long word.
    await goToStep(page, 'Summary and sharing');
    await page.getByLabel('Share link or JSON export').fill(`${strict.url}#${'y'.repeat(150)}=1`);
    await page.getByRole('button', { name: 'Open this scope' }).click();
    await expect.poll(async () => (await page.locator('.error-text').innerText()).trim(), { message: 'the message' }).not.toBe('');
    await check(page, 'import-link');
    // Storage blocked.
    const memory = await openPage(blocked, strict.url);
    await expect(notices(memory)).toContainText('does not let the wizard save', { useInnerText: true });
    await check(memory, 'blocked');
    expect(found).toStrictEqual([]);
  } finally {
    await context.close();
    await blocked.close();
  }
});
