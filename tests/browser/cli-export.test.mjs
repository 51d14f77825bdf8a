// The wizard's downloads against the command-line tool's output (issue 29): every fixture share
// link opened from the address bar and every fixture JSON export opened from a file, then
// "Download Markdown" and "Download JSON" on the summary step, each compared with the file in
// crates/cli/tests/expected/ that `ems-scope export --date 2026-11-23` is tested against
// (crates/cli/tests/export.rs). The browser's clock is pinned to that day in a time zone where
// it is already that day while UTC is still on the one before: the downloads carry the local date.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goToStep, heading, ready } from './helpers.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(repo, 'crates/scope/tests/fixtures');
const EXPECTED = path.join(repo, 'crates/cli/tests/expected');
const DATE = '2026-11-23';
// 09:00 on 2026-11-23 in Auckland (UTC+13 in November); 20:00 on the 22nd in UTC.
const NOW = new Date('2026-11-22T20:00:00Z');
const TIME_ZONE = 'Pacific/Auckland';

const LINKS = ['share_earlier.txt', 'share_with_done.txt', 'share_without_done.txt'];
const EXPORTS = ['export_current.json', 'export_earlier.json', 'export_several_forests.json'];

/** A fresh browser (nothing saved) whose clock says NOW in TIME_ZONE. */
async function freshPage(env, url) {
  const context = await env.context({ acceptDownloads: true, timezoneId: TIME_ZONE });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(url);
  await ready(page);
  return { context, page };
}

/** Clicks a download button; returns the file's suggested name and its text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** Both downloads on the summary step, compared with the tool's expected files for `fixture`. */
async function downloadsMatchTheTool(page, fixture) {
  if ((await heading(page)) !== 'Summary and sharing') await goToStep(page, 'Summary and sharing');
  const stem = fixture.replace(/\.[a-z]+$/, '');
  for (const [button, extension] of [['Download Markdown', 'md'], ['Download JSON', 'json']]) {
    const got = await download(page, button);
    expect(got.name, `${fixture}: the local date`).toBe(`ems-onboarding-scope-${DATE}.${extension}`);
    const want = fs.readFileSync(path.join(EXPECTED, `${stem}.${extension}`), 'utf8');
    expect(got.text, `${fixture}: ${button} is what ems-scope export writes`).toBe(want);
  }
}

for (const fixture of LINKS) {
  test(`a share link (${fixture}): the downloads are the tool's output`, async ({ env }) => {
    const link = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8').trim();
    const { context, page } = await freshPage(env, `${env.url}#${link}`);
    try {
      await downloadsMatchTheTool(page, fixture);
      expect(page.errors).toStrictEqual([]);
    } finally {
      await context.close();
    }
  });
}

for (const fixture of EXPORTS) {
  test(`a JSON export opened from a file (${fixture}): the downloads are the tool's output`, async ({ env }) => {
    const { context, page } = await freshPage(env, env.url);
    try {
      await goToStep(page, 'Summary and sharing');
      await page.getByLabel('Or a file (JSON export)').setInputFiles(path.join(FIXTURES, fixture));
      await expect(page.locator('#import-text')).toHaveValue(/ems-onboarding-scope/);
      await page.getByRole('button', { name: 'Open this scope' }).click();
      await expect(page.locator('body')).toContainText('The scope from the import is open.', { useInnerText: true });
      await downloadsMatchTheTool(page, fixture);
      expect(page.errors).toStrictEqual([]);
    } finally {
      await context.close();
    }
  });
}
