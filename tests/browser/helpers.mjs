// Shared helpers for the browser tests: the built site on loopback servers, facts read from the
// Rust source, and small helpers that act as a person would (fixtures.mjs gives each test its
// browser and site; playwright.config.mjs launches Debian's Chromium).
import { expect } from '@playwright/test';
import { serve } from '../../scripts/static-server.mjs';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
export const DIST = process.env.DIST || path.resolve(repo, 'dist');
export const SHOTS = path.resolve(here, 'screenshots');

/** Serves dist on a free port; returns { url, server, close }. */
export async function site(options = {}) {
  const server = await serve({ root: DIST, port: 0, ...options });
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, port, server, close: () => new Promise((r) => server.close(r)) };
}

/** A new page that records console errors and page errors. */
export async function openPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  if (url) {
    await page.goto(url);
    await ready(page);
  }
  return page;
}

/** Waits until the app has hydrated the prerendered page and applied the browser's state. */
export async function ready(page) {
  await expect(page.locator('html')).toContainClass('ready', { timeout: 30000 });
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // The whole page as a person scrolling it sees it: sections out of sight are not rendered
  // (content-visibility: auto) until scrolled to, and a full-page capture does not scroll. Set
  // through the CSSOM, which the pages' strict CSP allows (a <style> it would block).
  const sections = (visibility) => page.evaluate((value) => {
    for (const section of document.querySelectorAll('.section')) section.style.contentVisibility = value;
  }, visibility);
  await sections('visible');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await sections('');
}

/** Holds back the app's JavaScript glue in `context` (every frame), so its pages stay as
 *  prerendered (the loader ran) until the returned function is called. */
export async function holdApp(context) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/ems-scope-wizard.js', async (route) => { await held; await route.continue(); });
  return release;
}

/** The ids of the chosen question inputs in `frame` (a Page or a Frame), in page order. */
export async function chosenIds(frame) {
  return frame.locator('fieldset.question input:checked').evaluateAll((inputs) => inputs.map((i) => i.id));
}

/** Picks an answer by its visible label inside the question with the given legend text. */
export async function answer(page, legend, label) {
  const fieldset = page.locator('fieldset.question', { has: page.locator('legend', { hasText: legend }) });
  await fieldset.getByLabel(label, { exact: true }).check();
}

export async function next(page) {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

/** The text of the guidance panel as a person reads it. */
export async function guidanceText(page) {
  return page.locator('section.guidance').innerText();
}

// ---------------------------------------------------------------------------------------------
// Added for the full suite: contexts, the standard situation, and readers of the page.

/** A `pub const NAME: &str = "…";` of the Rust source (a path under the repository). */
export function rustConst(file, name) {
  const source = fs.readFileSync(path.join(repo, file), 'utf8');
  const found = new RegExp(`pub const ${name}: &str = "([^"\\\\]*)";`).exec(source);
  if (!found) throw new Error(`no ${name} in ${file}`);
  return found[1];
}

/** Storage record key and the prefix of records kept aside, as the app names them. */
export const KEY = rustConst('crates/scope/src/storage.rs', 'PROGRESS_KEY');
export const ASIDE_PREFIX = rustConst('crates/scope/src/storage/load.rs', 'ASIDE_PREFIX');

/** The step heading, as a locator. */
export function headingOf(page) {
  return page.locator('#step-heading');
}

/** The step heading's text. */
export async function heading(page) {
  return page.locator('#step-heading').innerText();
}

/** Clicks a step in the step list by its visible title and waits for its heading. */
export async function goToStep(page, title) {
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: title, exact: true }).click();
  await expect(headingOf(page)).toContainText(title, { useInnerText: true });
}

/** Clicks Next and waits for the heading to change. */
export async function nextStep(page) {
  const before = await heading(page);
  await next(page);
  await expect(headingOf(page), 'the next step').not.toHaveText(before, { useInnerText: true });
}

/** The guidance row (li.item) on screen whose own text starts with `text` (first match). Every
 *  row is drawn once and hidden while its list does not show it: only shown rows count. */
export function item(page, text) {
  return page.locator('section.guidance li.item:visible', { has: page.locator('.item-line', { hasText: text }) }).first();
}

/** The texts of the in-scope guidance lines on screen, in page order. Their text, not their
 *  rendered text: a section out of sight is not rendered until scrolled to (content-visibility). */
export async function inScopeTexts(page) {
  return page.locator('section.guidance li.item.in-scope:visible > .item-line label').allTextContents();
}

/** The phase block's count text, e.g. "2 in scope, 1 done". */
export async function phaseCount(page, phase) {
  return page.locator(`#phase-${phase.toLowerCase()} .count`).innerText();
}

export async function totals(page) {
  return page.locator('section.guidance .totals').innerText();
}

/** The situation the suite uses throughout, answered through the UI from a fresh start. */
export const SITUATION = [
  ['Services and tenant', [
    ['Which services', 'Microsoft Intune'],
    ['Which services', 'Azure Rights Management'],
    ['new tenant or an existing', 'A new tenant'],
  ]],
  ['Accounts and sign-in', [
    ['Where do your user accounts live', 'One on-premises Active Directory forest'],
    ['How will users sign in', 'Federated identities (AD FS, single sign-on)'],
    ['custom synchronization rule', 'No, the standard rules will do'],
    ['Exchange Server on premises', 'Yes'],
    ['SharePoint Server on premises', 'No'],
  ]],
  ['Microsoft Intune', [
    ['Mobile Device Management authority', 'Microsoft Intune'],
    ['What should Intune manage', 'Mobile devices (MDM)'],
    ['third-party MDM', 'No'],
  ]],
  ['Rights Management', [
    ['Which workloads should Rights Management protect', 'Exchange Server mail on premises'],
  ]],
];

/** Answers SITUATION step by step with Next, ending on "Summary and sharing". */
export async function answerSituation(page) {
  for (const [title, answers] of SITUATION) {
    await expect(headingOf(page)).toContainText(title, { useInnerText: true });
    for (const [legend, label] of answers) await answer(page, legend, label);
    await nextStep(page);
  }
  await expect(headingOf(page)).toContainText('Summary and sharing', { useInnerText: true });
}

/** Local storage of the page as a plain object. */
export async function storage(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/** The notices area text. */
export function notices(page) {
  return page.locator('.notices');
}

/** Answers the Azure AD Premium capabilities, then unticks the service: the answer is kept but
 * ignored, and its step is gone (the guidance list's warnings offer to clear it). */
export async function leaveIgnoredAnswer(page) {
  await answer(page, 'Which services', 'Azure Active Directory Premium');
  await answer(page, 'Which services', 'Microsoft Intune');
  await goToStep(page, 'Azure AD Premium capabilities');
  await answer(page, 'Which Azure AD Premium capabilities', 'Identity Protection');
  await goToStep(page, 'Services and tenant');
  await page.locator('#question-services').getByLabel('Azure Active Directory Premium').uncheck();
}
