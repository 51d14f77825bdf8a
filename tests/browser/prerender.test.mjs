// The prerendered first screen (src/bin/prerender.rs) and its hydration: what the built
// index.html holds, the page without JavaScript and before hydration, and a returning customer's
// step opened with no frame of the blank first step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, site, openPage, ready, answer, next, waitText, until, storage, holdApp, chosenIds, heading, KEY, DIST, SHOTS } from './helpers.mjs';
import { extensionNodes } from './extensions.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.join(here, 'node_modules/axe-core/axe.min.js');

let env; // the real CSP
let open; // no CSP, for axe
before(async () => {
  env = await setup();
  open = await site({ csp: false });
});
after(async () => {
  await env?.close();
  await open?.close();
});

test('the built index.html holds the first step and the guidance list, inside the app\'s root', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // Hydration starts at the root's first child: nothing, not even a newline, before the layout.
  assert.match(html, /<div id="?app"?><div class="page">/);
  assert.ok(!html.includes('data-prerender'), 'the prerender\'s mark is taken out');
  for (const text of ['Which services do you want to onboard?', 'Azure Active Directory Premium', 'Is this a new tenant or an existing one?',
    'Services and tenant', 'Your guidance list', 'Initiate phase', 'Assess phase', 'Remediate phase', 'Enable phase', 'Work with you to begin onboarding.',
    'Answering these questions needs JavaScript']) {
    assert.ok(html.includes(text), `index.html holds "${text}"`);
  }
  assert.equal((html.match(/<fieldset[^>]*class="question"/g) || []).length, 2, 'the first step\'s two questions');
  assert.ok(!/<script>|<script [^>]*>[^<]/.test(html), 'no inline script');
});

test('without JavaScript the questions and the whole list show, with the line that answering needs it', async () => {
  const context = await env.context({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(env.url);
    assert.equal(await page.locator('#step-heading').innerText(), 'Services and tenant');
    assert.ok(await page.getByText('Which services do you want to onboard?').isVisible());
    assert.ok(await page.getByText('Answering these questions needs JavaScript').isVisible());
    assert.ok(await page.locator('section.guidance h3', { hasText: 'Assess phase' }).isVisible());
    assert.ok((await page.locator('section.guidance li.item').count()) > 20, 'the whole guidance list');
    // The questions are not disabled (choices made before the app is up count, with JavaScript),
    // so the line above them is what says that nothing can be answered here.
    const line = await page.locator('.needs-js').boundingBox();
    const question = await page.locator('fieldset.question').first().boundingBox();
    assert.ok(line.y < question.y, 'the line stands above the questions');
    assert.ok(await page.evaluate(() => Boolean(document.querySelector('.needs-js').compareDocumentPosition(document.querySelector('fieldset.question')) & Node.DOCUMENT_POSITION_FOLLOWING)), 'and comes before them in reading order');
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

test('axe finds nothing on the prerendered page before hydration, nor after it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    // Before: the app's JavaScript glue never arrives, so the page stays as prerendered (the loader ran).
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(open.url);
    await page.waitForSelector('fieldset.question');
    assert.equal(await page.evaluate(() => document.documentElement.className), 'js', 'not hydrated yet');
    const found = await axe(page, 'prerendered');
    release();
    await ready(page);
    found.push(...await axe(page, 'hydrated'));
    assert.deepEqual(found, []);
  } finally {
    await context.close();
  }
});

test('choices made on the prerendered questions before the app is up are kept as answers', async () => {
  const context = await env.context();
  try {
    // The app's glue is held back, so every click below lands on the prerendered page.
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForSelector('fieldset.question');
    const totalsBefore = await page.locator('section.guidance .totals').innerText();
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'Which services', 'Azure Rights Management');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('ready')), false, 'clicked before the app was up');
    release();
    await ready(page);
    const checked = await chosenIds(page);
    assert.deepEqual(checked, ['q-services-intune', 'q-services-azure_rms', 'q-tenant-new'], 'the choices still show after hydration');
    await waitText(page.locator('section.guidance .totals'), /in scope/);
    assert.notEqual(await page.locator('section.guidance .totals').innerText(), totalsBefore, 'the guidance list follows them');
    await waitText(page.locator('#guidance-live'), /^Guidance list updated: \d+ items added/);
    const saved = JSON.parse((await storage(page))[KEY]);
    assert.deepEqual(saved.answers, { services: ['intune', 'azure_rms'], tenant: ['new'] }, 'and they are saved');
    // A click after that is an ordinary change.
    await page.locator('#q-services-intune').uncheck();
    await until(async () => JSON.parse((await storage(page))[KEY]).answers.services.join() === 'azure_rms', 'Intune dropped from the record');
  } finally {
    await context.close();
  }
});

test('before the app is up, Next and the step links wait, disabled, and "Why and where from" takes its click when it is', async () => {
  const context = await env.context();
  try {
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForSelector('fieldset.question');
    const next = page.getByRole('button', { name: 'Next', exact: true });
    const back = page.getByRole('button', { name: 'Back', exact: true });
    const stepLinks = page.getByRole('navigation', { name: 'Steps' }).getByRole('button');
    const waiting = async () => ({
      next: await next.isDisabled(),
      back: await back.isDisabled(),
      stepLinks: await stepLinks.evaluateAll((buttons) => buttons.length === 3 && buttons.every((b) => b.disabled)),
    });
    assert.deepEqual(await waiting(), { next: true, back: true, stepLinks: true }, 'they wait before the app is up');
    // And look it, as the ticks do.
    assert.equal(await next.evaluate((b) => getComputedStyle(b).opacity), '0.55');
    await page.screenshot({ path: path.join(SHOTS, 'prerendered-waiting.png') });
    // Two disclosures clicked, one of them twice (opened and closed again).
    const why = page.locator('section.guidance .disclosure');
    await why.nth(0).click();
    await why.nth(1).click();
    await why.nth(1).click();
    assert.equal(await why.nth(0).getAttribute('aria-expanded'), 'false', 'nothing opens before the app is up');
    release();
    await ready(page);
    assert.deepEqual(await waiting(), { next: false, back: true, stepLinks: false }, 'they work once it is (Back: on the first step)');
    await until(async () => (await why.nth(0).getAttribute('aria-expanded')) === 'true', 'the early click taken');
    await waitText(page.locator('section.guidance .provenance').first(), 'Why it is here');
    assert.equal(await why.nth(1).getAttribute('aria-expanded'), 'false', 'clicked twice: closed');
    assert.equal(await page.locator('[data-early-click]').count(), 0);
    await next.click();
    await waitText(page.locator('#step-heading'), 'Accounts and sign-in');
    await stepLinks.filter({ hasText: 'Services and tenant' }).click();
    await until(async () => (await heading(page)) === 'Services and tenant', 'the first step again');
  } finally {
    await context.close();
  }
});

test('nodes an extension adds around the app\'s root do not stop the release build from starting', async () => {
  const context = await env.context();
  try {
    await context.addInitScript(extensionNodes);
    const page = await openPage(context, env.url);
    assert.equal(await page.locator('.boot-error').count(), 0, 'no "could not start"');
    await answer(page, 'Which services', 'Microsoft Intune');
    await waitText(page.locator('.step-count'), 'Step 1 of 4');
    assert.equal(await page.locator('#ext-top').count(), 1);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('inputs the browser checks when it restores a form (no change event) are not taken as choices', async () => {
  const context = await env.context();
  try {
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForSelector('fieldset.question');
    // As a browser restoring the form on reload or Back does it: checked, no event.
    await page.evaluate(() => { document.getElementById('q-services-intune').checked = true; });
    release();
    await ready(page);
    assert.deepEqual(await page.locator('fieldset.question input:checked').count(), 0, 'nothing chosen');
    assert.equal((await storage(page))[KEY], undefined, 'nothing saved');
  } finally {
    await context.close();
  }
});

test('saved progress wins over choices found on the prerendered questions', async () => {
  const context = await env.context();
  try {
    const first = await openPage(context, env.url);
    await answer(first, 'Which services', 'Microsoft Intune');
    await until(async () => (await storage(first))[KEY]?.includes('intune'), 'Intune saved');
    await first.close();
    const release = await holdApp(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForSelector('#q-services-azure_rms', { state: 'attached' });
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
    assert.deepEqual(checked, ['q-services-intune'], 'the saved answers, not the restored form');
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

test('saved progress at step 3 opens at step 3, with no frame of step 1 while the page loads', async () => {
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
    await waitText(page.locator('#step-heading'), 'Microsoft Intune');
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
    assert.equal(await page.locator('#step-heading').innerText(), 'Microsoft Intune');

    const states = await page.evaluate(() => window.__frames);
    const wrong = states.filter((f) => f.shown && f.heading !== 'Microsoft Intune');
    assert.deepEqual(wrong, [], 'no animation frame shows another step');
    assert.ok(states.some((f) => f.shown && f.heading === 'Microsoft Intune'), 'frames of step 3 recorded');

    // The painted frames, cropped to the top of the questions side, beside the two references.
    const scratch = await context.newPage();
    const series = path.join(SHOTS, 'load-at-step-3');
    fs.rmSync(series, { recursive: true, force: true });
    fs.mkdirSync(series, { recursive: true });
    let sawStep3 = false;
    for (const [i, frame] of frames.entries()) {
      fs.writeFileSync(path.join(series, `frame-${String(i).padStart(3, '0')}.png`), Buffer.from(frame, 'base64'));
      const cropped = await cropTop(scratch, frame, questions);
      assert.ok(await pixelDifference(scratch, cropped, step1) > 0.002, `frame ${i} shows step 1`);
      sawStep3 ||= (await pixelDifference(scratch, cropped, step3)) < 0.002;
    }
    assert.ok(frames.length > 0 && sawStep3, `the screencast caught step 3 (${frames.length} frames)`);
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

test('when the wasm cannot be fetched, the page says so at the top and keeps the prerendered screen', async () => {
  const context = await env.context();
  try {
    await context.route('**/*.wasm', (route) => route.abort());
    const page = await context.newPage();
    // Saved progress, so the loader holds the step back: a failed start must release it.
    await page.goto(env.url);
    await page.evaluate(() => localStorage.setItem('ems-scope-wizard/progress', '{"format":2}'));
    await page.reload();
    const note = page.locator('body > .boot-error');
    await waitText(note, 'The wizard could not start in this browser');
    assert.equal(await page.evaluate(() => document.body.firstElementChild.className), 'boot-error', 'at the top');
    assert.ok(await page.getByText('Which services do you want to onboard?').isVisible(), 'the prerendered questions still show');
  } finally {
    await context.close();
  }
});
