// The prerendered first screen (src/bin/prerender.rs) and its hydration: what the built
// index.html holds, the page without JavaScript and before hydration, and a returning customer's
// step opened with no frame of the blank first step.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  openPage, ready, answer, next, storage, holdApp, chosenIds, heading, KEY, DIST, SHOTS,
} from './helpers.mjs';
import { extensionNodes } from './extensions.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.join(here, 'node_modules/axe-core/axe.min.js');

test('the built index.html holds the first step and the guidance list, inside the app\'s root', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // Hydration starts at the root's first child: nothing, not even a newline, before the layout.
  expect(html).toMatch(/<div id="?app"?><div class="page">/);
  expect(html, 'the prerender\'s mark is taken out').not.toContain('data-prerender');
  for (const text of ['Which services do you want to onboard?', 'Azure Active Directory Premium', 'Is this a new tenant or an existing one?',
    'Services and tenant', 'Your guidance list', 'Initiate phase', 'Assess phase', 'Remediate phase', 'Enable phase', 'Work with you to begin onboarding.',
    'Answering these questions needs JavaScript']) {
    expect(html, `index.html holds "${text}"`).toContain(text);
  }
  expect((html.match(/<fieldset[^>]*class="question"/g) || []).length, 'the first step\'s two questions').toBe(2);
  expect(!/<script>|<script [^>]*>[^<]/.test(html), 'no inline script').toBeTruthy();
});

test('without JavaScript the questions and the whole list show, with the line that answering needs it', async ({ env }) => {
  const context = await env.context({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(env.url);
    await expect(page.locator('#step-heading')).toHaveText('Services and tenant', { useInnerText: true });
    await expect(page.getByText('Which services do you want to onboard?')).toBeVisible();
    await expect(page.getByText('Answering these questions needs JavaScript')).toBeVisible();
    await expect(page.locator('section.guidance h3', { hasText: 'Assess phase' })).toBeVisible();
    expect((await page.locator('section.guidance li.item:visible').count()) > 20, 'the whole guidance list').toBeTruthy();
    // The questions are not disabled (choices made before the app is up count, with JavaScript),
    // so the line above them is what says that nothing can be answered here.
    const line = await page.locator('.needs-js').boundingBox();
    const question = await page.locator('fieldset.question').first().boundingBox();
    expect(line.y < question.y, 'the line stands above the questions').toBeTruthy();
    expect(await page.evaluate(() => Boolean(document.querySelector('.needs-js').compareDocumentPosition(document.querySelector('fieldset.question')) & Node.DOCUMENT_POSITION_FOLLOWING)), 'and comes before them in reading order').toBeTruthy();
    await page.screenshot({ path: path.join(SHOTS, 'prerendered-no-js.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

/** Runs axe (injected: the page has no CSP here); returns readable violations. */
async function axe(page, label) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  return violations.map((v) => `[${label}] ${v}`);
}

test('axe finds nothing on the prerendered page before hydration, nor after it', async ({ env, openSite: open }) => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    // Before: the app's JavaScript glue never arrives, so the page stays as prerendered (the loader ran).
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(open.url);
    await expect(page.locator('fieldset.question').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.className), 'not hydrated yet').toBe('js');
    const found = await axe(page, 'prerendered');
    release();
    await ready(page);
    found.push(...await axe(page, 'hydrated'));
    expect(found).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('choices made on the prerendered questions before the app is up are kept as answers', async ({ env }) => {
  const context = await env.context();
  try {
    // The app's glue is held back, so every click below lands on the prerendered page.
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await expect(page.locator('fieldset.question').first()).toBeVisible();
    const totalsBefore = await page.locator('section.guidance .totals').innerText();
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'Which services', 'Azure Rights Management');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    expect(await page.evaluate(() => document.documentElement.classList.contains('ready')), 'clicked before the app was up').toBe(false);
    release();
    await ready(page);
    const checked = await chosenIds(page);
    expect(checked, 'the choices still show after hydration').toStrictEqual(['q-services-intune', 'q-services-azure_rms', 'q-tenant-new']);
    await expect(page.locator('section.guidance .totals')).toContainText(/in scope/, { useInnerText: true });
    await expect(page.locator('section.guidance .totals'), 'the guidance list follows them').not.toHaveText(totalsBefore, { useInnerText: true });
    await expect(page.locator('#guidance-live')).toContainText(/^Guidance list updated: \d+ items added/, { useInnerText: true });
    const saved = JSON.parse((await storage(page))[KEY]);
    expect(saved.answers, 'and they are saved').toStrictEqual({ services: ['intune', 'azure_rms'], tenant: ['new'] });
    // A click after that is an ordinary change.
    await page.locator('#q-services-intune').uncheck();
    await expect.poll(async () => JSON.parse((await storage(page))[KEY]).answers.services.join() === 'azure_rms', { message: 'Intune dropped from the record' }).toBeTruthy();
  } finally {
    await context.close();
  }
});

// The app's tasks for the parts it hydrates one at a time (src/later.rs): held here until the
// test runs them, so the page stops between two parts.
function holdPartTasks() {
  // Each is a message the app posts on a channel of its own (browser::next_task).
  const post = MessagePort.prototype.postMessage;
  window.__parts = { held: [], holding: true };
  MessagePort.prototype.postMessage = function (...message) {
    if (window.__parts.holding) return window.__parts.held.push(() => post.apply(this, message));
    return post.apply(this, message);
  };
}

test('the list is hydrated a part at a time: a "Why and where from" already up opens once, and a choice made meanwhile is kept', async ({ env }) => {
  const context = await env.context();
  try {
    await context.addInitScript(holdPartTasks);
    const page = await context.newPage();
    await page.goto(env.url);
    // The page's frame is hydrated; then its parts, one task each, until one of the list's
    // sections is up.
    const why = page.locator('section.guidance .later[data-hydrated] > .section .disclosure').first();
    await expect.poll(async () => {
      await page.waitForFunction(() => window.__parts.held.length > 0);
      await page.evaluate(() => window.__parts.held.shift()());
      return why.count();
    }, { message: 'a section hydrated, with the rest still to come' }).toBeGreaterThan(0);
    expect(await page.locator('section.guidance .later:not([data-hydrated]) > .section .disclosure').count(), 'the rest still to come').toBeGreaterThan(0);
    await why.click();
    await expect(why, 'its part is up: it opens at once').toHaveAttribute('aria-expanded', 'true');
    // The questions are not hydrated yet: the choice is the browser's own.
    await answer(page, 'Which services', 'Microsoft Intune');
    expect(await page.evaluate(() => document.documentElement.classList.contains('ready')), 'before start-up').toBe(false);
    await page.evaluate(() => {
      window.__parts.holding = false;
      while (window.__parts.held.length) window.__parts.held.shift()();
    });
    await ready(page);
    await expect(why, 'not clicked a second time at start-up').toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('[data-early-click]')).toHaveCount(0);
    expect(await chosenIds(page), 'the choice kept').toStrictEqual(['q-services-intune']);
    const saved = JSON.parse((await storage(page))[KEY]);
    expect(saved.answers, 'and saved').toStrictEqual({ services: ['intune'] });
  } finally {
    await context.close();
  }
});

test('before the app is up, Next and the step links wait, disabled, and "Why and where from" takes its click when it is', async ({ env }) => {
  const context = await env.context();
  try {
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await expect(page.locator('fieldset.question').first()).toBeVisible();
    const next = page.getByRole('button', { name: 'Next', exact: true });
    const back = page.getByRole('button', { name: 'Back', exact: true });
    const stepLinks = page.getByRole('navigation', { name: 'Steps' }).getByRole('button');
    const waiting = async () => ({
      next: await next.isDisabled(),
      back: await back.isDisabled(),
      stepLinks: await stepLinks.evaluateAll((buttons) => buttons.length === 3 && buttons.every((b) => b.disabled)),
    });
    expect(await waiting(), 'they wait before the app is up').toStrictEqual({ next: true, back: true, stepLinks: true });
    // And look it, as the ticks do.
    expect(await next.evaluate((b) => getComputedStyle(b).opacity)).toBe('0.55');
    await page.screenshot({ path: path.join(SHOTS, 'prerendered-waiting.png') });
    // Two disclosures clicked, one of them twice (opened and closed again).
    const why = page.locator('section.guidance .disclosure');
    await why.nth(0).click();
    await why.nth(1).click();
    await why.nth(1).click();
    await expect(why.nth(0), 'nothing opens before the app is up').toHaveAttribute('aria-expanded', 'false');
    release();
    await ready(page);
    expect(await waiting(), 'they work once it is (Back: on the first step)').toStrictEqual({ next: false, back: true, stepLinks: false });
    await expect(why.nth(0), 'the early click taken').toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('section.guidance .provenance').first()).toContainText('Why it is here', { useInnerText: true });
    await expect(why.nth(1), 'clicked twice: closed').toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('[data-early-click]')).toHaveCount(0);
    await next.click();
    await expect(page.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    await stepLinks.filter({ hasText: 'Services and tenant' }).click();
    await expect(page.locator('#step-heading'), 'the first step again').toHaveText('Services and tenant', { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('nodes an extension adds around the app\'s root do not stop the release build from starting', async ({ env }) => {
  const context = await env.context();
  try {
    await context.addInitScript(extensionNodes);
    const page = await openPage(context, env.url);
    await expect(page.locator('.boot-error'), 'no "could not start"').toHaveCount(0);
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect(page.locator('.step-count')).toContainText('Step 1 of 4', { useInnerText: true });
    await expect(page.locator('#ext-top')).toHaveCount(1);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('inputs the browser checks when it restores a form (no change event) are not taken as choices', async ({ env }) => {
  const context = await env.context();
  try {
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await expect(page.locator('fieldset.question').first()).toBeVisible();
    // As a browser restoring the form on reload or Back does it: checked, no event.
    await page.evaluate(() => { document.getElementById('q-services-intune').checked = true; });
    release();
    await ready(page);
    await expect(page.locator('fieldset.question input:checked'), 'nothing chosen').toHaveCount(0);
    expect((await storage(page))[KEY], 'nothing saved').toBe(undefined);
  } finally {
    await context.close();
  }
});

test('saved progress wins over choices found on the prerendered questions', async ({ env }) => {
  const context = await env.context();
  try {
    const first = await openPage(context, env.url);
    await answer(first, 'Which services', 'Microsoft Intune');
    await expect.poll(async () => (await storage(first))[KEY]?.includes('intune'), { message: 'Intune saved' }).toBeTruthy();
    await first.close();
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await expect(page.locator('#q-services-azure_rms')).toBeAttached();
    // The questions are held back (hidden) for the saved record, so no one can click them; a
    // choice made anyway, with the event a click fires, still loses to the saved progress.
    await page.evaluate(() => {
      const input = document.getElementById('q-services-azure_rms');
      input.checked = true;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    release();
    await ready(page);
    const checked = await chosenIds(page);
    expect(checked, 'the saved answers, not the restored form').toStrictEqual(['q-services-intune']);
  } finally {
    await context.close();
  }
});

/** Per animation frame while loading: the step heading and whether the questions side shows. */
function frameProbe() {
  window.__frames = [];
  const look = () => {
    const heading = document.getElementById('step-heading');
    const layout = document.querySelector('.layout');
    if (heading && layout) {
      window.__frames.push({ heading: heading.textContent, shown: getComputedStyle(layout).visibility === 'visible' });
    }
    if (window.__frames.length < 600) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** The share of pixels that differ between two PNG images of the same size, measured in a blank page. */
async function pixelDifference(scratch, a, b) {
  return scratch.evaluate(async ([a, b]) => {
    const pixels = async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      return g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    if (p.length !== q.length) return 1;
    let differing = 0;
    for (let i = 0; i < p.length; i += 4) {
      if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 48) differing += 1;
    }
    return differing / (p.length / 4);
  }, [a, b]);
}

test('saved progress at step 3 opens at step 3, with no frame of step 1 while the page loads', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, env.url);
    // The top of the questions side: the step list, the step count and the heading.
    const box = await page.locator('section.questions').boundingBox();
    const questions = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: 320 };
    const step1 = (await page.screenshot({ clip: questions })).toString('base64');
    await answer(page, 'Which services', 'Microsoft Intune');
    await next(page);
    await next(page);
    await expect(page.locator('#step-heading')).toContainText('Microsoft Intune', { useInnerText: true });
    await page.waitForTimeout(300); // the save, and the focus ring settled
    const step3 = (await page.screenshot({ clip: questions })).toString('base64');

    // Reload, recording every painted frame (CDP screencast) and every animation frame's state.
    await context.addInitScript(frameProbe);
    const cdp = await context.newCDPSession(page);
    const frames = [];
    cdp.on('Page.screencastFrame', (frame) => {
      frames.push(frame.data);
      cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => {});
    });
    await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1, maxWidth: 1280, maxHeight: 900 });
    await page.reload();
    await ready(page);
    await page.waitForTimeout(500);
    await cdp.send('Page.stopScreencast');
    await expect(page.locator('#step-heading')).toHaveText('Microsoft Intune', { useInnerText: true });

    const states = await page.evaluate(() => window.__frames);
    const wrong = states.filter((f) => f.shown && f.heading !== 'Microsoft Intune');
    expect(wrong, 'no animation frame shows another step').toStrictEqual([]);
    expect(states.some((f) => f.shown && f.heading === 'Microsoft Intune'), 'frames of step 3 recorded').toBeTruthy();

    // The painted frames, cropped to the top of the questions side, beside the two references.
    const scratch = await context.newPage();
    const series = path.join(SHOTS, 'load-at-step-3');
    fs.rmSync(series, { recursive: true, force: true });
    fs.mkdirSync(series, { recursive: true });
    let sawStep3 = false;
    for (const [i, frame] of frames.entries()) {
      fs.writeFileSync(path.join(series, `frame-${String(i).padStart(3, '0')}.png`), Buffer.from(frame, 'base64'));
      const cropped = await cropTop(scratch, frame, questions);
      expect(await pixelDifference(scratch, cropped, step1) > 0.002, `frame ${i} shows step 1`).toBeTruthy();
      sawStep3 ||= (await pixelDifference(scratch, cropped, step3)) < 0.002;
    }
    expect(frames.length > 0 && sawStep3, `the screencast caught step 3 (${frames.length} frames)`).toBeTruthy();
  } finally {
    await context.close();
  }
});

/** The `clip` region of a PNG frame (the screencast is the viewport at scale 1), as PNG base64. */
async function cropTop(scratch, frame, clip) {
  return scratch.evaluate(async ([frame, clip]) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${frame}`)).blob());
    const canvas = new OffscreenCanvas(clip.width, clip.height);
    canvas.getContext('2d').drawImage(bitmap, clip.x, clip.y, clip.width, clip.height, 0, 0, clip.width, clip.height);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }, [frame, clip]);
}

test('when the wasm cannot be fetched, the page says so at the top and keeps the prerendered screen', async ({ env }) => {
  const context = await env.context();
  try {
    await context.route('**/*.wasm', (route) => route.abort());
    const page = await context.newPage();
    // Saved progress, so the loader holds the step back: a failed start must release it.
    await page.goto(env.url);
    await page.evaluate((key) => localStorage.setItem(key, '{"format":2}'), KEY);
    await page.reload();
    const note = page.locator('body > .boot-error');
    await expect(note).toContainText('The wizard could not start in this browser', { useInnerText: true });
    expect(await page.evaluate(() => document.body.firstElementChild.className), 'at the top').toBe('boot-error');
    await expect(page.getByText('Which services do you want to onboard?'), 'the prerendered questions still show').toBeVisible();
  } finally {
    await context.close();
  }
});

test('an error in a part\'s task before the app is up says the start failed and releases the held step', async ({ env }) => {
  const context = await env.context();
  try {
    await context.addInitScript(holdPartTasks);
    const page = await context.newPage();
    // Saved progress, so the loader holds the step back until start-up.
    await page.goto(env.url);
    await page.evaluate((key) => localStorage.setItem(key, '{"format":2}'), KEY);
    await page.reload();
    await page.waitForFunction(() => window.__parts.held.length > 0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('restoring')), 'held back').toBe(true);
    // A part's task throws, as a DOM call on a node a translator or an extension changed could.
    await page.evaluate(() => {
      window.__parts.held.shift();
      window.__parts.holding = false;
      setTimeout(() => { throw new Error('a part could not be hydrated'); });
    });
    await expect(page.locator('body > .boot-error')).toContainText('The wizard could not start in this browser (Error: a part could not be hydrated)', { useInnerText: true });
    expect(await page.evaluate(() => document.documentElement.classList.contains('restoring')), 'released').toBe(false);
    await expect(page.getByText('Which services do you want to onboard?'), 'the prerendered questions still show').toBeVisible();
  } finally {
    await context.close();
  }
});
