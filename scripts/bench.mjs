// The wizard beside its peer (the same questionnaire on SurveyJS, ../shared/peers/surveyjs), both
// served gzip-compressed by static-server.mjs on loopback, as a static host would:
//   (a) download sizes: the wizard's build (as scripts/size.mjs counts it) and every file the
//       peer's index.html makes the browser load (recorded from a real page load);
//   (b) time from navigation start to the first rendered question, cold loads alternating the two
//       pages, a new browser context per load, and in the same loads the time until the page
//       answers: a page script clicks a choice (Azure Rights Management) every 40 ms from the
//       moment it shows, until the guidance list changes;
//   (c) the in-browser cost of an answer change, measured from outside by clicking inputs;
//   (d) the wizard's engine alone in the browser;
//   (e) click to next paint as INP counts it (Event Timing), 4x CPU slowdown, runs alternating;
//   (f) Lighthouse 12 mobile (slow 4G, 4x CPU), runs alternating;
// then every figure in one table: wizard | peer | ratio, with the date, the command and the load.
//
//   node scripts/bench.mjs [--dist dist] [--peer target/peer-surveyjs] [--loads 15]
//        [--changes 1000] [--runs 5] [--lighthouse-runs 5] [--lighthouse PATH/cli/index.js]
//        [--only size,load,cost,engine,clicks,lighthouse]
//
// Needs tests/browser/node_modules (cd tests/browser && npm ci), the peer with its node_modules
// (shared/ is read-only: scripts/bench.sh copies the peer into target/peer-surveyjs and runs npm ci
// there, the default --peer when it is there), /usr/bin/chromium (or $CHROMIUM)
// and, for (f), lighthouse@12.2.3 (scripts/bench.sh installs it into $TOOLS_DIR/lighthouse).
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from './static-server.mjs';
import { distRows, measure, table, total } from './sizes-lib.mjs';
import { CLICKS, CLICK_SETTINGS, GROUPS, clickRun, spread } from './bench-clicks.mjs';
import { lighthouseCli, lighthouseRun } from './bench-lighthouse.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const require = createRequire(path.join(repo, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const dist = path.resolve(arg('--dist', 'dist'));
// The peer's writable copy with its packages, which scripts/bench.sh makes, else the peer itself.
const peerCopy = path.join(repo, 'target/peer-surveyjs');
const peerRoot = path.resolve(arg('--peer', fs.existsSync(path.join(peerCopy, 'node_modules/survey-core')) ? peerCopy : path.resolve(repo, '../shared/peers/surveyjs')));
const loads = Number(arg('--loads', 15));
const changes = Number(arg('--changes', 1000));
const runs = Number(arg('--runs', 5));
const lighthouseRuns = Number(arg('--lighthouse-runs', 5));
const PARTS = ['size', 'load', 'cost', 'engine', 'clicks', 'lighthouse'];
const only = new Set(arg('--only', PARTS.join(',')).split(','));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const started = { date: new Date(), load: os.loadavg() };
const LIGHTHOUSE = lighthouseCli(arg('--lighthouse'));

const unknown = [...only].filter((p) => !PARTS.includes(p));
if (unknown.length) {
  console.error(`bench: unknown part(s) ${unknown.join(', ')} in --only (parts: ${PARTS.join(', ')})`);
  process.exit(2);
}
const needed = [['the build', path.join(dist, 'index.html'), 'build it (scripts/build.sh)'],
  ['the peer', path.join(peerRoot, 'node_modules/survey-core'), `run npm ci in a writable copy of ${peerRoot} and pass it as --peer`]];
if (only.has('lighthouse')) needed.push(['Lighthouse', LIGHTHOUSE, 'scripts/bench.sh installs lighthouse@12.2.3; or pass --lighthouse PATH/cli/index.js']);
for (const [what, p, fix] of needed) {
  if (!fs.existsSync(p)) {
    console.error(`bench: ${what} is missing (${p}): ${fix}`);
    process.exit(2);
  }
}

/** Every figure of the run, for the closing table: what, wizard, peer, how to print one, and the
 * goal it is held to (issue 27), if any. */
const summary = [];
const figure = (what, wizard, peer, format, goal) => summary.push({ what, wizard, peer, format, goal });
/** Goals: at most `limit` ms for the wizard, or at most `limit` times the peer's, or exactly a score. */
const goal = {
  atMost: (limit) => ({ text: `≤ ${limit} ms`, met: (w) => w <= limit }),
  ratio: (limit) => ({ text: `≤ ${limit.toFixed(2)} × peer`, met: (w, p) => p > 0 && w / p <= limit }),
  score: (want) => ({ text: `${want}`, met: (w) => w === want }),
};
const fmt = {
  ms: (x) => `${x.toFixed(0)} ms`, s: (x) => `${(x / 1000).toFixed(2)} s`, us: (x) => `${x.toFixed(0)} µs`,
  kb: (x) => `${(x / 1000).toFixed(1)} KB`, score: (x) => `${x}`,
};

// The first question on screen: its text node in the DOM, non-empty and visible.
// `choice` is the choice clicked for the "answers" figure (Azure Rights Management: the first
// choice whose answer changes both pages' lists), `list` the guidance list it changes.
const PAGES = {
  wizard: { label: 'wizard (Leptos/WASM)', path: '', first: 'fieldset.question legend', inputs: 'fieldset.question input',
    choice: 'input[value="azure_rms"]', list: 'section.guidance .phase' },
  peer: { label: 'peer (SurveyJS)', path: 'index.html', first: '.sd-question__title .sv-string-viewer', inputs: '.sd-question input.sd-item__control, .sd-question input.sd-boolean__control',
    choice: 'input[value="azure_rms"]', list: '#guidance' },
};

// Injected before any page script: a MutationObserver that stamps performance.now() (whose zero is
// the navigation start) when the first question is in the DOM and visible, then the next frame.
function firstQuestionProbe(selector) {
  const check = () => {
    const el = document.querySelector(selector);
    return el && el.textContent.trim() !== '' && (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  };
  const stamp = () => {
    if (window.__firstQ || !check()) return false;
    window.__firstQ = performance.now();
    requestAnimationFrame(() => { window.__firstFrame = performance.now(); });
    return true;
  };
  const mo = new MutationObserver(() => { if (stamp()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
  // The DOM stamp says when the question could be drawn; the first contentful paint says when the
  // browser drew something (style, layout and paint of the whole page done).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
}

// Injected before any page script: from the moment the choice shows, clicks it every 40 ms
// (a click before the page listens does what it does for a person: nothing on a page that draws
// its choices late, a native tick that the wizard applies when it starts) and stamps performance.now()
// when the guidance list's text differs from what it was at the latest click. Only text counts:
// hydration may swap nodes without changing what a person reads, and parsing adds to it.
function usableProbe([choiceSelector, listSelector]) {
  const list = () => [...document.querySelectorAll(listSelector)].map((e) => e.textContent).join('\n');
  let before = null;
  const click = () => {
    const choice = document.querySelector(choiceSelector);
    if (window.__usable || !choice) return;
    const pre = list();
    choice.click();
    // A page that redraws within the click (the peer); nothing else can change the DOM meanwhile.
    if (list() !== pre) {
      window.__usable = performance.now();
      return;
    }
    // Else its effects come later (the wizard's, in microtasks). While the page is still being
    // parsed, the parser adds to the list, so only a click on a parsed page is waited on.
    before = document.readyState === 'loading' ? null : pre;
  };
  const observer = new MutationObserver(() => {
    if (window.__usable) return observer.disconnect();
    if (before !== null && list() !== before) {
      window.__usable = performance.now();
      return;
    }
    const choice = document.querySelector(choiceSelector);
    if (!window.__choiceShown && choice && (choice.checkVisibility ? choice.checkVisibility() : choice.getClientRects().length > 0)) {
      window.__choiceShown = performance.now();
      click();
      const timer = setInterval(() => (window.__usable ? clearInterval(timer) : click()), 40);
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

const stats = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
};
const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
// Both gzip-compressed as a static host serves them; the wizard with its strict CSP, as in production.
const wizardServer = await serve({ root: dist, port: 0, gzip: true });
const peerServer = await serve({ root: peerRoot, port: 0, csp: false, gzip: true });
const urls = {
  wizard: `http://127.0.0.1:${wizardServer.address().port}/${PAGES.wizard.path}`,
  peer: `http://127.0.0.1:${peerServer.address().port}/${PAGES.peer.path}`,
};
const problems = [];

/** One cold load in a new context; resolves to its timings and the responses it received. */
async function load(which, { record = false, usable = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(firstQuestionProbe, PAGES[which].first);
  if (usable) await context.addInitScript(usableProbe, [PAGES[which].choice, PAGES[which].list]);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${which}: ${e}`));
  const failed = [];
  page.on('requestfailed', (q) => {
    failed.push(q.url());
    problems.push(`${which}: request failed: ${q.url().slice(0, 90)} (${q.failure()?.errorText})`);
  });
  page.on('response', (q) => { if (q.status() >= 400) problems.push(`${which}: HTTP ${q.status()}: ${q.url()}`); });
  const bodies = [];
  if (record) {
    page.on('response', (r) => bodies.push(r.body().then((body) => ({ url: r.url(), status: r.status(), body }), () => null)));
  }
  await page.goto(urls[which]);
  // A page that never paints content gets no paint figure, after 3 s, rather than a stalled run.
  await page.waitForFunction(() => window.__firstQ && window.__firstFrame && (window.__fcp || performance.now() > window.__firstFrame + 3000), null, { timeout: 30000 });
  if (usable) await page.waitForFunction(() => window.__usable, null, { timeout: 30000 });
  const t = await page.evaluate(() => ({ firstQ: window.__firstQ, firstFrame: window.__firstFrame, fcp: window.__fcp, usable: window.__usable }));
  let responses = [];
  if (record) {
    await page.waitForLoadState('networkidle');
    responses = (await Promise.all(bodies)).filter(Boolean);
  }
  return { ...t, responses, failed, page, context };
}

/** The files a real load of the page downloads (2xx responses, each URL once). */
async function networkRows(which) {
  const { responses, failed, context } = await load(which, { record: true });
  await context.close();
  const origin = new URL(urls[which]).origin;
  const seen = new Map();
  let repeats = 0;
  for (const r of responses.filter((r) => r.status >= 200 && r.status < 300)) {
    const name = r.url.replace(origin + '/', '') || 'index.html';
    if (seen.has(name)) repeats += 1; else seen.set(name, measure(name, r.body));
  }
  return { rows: [...seen.values()].sort((a, b) => a.file.localeCompare(b.file)), repeats, failed };
}

// (a) sizes.
async function sizePart() {
console.log(`== (a) download size (gzip -9 and brotli q11 of each body)\n`);
console.log(`wizard: every file of the build (${dist}), as scripts/size.mjs counts it`);
const wizardRows = distRows(dist);
for (const line of table(wizardRows, 44)) console.log(line);
const wizardNet = await networkRows('wizard');
const peerNet = await networkRows('peer');
console.log(`\nwizard as a real page load fetches it: ${wizardNet.rows.length} files, ${total(wizardNet.rows).gzip} B gzip` +
  ` (${wizardNet.rows.map((r) => r.file).join(', ')}${wizardNet.repeats ? `; ${wizardNet.repeats} URL(s) fetched twice` : ''})`);
console.log(`\npeer: every response of a real load of ${PAGES.peer.path}${peerNet.repeats ? ` (${peerNet.repeats} URL(s) fetched twice, counted once)` : ''}`);
for (const line of table(peerNet.rows, 44)) console.log(line);
if (peerNet.failed.length) {
  const hosts = [...new Set(peerNet.failed.map((u) => new URL(u).host))].join(', ');
  console.log(`(not counted: ${peerNet.failed.length} request(s) to ${hosts} that failed offline, e.g. web fonts: the peer's real download is larger)`);
}
const [wz, pr] = [total(wizardRows), total(peerNet.rows)];
console.log(`\nsize ratio wizard/peer: gzip ${(wz.gzip / pr.gzip).toFixed(2)} (${kb(wz.gzip)} / ${kb(pr.gzip)}),` +
  ` brotli ${(wz.brotli / pr.brotli).toFixed(2)} (${kb(wz.brotli)} / ${kb(pr.brotli)}), raw ${(wz.raw / pr.raw).toFixed(2)}`);
figure('download, gzip -9 of every file (wizard: its build; peer: what its page loads)', wz.gzip, pr.gzip, fmt.kb);
}

// (b) time to the first rendered question.
async function loadPart() {
console.log(`\n== (b) navigation start to first rendered question, and to the first click that changes the guidance list:`);
console.log(`   ${loads} cold loads each, alternating, new context per load`);
console.log(`   (loopback, static-server.mjs, gzip: wizard with its CSP, peer without; one discarded warm-up load each)`);
for (const which of ['wizard', 'peer']) await (await load(which)).context.close();
const times = { wizard: { firstQ: [], firstFrame: [], fcp: [], usable: [] }, peer: { firstQ: [], firstFrame: [], fcp: [], usable: [] } };
for (let i = 0; i < loads; i++) {
  for (const which of i % 2 ? ['peer', 'wizard'] : ['wizard', 'peer']) {
    const r = await load(which, { usable: true });
    await r.context.close();
    for (const key of ['firstQ', 'firstFrame', 'fcp', 'usable']) times[which][key].push(r[key]);
  }
}
const sel = { wizard: PAGES.wizard.first, peer: PAGES.peer.first };
const figures = [['firstQ', 'first question in the DOM and visible (MutationObserver)'], ['firstFrame', 'first question: next animation frame after it'],
  ['fcp', 'first contentful paint (PerformanceObserver): the first frame drawn with content'],
  ['usable', 'answers: a click on a choice (every 40 ms from when it shows) changes the guidance list']];
for (const [key, title] of figures) {
  console.log(`\n  ${title}:`);
  for (const which of ['wizard', 'peer']) {
    const s = stats(times[which][key]);
    const selector = key === 'usable' ? `${PAGES[which].choice} -> ${PAGES[which].list}` : key === 'fcp' ? 'paint timing' : sel[which];
    console.log(`  ${PAGES[which].label.padEnd(22)} median ${ms(s.median)}   min ${ms(s.min)}   max ${ms(s.max)}   [${selector}]`);
  }
  const ratio = stats(times.wizard[key]).median / stats(times.peer[key]).median;
  console.log(`  ratio wizard/peer of the medians: ${ratio.toFixed(2)}`);
  // The machine's load drifts over a run and moves both pages' times; a load and the peer's load
  // beside it (same iteration) share most of that drift.
  const pairs = times.wizard[key].map((w, i) => w / times.peer[key][i]).filter(Number.isFinite);
  const p = stats(pairs);
  console.log(`  per pair (each load over the peer's load beside it, ${pairs.length} pairs): median ${p.median.toFixed(2)}, from ${p.min.toFixed(2)} to ${p.max.toFixed(2)}`);
  figure(`${SHORT[key]}, median of ${loads} cold loads`, stats(times.wizard[key]).median, stats(times.peer[key]).median, fmt.ms,
    key === 'firstQ' ? goal.ratio(0.2) : undefined);
}
}
const SHORT = { firstQ: 'first question in the DOM and visible', firstFrame: 'first question: the frame after it',
  fcp: 'first contentful paint', usable: 'answers: a choice clicked every 40 ms changes the guidance list' };

// (c) the cost of an answer change in the browser, from outside: click inputs in a loop.
// Leptos runs its effects (DOM updates, the save) in microtasks after the click's handler, so a
// back-to-back loop of clicks leaves them for after the loop, coalesced; the "drained" figure
// waits for the microtasks of each click (a 200-step promise chain, its own cost subtracted)
// before taking the time, and lets a task turn pass (untimed) before the next click.
async function clickCost(which) {
  const r = await load(which);
  const cdp = await r.context.newCDPSession(r.page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await r.page.evaluate((selector) => {
    const inputs = () => [...document.querySelectorAll(selector)].filter((i) => i.type === 'checkbox' || i.type === 'radio');
    let list = inputs();
    let seed = 0x9e3779b9;
    const rand = (k) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % k; };
    const channel = new MessageChannel();
    window.__bench = {
      count: () => inputs().length,
      pick: () => {
        let el = list[rand(list.length)];
        if (!el.isConnected) { list = inputs(); el = list[rand(list.length)]; }
        return el;
      },
      drain: async () => { for (let i = 0; i < 200; i++) await Promise.resolve(); },
      // A task turn: all microtasks have run, and the browser may render.
      turn: () => new Promise((res) => { channel.port1.onmessage = () => res(); channel.port2.postMessage(0); }),
      guidance: () => (document.querySelector('section.guidance, #guidance') || document.body).textContent.length,
    };
  }, PAGES[which].inputs);

  // 1. Back to back: n clicks, one performance.now() around the loop.
  const loop = await r.page.evaluate(async (n) => {
    const b = window.__bench;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) b.pick().click();
    const t1 = performance.now();
    await b.turn();
    return { perChange: (t1 - t0) / n, tail: performance.now() - t1 };
  }, changes);

  // 2. Drained: each click timed until its microtasks have run.
  const before = await metrics();
  const drained = await r.page.evaluate(async (n) => {
    const b = window.__bench;
    const times = [];
    const states = new Set();
    await b.turn();
    for (let i = 0; i < n; i++) {
      const el = b.pick();
      const t = performance.now();
      el.click();
      await b.drain();
      times.push(performance.now() - t);
      if (i % 50 === 0) states.add(b.guidance());
      await b.turn();
    }
    let chain = 0;
    for (let i = 0; i < 200; i++) { const t = performance.now(); await b.drain(); chain += performance.now() - t; await b.turn(); }
    return { times, chain: chain / 200, states: states.size, inputs: b.count() };
  }, changes);
  const after = await metrics();
  const d = (k) => (after[k] - before[k]) * 1e6 / changes; // µs per change
  await r.context.close();
  const t = drained.times.map((x) => x - drained.chain).sort((a, b) => a - b);
  return {
    ...drained, loop,
    mean: t.reduce((x, y) => x + y, 0) / t.length, p50: t[t.length >> 1], p90: t[Math.floor(t.length * 0.9)],
    cdp: { script: d('ScriptDuration'), style: d('RecalcStyleDuration'), layout: d('LayoutDuration'), task: d('TaskDuration') },
  };
}

async function costPart() {
console.log(`\n== (c) answer change in the browser, from outside: ${changes} clicks on random question inputs of the first step`);
console.log(`   (one click = one answer change; same for the peer, whose first step asks the same two questions)`);
const us = (x) => `${(x * 1000).toFixed(0).padStart(6)} µs`;
const usRaw = (x) => `${x.toFixed(0).padStart(6)} µs`;
const cost = {};
for (const which of ['wizard', 'peer']) {
  const c = await clickCost(which);
  cost[which] = c;
  console.log(`  ${PAGES[which].label} (${c.inputs} inputs, ${c.states} distinct guidance lists seen)`);
  console.log(`    drained: click until its microtasks ran (engine + framework + DOM updates; no style/layout/paint)`);
  console.log(`      per change: mean ${us(c.mean)}   p50 ${us(c.p50)}   p90 ${us(c.p90)}   (200-step chain, ${us(c.chain)}, subtracted)`);
  console.log(`    main-thread busy time during the drained run, per change (CDP; includes the frames rendered meanwhile):`);
  console.log(`      script ${usRaw(c.cdp.script)}   style ${usRaw(c.cdp.style)}   layout ${usRaw(c.cdp.layout)}   all tasks ${usRaw(c.cdp.task)}`);
  console.log(`    back-to-back loop, performance.now() around ${changes} clicks: ${us(c.loop.perChange)} per change` +
    `, then ${c.loop.tail.toFixed(1)} ms of work deferred past the loop${which === 'wizard' ? ' (Leptos effects, coalesced: not per change)' : ''}`);
}
figure(`answer change, click until its microtasks ran: mean of ${changes}`, cost.wizard.mean * 1000, cost.peer.mean * 1000, fmt.us);
figure('answer change: main-thread busy time per change (CDP, all tasks)', cost.wizard.cdp.task, cost.peer.cdp.task, fmt.us);
}

// (d) The engine alone in the browser: the app's ?debug=engine hook times scope::evaluate over
// 1000 answer changes with performance.now() and leaves the mean on <html data-engine-ns>.
async function enginePart() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${urls.wizard}?debug=engine`);
  await page.waitForFunction(() => document.documentElement.dataset.engineNs);
  const ms = Number(await page.evaluate(() => document.documentElement.dataset.engineNs)) / 1e6;
  console.log(`\n== (d) the engine alone in the browser (wasm), recomputing the whole guidance list after one answer change`);
  console.log(`  scope::evaluate, 1000 changes, performance.now(): mean ${(ms * 1000).toFixed(1)} µs per change (budget: under 1 ms)`);
  figure('the engine alone (scope::evaluate in wasm), mean of 1000 changes', ms * 1000, null, fmt.us);
  await context.close();
}

// (e) Click to next paint as INP counts it, runs alternating the two pages (bench-clicks.mjs).
async function clicksPart() {
  console.log(`\n== (e) click to next paint (Event Timing, as INP counts it), ${CLICK_SETTINGS.rate}x CPU slowdown (CDP), ${runs} runs each, alternating`);
  console.log(`   each run a new context, the page ready, then ${CLICKS.length} clicks on the first screen's labels, ${CLICK_SETTINGS.pause} ms apart:`);
  for (const [group, what] of Object.entries(GROUPS)) console.log(`   ${group}: ${what}`);
  const clicks = { wizard: [], peer: [] };
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['peer', 'wizard'] : ['wizard', 'peer']) clicks[which].push(...await clickRun(browser, which, urls[which], problems));
  }
  for (const which of ['wizard', 'peer']) {
    const all = spread(clicks[which].map((c) => c.duration));
    const under = clicks[which].filter((c) => c.under).length;
    console.log(`\n  ${PAGES[which].label}: ${all.count} clicks, median ${all.median} ms, p90 ${all.p90} ms, worst ${all.worst} ms` +
      ` (${under} under ${CLICK_SETTINGS.threshold} ms, counted as ${CLICK_SETTINGS.threshold})`);
    for (const group of Object.keys(GROUPS)) {
      const g = spread(clicks[which].filter((c) => c.group === group).map((c) => c.duration));
      console.log(`    ${group.padEnd(8)} median ${g.median} ms, p90 ${g.p90} ms, worst ${g.worst} ms (${g.count} clicks)`);
    }
    const worst = clicks[which].filter((c) => !c.under).sort((a, b) => b.duration - a.duration).slice(0, 3);
    for (const c of worst) {
      const w = c.interaction;
      console.log(`    ${String(c.duration).padStart(4)} ms  ${c.label}: input delay ${w.inputDelay.toFixed(0)} ms,` +
        ` handlers ${w.handlers.toFixed(0)} ms, the rest to the paint ${w.rest.toFixed(0)} ms (${w.events})`);
    }
  }
  const both = (pick) => [pick(spread(clicks.wizard.map((c) => c.duration))), pick(spread(clicks.peer.map((c) => c.duration)))];
  const n = `${runs} runs x ${CLICKS.length} clicks, ${CLICK_SETTINGS.rate}x CPU slowdown`;
  figure(`click to next paint (INP's measure), median (${n})`, ...both((x) => x.median), fmt.ms, goal.atMost(32));
  figure('click to next paint, p90', ...both((x) => x.p90), fmt.ms);
  figure('click to next paint, worst', ...both((x) => x.worst), fmt.ms, goal.atMost(100));
}

// (f) Lighthouse mobile, runs alternating the two pages (bench-lighthouse.mjs).
async function lighthousePart() {
  console.log(`\n== (f) Lighthouse (${LIGHTHOUSE}), default mobile settings, ${lighthouseRuns} runs each, alternating`);
  const reports = { wizard: [], peer: [] };
  for (let i = 0; i < lighthouseRuns; i++) {
    for (const which of i % 2 ? ['peer', 'wizard'] : ['wizard', 'peer']) {
      reports[which].push(await lighthouseRun(LIGHTHOUSE, urls[which], { chromium: CHROMIUM, chromeFlags: ARGS }));
    }
  }
  const { version, formFactor, throttlingMethod, throttling } = reports.wizard[0];
  console.log(`   Lighthouse ${version}, ${formFactor}, throttling ${throttlingMethod}: RTT ${throttling.rttMs} ms,` +
    ` ${(throttling.throughputKbps / 1000).toFixed(1)} Mbit/s, CPU ${throttling.cpuSlowdownMultiplier}x`);
  const median = (which, key) => stats(reports[which].map((r) => r[key])).median;
  for (const which of ['wizard', 'peer']) {
    const r = reports[which];
    const lost = [...new Set(r.flatMap((x) => x.lost))];
    console.log(`  ${PAGES[which].label.padEnd(22)} performance ${r.map((x) => x.performance).join(' ')}, accessibility ${r.map((x) => x.accessibility).join(' ')},` +
      ` best practices ${r.map((x) => x.bestPractices).join(' ')}; LCP ${r.map((x) => (x.lcp / 1000).toFixed(2)).join(' ')} s;` +
      ` TBT ${r.map((x) => x.tbt.toFixed(0)).join(' ')} ms${lost.length ? `; audits that cost points: ${lost.join(', ')}` : ''}`);
  }
  const lh = `Lighthouse mobile, median of ${lighthouseRuns}`;
  figure(`${lh}: performance`, median('wizard', 'performance'), median('peer', 'performance'), fmt.score, goal.score(100));
  figure(`${lh}: accessibility`, median('wizard', 'accessibility'), median('peer', 'accessibility'), fmt.score, goal.score(100));
  figure(`${lh}: best practices`, median('wizard', 'bestPractices'), median('peer', 'bestPractices'), fmt.score, goal.score(100));
  figure(`${lh}: largest contentful paint`, median('wizard', 'lcp'), median('peer', 'lcp'), fmt.s, goal.ratio(0.35));
  figure(`${lh}: total blocking time`, median('wizard', 'tbt'), median('peer', 'tbt'), fmt.ms, goal.atMost(50));
}

/** The closing table: every figure as wizard | peer | ratio, in Markdown, with when, how and the load. */
function printSummary() {
  const [l1, l5] = started.load;
  const end = os.loadavg();
  console.log(`\n== all figures, ${started.date.toISOString().slice(0, 16).replace('T', ' ')} UTC:` +
    ` node scripts/bench.mjs ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(`   load average ${l1.toFixed(1)} / ${l5.toFixed(1)} (1 / 5 min) at the start, ${end[0].toFixed(1)} / ${end[1].toFixed(1)} at the end,` +
    ` ${os.cpus().length} cores; both sites served gzip on loopback\n`);
  console.log('| measure | wizard | SurveyJS peer | wizard / peer | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const f of summary) {
    const ratio = typeof f.peer === 'number' && f.peer !== 0 ? (f.wizard / f.peer).toFixed(2) : '';
    const held = f.goal ? `${f.goal.text}: ${f.goal.met(f.wizard, f.peer) ? 'met' : '**not met**'}` : '';
    console.log(`| ${f.what} | ${f.format(f.wizard)} | ${f.peer === null ? '' : f.format(f.peer)} | ${ratio} | ${held} |`);
  }
  const goals = summary.filter((f) => f.goal);
  const missed = goals.filter((f) => !f.goal.met(f.wizard, f.peer));
  console.log(`
goals (issue 27): ${goals.length - missed.length} of ${goals.length} met` +
    (missed.length ? `; not met: ${missed.map((f) => f.what.replace(/ \(.*\)$/, '').replace(/, median of \d+ cold loads$/, '')).join('; ')}` : ''));
}

const part = { size: sizePart, load: loadPart, cost: costPart, engine: enginePart, clicks: clicksPart, lighthouse: lighthousePart };
for (const name of PARTS) if (only.has(name)) await part[name]();
printSummary();
if (problems.length) {
  console.log(`\npage errors (${problems.length}):`);
  for (const p of [...new Set(problems)].slice(0, 10)) console.log(`  ${p}`);
}
await browser.close();
wizardServer.close();
peerServer.close();
