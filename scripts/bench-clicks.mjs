// Click to next paint, as INP counts it, for scripts/bench.mjs: a person's clicks on the first
// screen under a 4x CPU slowdown (CDP Emulation.setCPUThrottlingRate), timed by the page's own
// Event Timing entries (PerformanceObserver type 'event', durationThreshold 16, interactionId > 0;
// an interaction's duration is its longest entry, from the pointer going down to the next paint).

/** The clicks, in order, on a fresh page: what each means, and which label text each page
 *  clicks for it (the peer's "new tenant" is a Yes/No switch). `checked` is the state the
 *  clicked control must have after the click; a click that misses stops the run. */
export const CLICKS = [
  ...[['first', 'Which services', 'Azure Active Directory Premium', true], ['first', 'Which services', 'Microsoft Intune', true],
    ['first', 'Which services', 'Azure Rights Management', true]],
  ['first', 'tenant', { wizard: 'A new tenant', peer: 'Yes' }, true],
  ['first', 'tenant', { wizard: 'An existing tenant', peer: 'No' }, { wizard: true, peer: false }],
  ['first', 'Which services', 'Azure Active Directory Premium', false], ['first', 'Which services', 'Microsoft Intune', false],
  ['first', 'Which services', 'Azure Rights Management', false],
  // A service on its own adds (and then removes) the most rows of the guidance list.
  ['service', 'Which services', 'Azure Rights Management', true], ['service', 'Which services', 'Azure Rights Management', false],
  ['service', 'Which services', 'Microsoft Intune', true], ['service', 'Which services', 'Microsoft Intune', false],
].map(([group, question, label, checked]) => ({ group, question, label, checked }));

export const GROUPS = {
  first: 'the first 8 choices of the first screen (check each service, new then existing tenant, uncheck each service)',
  service: 'a service on its own: check and uncheck Azure Rights Management, then Microsoft Intune',
};

/** Where a page's questions are, and when it is ready to be clicked. */
export const CLICK_PAGES = {
  wizard: { question: 'fieldset.question', ready: 'html.ready' },
  peer: { question: '.sd-question', ready: 'html[data-ready]' },
};

const RATE = 4;
// Before each click: the time a person takes to move to the next choice, so that a page's work
// left over from the click before is done, or shows as input delay only if it takes longer.
const PAUSE = 300;
// Interactions shorter than this give no entry (the smallest threshold Event Timing allows);
// such a click is counted at the threshold, an upper bound.
const THRESHOLD = 16;

// Injected before any page script: every event entry of an interaction, kept in order.
function eventTimingProbe(threshold) {
  window.__interactions = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId > 0) {
        window.__interactions.push({ id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration,
          processingStart: e.processingStart, processingEnd: e.processingEnd });
      }
    }
  }).observe({ type: 'event', durationThreshold: threshold, buffered: true });
}

// In the page after a click: waits for the paint after it and for the observer's delivery, then
// returns the entries that came since `from` (their count before the click).
async function entriesSince(from) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  await frame();
  await frame();
  for (let waited = 0; waited < 300 && window.__interactions.length === from; waited += 50) await later(50);
  return window.__interactions.slice(from);
}

/** The interactions of `entries`, one per interactionId: its duration is its longest entry's (as
 *  INP counts it), split into the input delay (until the first handler), the handlers (each
 *  reported entry's: pointerdown, pointerup, click with the change it dispatches) and the rest
 *  (between the events, and style, layout and paint until the next frame). */
function interactions(entries) {
  const byId = new Map();
  for (const e of entries) byId.set(e.id, [...(byId.get(e.id) || []), e]);
  return [...byId.values()].map((list) => {
    const duration = Math.max(...list.map((e) => e.duration));
    const inputDelay = Math.min(...list.map((e) => e.processingStart)) - Math.min(...list.map((e) => e.start));
    const handlers = list.reduce((sum, e) => sum + e.processingEnd - e.processingStart, 0);
    return { duration, inputDelay, handlers, rest: duration - inputDelay - handlers, events: list.map((e) => e.name).join(' ') };
  });
}

/** One run: a fresh context and page, the clicks of CLICKS under the slowdown; page errors go
 *  into `problems`. Resolves to one record per click: { group, label, duration (ms), under (no
 *  entry: under the threshold), interaction (its parts) }. */
export async function clickRun(browser, which, url, problems = []) {
  const page_ = CLICK_PAGES[which];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(eventTimingProbe, THRESHOLD);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${which}, clicks: ${e}`));
  const records = [];
  try {
    await page.goto(url);
    await page.waitForSelector(page_.ready);
    await page.waitForTimeout(PAUSE); // start-up work after the ready mark
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    for (const click of CLICKS) {
      const text = typeof click.label === 'string' ? click.label : click.label[which];
      const checked = typeof click.checked === 'boolean' ? click.checked : click.checked[which];
      const question = page.locator(page_.question, { hasText: click.question });
      const target = question.getByText(text, { exact: true }).first();
      await page.waitForTimeout(PAUSE);
      const from = await page.evaluate(() => window.__interactions.length);
      await target.click();
      const found = interactions(await page.evaluate(entriesSince, from));
      const state = await target.evaluate((el) => el.closest('label')?.control?.checked);
      if (state !== checked) throw new Error(`${which}: clicking "${text}" left its control ${state ? 'checked' : 'unchecked'}`);
      // One click is one interaction; should the page see more, the click counts as its slowest.
      const interaction = found.sort((a, b) => b.duration - a.duration)[0];
      records.push({ group: click.group, label: `"${text}" -> ${checked ? 'on' : 'off'}`,
        duration: interaction ? interaction.duration : THRESHOLD, under: !interaction, interaction });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  } finally {
    await context.close();
  }
  return records;
}

/** Median, p90 (nearest rank) and worst of a list of durations. */
export function spread(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return {
    median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2,
    p90: s[Math.max(0, Math.ceil(s.length * 0.9) - 1)],
    worst: s[s.length - 1],
    count: s.length,
  };
}

export const CLICK_SETTINGS = { rate: RATE, threshold: THRESHOLD, pause: PAUSE };
