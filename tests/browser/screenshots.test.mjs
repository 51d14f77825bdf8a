// Screenshots of every step at 360 px and 1280 px, light and dark, into screenshots/ (gitignored),
// for a person to look at; and the layout facts a test can check: nothing wider than the screen,
// and no sub-item's text wrapped under its tick.
import { test, expect } from './fixtures.mjs';
import { openPage, answer, goToStep, shot, ready, SITUATION } from './helpers.mjs';

const slug = (title) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Page-wide horizontal overflow, and the elements sticking out past the right edge. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'absolute')
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return { scroll: document.documentElement.scrollWidth, width, wide };
  });
}

/** Sub-items whose text wrapped under its tick: the label's first line starts below the tick. */
function ticksApart(page) {
  return page.locator('section.guidance li.item.nested > .item-line').evaluateAll((lines) => lines
    .filter((line) => line.checkVisibility() && line.querySelector('input:not([hidden])') && line.querySelector('label'))
    .filter((line) => line.querySelector('label').getBoundingClientRect().top >= line.querySelector('input:not([hidden])').getBoundingClientRect().bottom)
    .map((line) => line.querySelector('label').textContent.slice(0, 40)));
}

for (const colorScheme of ['light', 'dark']) {
  for (const width of [360, 1280]) {
    test(`every step at ${width}px, ${colorScheme}`, async ({ env }) => {
      const context = await env.context({ viewport: { width, height: 800 }, colorScheme });
      try {
        const page = await openPage(context, env.url);
        const problems = [];
        const check = async (name) => {
          await shot(page, `${name}-${width}-${colorScheme}`);
          const o = await overflow(page);
          if (o.scroll > o.width) problems.push(`${name}: page ${o.scroll}px wide in a ${o.width}px viewport; ${o.wide.join(', ')}`);
          const apart = await ticksApart(page);
          if (apart.length) problems.push(`${name}: sub-items' text under their tick: ${apart.join(' | ')}`);
        };
        for (const [title, answers] of SITUATION) {
          await expect(page.locator('#step-heading')).toContainText(title, { useInnerText: true });
          for (const [legend, value] of answers) await answer(page, legend, value);
          await check(`step-${slug(title)}`);
          await page.getByRole('button', { name: 'Next', exact: true }).click();
        }
        await expect(page.locator('#step-heading')).toContainText('Summary and sharing', { useInnerText: true });
        await check('step-summary');
        expect(problems).toStrictEqual([]);
      } finally {
        await context.close();
      }
    });
  }
}

test('embed mode and print view', async ({ env }) => {
  const context = await env.context({ viewport: { width: 420, height: 800 } });
  try {
    const page = await openPage(context, `${env.url}?embed=1&origin=${encodeURIComponent('https://portal.example')}`);
    await shot(page, 'embed-420');
    await page.goto(env.url);
    await ready(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    // Printed from a middle step and from the summary: the same header and list, no questions.
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await goToStep(page, 'Microsoft Intune');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-1280');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await shot(page, 'print-1280-dark-preference');
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await goToStep(page, 'Summary and sharing');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-1280-summary');
  } finally {
    await context.close();
  }
});
