// The wizard as a person uses it: answer a situation, read the guidance that follows, move between
// steps, open "Why and where from", tick items done, switch the source revision, and meet the
// warnings for contradictory or ignored answers.
import { test, expect } from './fixtures.mjs';
import {
  openPage, ready, answer, next, heading, goToStep, nextStep, item, inScopeTexts, answerSituation,
  leaveIgnoredAnswer, KEY,
} from './helpers.mjs';

const EXCHANGE_CONNECTOR = 'Setting up the Microsoft Intune Exchange Connector, when applicable.';
const RMS_CONNECTOR = 'Configuring one server on-premises with the RMS Connector, when applicable:';
const ADFS_SINGLE = 'Installing and configuring Active Directory Federation Services (AD FS) for local domain authentication with Microsoft Intune in a single-site, fault-tolerant configuration, if required.';
const ADFS_MULTI = 'For all multiple forest configurations, AD FS deployments are out of scope.';
const MULTI_FOREST_SYNC = 'Install Azure Active Directory Connect synchronization, set up for multiple forest scenarios.';
const CUSTOM_RULES = 'Development and implementation for custom rules extensions are out of scope.';
const ENROLL_CURRENT = 'Enrolling devices of each supported platform';
const ENROLL_EARLIER = 'Enrolling up to two test devices of each supported platform to your Microsoft Intune or Configuration Manager with Microsoft Intune service.';

async function fresh(env) {
  const context = await env.context();
  const page = await openPage(context, env.url);
  return { context, page };
}

test('a whole situation answered through the UI gives the right guidance and progress text', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await expect(page.locator('.step-count')).toHaveText('Step 1 of 3', { useInnerText: true });
    await expect(page.locator('#step-heading')).toHaveText('Services and tenant', { useInnerText: true });
    await expect(page.getByRole('button', { name: 'Back', exact: true }), 'Back is disabled on the first step').toBeDisabled();

    // Choosing services adds their steps.
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'Which services', 'Azure Rights Management');
    await expect(page.locator('.step-count')).toContainText('Step 1 of 5', { useInnerText: true });
    const stepTitles = await page.getByRole('navigation', { name: 'Steps' }).getByRole('button').allInnerTexts();
    expect(stepTitles).toStrictEqual(['Services and tenant', 'Accounts and sign-in', 'Microsoft Intune', 'Rights Management', 'Summary and sharing']);
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await nextStep(page);
    await expect(page.locator('.step-count')).toHaveText('Step 2 of 5', { useInnerText: true });
    await expect(page.locator('#step-heading')).toHaveText('Accounts and sign-in', { useInnerText: true });
    // Sign-in and custom rules are asked only once accounts come from a forest.
    await expect(page.locator('fieldset.question legend', { hasText: 'How will users sign in' })).toHaveCount(0);
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await answer(page, 'How will users sign in', 'Federated identities (AD FS, single sign-on)');
    await answer(page, 'custom synchronization rule', 'No, the standard rules will do');
    await answer(page, 'Exchange Server on premises', 'Yes');
    await answer(page, 'SharePoint Server on premises', 'No');
    await nextStep(page);
    await expect(page.locator('.step-count')).toHaveText('Step 3 of 5', { useInnerText: true });
    await expect(page.locator('#step-heading')).toHaveText('Microsoft Intune', { useInnerText: true });
    await answer(page, 'Mobile Device Management authority', 'Microsoft Intune');
    await answer(page, 'What should Intune manage', 'Mobile devices (MDM)');
    await answer(page, 'third-party MDM', 'No');
    await nextStep(page);
    await expect(page.locator('.step-count')).toHaveText('Step 4 of 5', { useInnerText: true });
    await answer(page, 'Which workloads should Rights Management protect', 'Exchange Server mail on premises');
    await nextStep(page);
    await expect(page.locator('.step-count')).toHaveText('Step 5 of 5', { useInnerText: true });
    await expect(page.locator('#step-heading')).toHaveText('Summary and sharing', { useInnerText: true });
    await expect(page.getByRole('button', { name: 'Next', exact: true }), 'Next is disabled on the last step').toBeDisabled();

    const inScope = await inScopeTexts(page);
    for (const line of [EXCHANGE_CONNECTOR, RMS_CONNECTOR, ADFS_SINGLE, 'Contact you within 30 days of the purchase of eligible licenses for a new tenant.',
      'Set Microsoft Intune as your MDM authority when Microsoft Intune is your only MDM solution or is in conjunction with Mobile Device Management for Office 365.',
      'Configuring and validating Exchange 2013/2010 on-premises integration with Azure RMS.']) {
      expect(inScope, `in scope: ${line}`).toContain(line);
    }
    const guidance = await page.locator('section.guidance').innerText();
    for (const wrong of [ADFS_MULTI, MULTI_FOREST_SYNC, CUSTOM_RULES, 'Configuring MAM policies for each supported platform.',
      'Configuring and Validating SharePoint 2013/2010 on-premises protection', 'Activating your Microsoft Azure Active Directory Premium tenant.',
      'Installing the Intune client software']) {
      expect(guidance, `not listed: ${wrong}`).not.toContain(wrong);
    }
    // Every question is answered: nothing waits, nothing is set apart, and the count is the catalog's.
    await expect(page.locator('section.guidance .totals')).toHaveText('45 in scope, 0 done', { useInnerText: true });
    await expect(page.locator('section.guidance li.item.waiting:visible')).toHaveCount(0);
    await expect(page.locator('section.set-apart')).toBeHidden();

    // The summary lists the answers with a way back to each.
    const answers = await page.locator('dl.answers').innerText();
    expect(answers).toMatch(/Services\s+Microsoft Intune, Azure Rights Management/);
    expect(answers).toMatch(/Sign-in\s+Federated identities \(AD FS, single sign-on\)/);
    await page.getByRole('button', { name: 'Change Exchange on premises' }).click();
    await expect(page.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('step list buttons jump to their step, Back and Next walk the list', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'Which services', 'Azure Rights Management');
    await goToStep(page, 'Rights Management');
    await expect(page.locator('.step-count')).toHaveText('Step 4 of 5', { useInnerText: true });
    await expect(page.locator('.step-link[aria-current="step"]')).toHaveText('Rights Management', { useInnerText: true });
    await expect(page.locator('fieldset.question legend').first()).toHaveText('Which workloads should Rights Management protect?', { useInnerText: true });
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.locator('#step-heading')).toContainText('Microsoft Intune', { useInnerText: true });
    await expect(page.locator('.step-count')).toHaveText('Step 3 of 5', { useInnerText: true });
    await goToStep(page, 'Summary and sharing');
    await expect(page.locator('.step-count')).toHaveText('Step 5 of 5', { useInnerText: true });
    await goToStep(page, 'Services and tenant');
    await expect(page.locator('.step-count')).toHaveText('Step 1 of 5', { useInnerText: true });
    await next(page);
    await expect(page.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('a step link that becomes or stops being the current step changes its background with its text, not after it', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    // Both links' colours in the first frame after the click (the app redraws in the click's
    // microtasks): a background still fading would leave white text on a pale background, or
    // dark text on the accent, for a moment.
    const [before, now, left] = await page.evaluate(() => {
      const link = (name) => [...document.querySelectorAll('.step-link')].find((l) => l.textContent.includes(name));
      const colours = (el) => {
        const style = getComputedStyle(el);
        return { current: el.getAttribute('aria-current') === 'step', text: style.color, background: style.backgroundColor };
      };
      const was = colours(link('Services and tenant'));
      link('Microsoft Intune').click();
      return new Promise((resolve) => requestAnimationFrame(() => resolve([was, colours(link('Microsoft Intune')), colours(link('Services and tenant'))])));
    });
    expect(now.current, 'the clicked link is the current step').toBe(true);
    expect(now.background, 'the new current step').toBe(before.background);
    expect(now.text).toBe(before.text);
    expect(left.current).toBe(false);
    expect(left.background, 'the step left').toBe('rgba(0, 0, 0, 0)');
  } finally {
    await context.close();
  }
});

test('the browser\'s Back and Forward walk the steps, also after a reload', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    const at = (title) => expect(page.locator('#step-heading')).toContainText(title, { useInnerText: true });
    await answer(page, 'Which services', 'Microsoft Intune');
    await next(page);
    await at('Accounts and sign-in');
    await goToStep(page, 'Microsoft Intune');
    await page.goBack();
    await at('Accounts and sign-in');
    // Focus follows, as for the step's own Back button.
    await expect(page.locator('#step-heading'), 'focus on the step heading').toBeFocused();
    await page.goBack();
    await at('Services and tenant');
    await page.goForward();
    await at('Accounts and sign-in');
    await page.reload();
    await ready(page);
    await at('Accounts and sign-in');
    await page.goForward();
    await at('Microsoft Intune');
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('Back onto a step the answers have since removed passes it over to the step before it', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    const services = page.locator('#question-services');
    await answer(page, 'Which services', 'Microsoft Intune');
    await nextStep(page);
    await goToStep(page, 'Microsoft Intune');
    await goToStep(page, 'Services and tenant');
    await services.getByLabel('Microsoft Intune', { exact: true }).uncheck();
    await expect(page.locator('.step-count')).toContainText('Step 1 of 3', { useInnerText: true });
    // The entry before is the Intune step, gone with the answer: Back shows the one before that.
    await page.goBack();
    await expect(page.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    await expect(page.locator('#step-heading'), 'focus on the step heading').toBeFocused();
    await page.goBack();
    await expect(page.locator('#step-heading')).toContainText('Services and tenant', { useInnerText: true });
    expect(new URL(page.url()).origin, 'still on the wizard').toBe(new URL(env.url).origin);
    // The step does not come back by surprise when its answer does.
    await services.getByLabel('Microsoft Intune', { exact: true }).check();
    await page.waitForTimeout(300);
    await expect(page.locator('#step-heading')).toHaveText('Services and tenant', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('Back with no earlier step left but the one on screen still shows a change, and never leaves the page', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    const services = page.locator('#question-services');
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Microsoft Intune');
    await goToStep(page, 'Services and tenant');
    await services.getByLabel('Microsoft Intune', { exact: true }).uncheck();
    await expect(page.locator('.step-count')).toContainText('Step 1 of 3', { useInnerText: true });
    // Back: the Intune step is gone, and the entry before it is the step on screen.
    await page.goBack();
    await expect(page.locator('#step-heading')).toContainText('Accounts and sign-in', { useInnerText: true });
    expect(new URL(page.url()).origin, 'still on the wizard').toBe(new URL(env.url).origin);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('"Why and where from" names the answers behind an item and its source document', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answerSituation(page);
    const adfs = item(page, ADFS_SINGLE);
    // A disclosure button, named with the item it belongs to, drawing its details when opened.
    const toggle = adfs.getByRole('button', { name: `Why and where from ${ADFS_SINGLE}`, exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(adfs.locator('.provenance dl')).toHaveCount(0);
    expect((await toggle.boundingBox()).height >= 24, 'a target at least 24 px tall (WCAG 2.2, 2.5.8)').toBeTruthy();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const why = await adfs.locator('.provenance dl').innerText();
    expect(why).toMatch(/Because of your answers: .*Accounts: One on-premises Active Directory forest/);
    expect(why).toMatch(/Sign-in: Federated identities \(AD FS, single sign-on\)/);
    expect(why).toMatch(/For a single forest when the target is federated identities:/);
    // The source in words a customer reads: the revision, no file name.
    expect(why).toMatch(/Source\nMicrosoft responsibilities \(Enterprise Mobility \+ Security\), the current revision \(10\/02\/2016\), section “Enable phase”/);
    expect(why).not.toMatch(/\.txt|revision of/);
    // Pressed again, it closes.
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(adfs.locator('.provenance dl')).toHaveCount(0);

    // An item that is always there says so; a carried RMS item cites the earlier document.
    const always = item(page, 'Work with you to begin onboarding.');
    await always.locator('.provenance button').click();
    await expect(always.locator('.provenance dl')).toHaveText(/Part of every onboarding\./, { useInnerText: true });
    const rms = item(page, RMS_CONNECTOR);
    await rms.locator('.provenance button').click();
    const rmsWhy = await rms.locator('.provenance dl').innerText();
    expect(rmsWhy).toMatch(/Microsoft's responsibilities, the earlier revision, section “Enable phase - Azure Right Management Premium”/);
    expect(rmsWhy).not.toMatch(/\.txt|undated/);
    expect(rmsWhy).toMatch(/Exchange on premises: Yes/);
    expect(rmsWhy).toMatch(/Rights Management workloads: Exchange Server mail on premises/);
  } finally {
    await context.close();
  }
});

test('"Why it is here" on an item still waiting names the answers so far and what it waits for', async ({ env }) => {
  const { context, page } = await fresh(env);
  const why = async (text) => {
    const row = item(page, text);
    await row.locator('.provenance button').click();
    return row.locator('.provenance dd').first().innerText();
  };
  try {
    // Nothing answered: it waits for the tenant; it is not part of every onboarding.
    expect(await why('Contact you within 30 days')).toBe('Waiting for: Tenant.');
    // Intune chosen: the MDM authority line depends on that answer and waits for another.
    await answer(page, 'Which services', 'Microsoft Intune');
    await expect(item(page, 'Based on your management needs').locator('.badge')).toContainText('Waiting for: MDM authority');
    expect(await why('Based on your management needs')).toBe('Because of your answers: Services: Microsoft Intune; waiting for: MDM authority.');
    // Only an item with no condition is part of every onboarding.
    expect(await why('Work with you to begin onboarding.')).toBe('Part of every onboarding.');
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('an open "Why and where from" stays open, with focus, while an answer changes its item', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    const row = item(page, 'Based on your management needs');
    await expect(row.locator('.badge')).toContainText('Waiting for: MDM authority');
    await goToStep(page, 'Microsoft Intune');
    const toggle = row.locator('.provenance button');
    await toggle.click();
    const why = row.locator('.provenance dd').first();
    await expect(why).toHaveText('Because of your answers: Services: Microsoft Intune; waiting for: MDM authority.', { useInnerText: true });
    // Answered from the script, as a click elsewhere would, leaving focus on the disclosure:
    // the item now applies, with one more reason.
    const authority = page.locator('fieldset.question', { has: page.locator('legend', { hasText: 'Mobile Device Management authority' }) });
    await authority.getByLabel('Microsoft Intune', { exact: true }).evaluate((choice) => choice.click());
    await expect(row.locator('.provenance dd').first()).toContainText('MDM authority: Microsoft Intune', { useInnerText: true });
    await expect(why).not.toHaveText(/waiting for/, { useInnerText: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await toggle.evaluate((b) => b === document.activeElement), 'focus stays on the disclosure').toBe(true);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('an answer shows and hides rows: each row stays the same element, and only a revision adds or drops rows', async ({ env }) => {
  const context = await env.context();
  const contact = 'Contact you within 30 days';
  // Marked on the element itself: a row drawn anew would not carry the mark.
  const mark = (row) => row.evaluate((li) => { li.keptForTest = true; });
  const marked = (row) => row.evaluate((li) => li.keptForTest === true);
  try {
    const page = await openPage(context, `${env.url}#services=aad_premium,intune,azure_rms&tenant=existing&directory=multi_forest&signin=federated`);
    const rows = page.locator('section.guidance li.item');
    const drawn = await rows.count();
    const adfs = page.locator('section.set-apart li:visible', { hasText: ADFS_MULTI });
    await expect(adfs).toHaveCount(2);
    await mark(adfs.first());
    await expect(item(page, contact), 'not for an existing tenant').toHaveCount(0);
    await goToStep(page, 'Services and tenant');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    const row = item(page, contact);
    await expect(row).toBeVisible();
    await mark(row);
    await answer(page, 'new tenant or an existing', 'An existing tenant');
    await expect(item(page, contact), 'hidden again').toHaveCount(0);
    await expect(page.locator('#guidance-live')).toHaveText(/^Guidance list updated: \d+ items? removed\.$/);
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await expect(item(page, contact)).toBeVisible();
    expect(await marked(item(page, contact)), 'the same row shown again').toBe(true);

    // Set apart: hidden when the answers no longer set it apart, the same row when they do again.
    await goToStep(page, 'Accounts and sign-in');
    await answer(page, 'How will users sign in', 'Synchronized identities (password hash sync)');
    await expect(adfs).toHaveCount(0);
    await answer(page, 'How will users sign in', 'Federated identities (AD FS, single sign-on)');
    await expect(adfs).toHaveCount(2);
    expect(await marked(adfs.first()), 'the same set-apart row shown again').toBe(true);
    expect(await rows.count(), 'answers draw no row and drop none').toBe(drawn);

    // A revision switch draws the rows of the items only its page has, and drops the others.
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await expect(rows).not.toHaveCount(drawn);
    await page.getByLabel('Current (10/02/2016)', { exact: true }).check();
    await expect(rows).toHaveCount(drawn);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('on paper, the page says which revision its lines are quoted from', async ({ env }) => {
  const { context, page } = await fresh(env);
  const printed = async () => {
    await page.emulateMedia({ media: 'print' });
    const text = await page.evaluate(() => document.body.innerText);
    await page.emulateMedia({ media: 'screen' });
    return text;
  };
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await expect(item(page, 'Enrolling').locator('.item-line')).toContainText('up to two test devices');
    const earlier = await printed();
    expect(earlier).toMatch(/quoted from the earlier revision of Microsoft's page on its responsibilities during FastTrack onboarding \("FastTrack Center Benefit Process for Enterprise Mobility Suite - Microsoft's responsibilities"\)\./);
    expect(earlier).not.toMatch(/10\/02\/2016/);
    await page.getByLabel('Current (10/02/2016)', { exact: true }).check();
    await expect(page.locator('.colophon')).toContainText('revision of 10/02/2016', { useInnerText: true });
    expect(await printed()).toMatch(/quoted from Microsoft's page on its responsibilities during FastTrack onboarding, revision of 10\/02\/2016; the Azure Rights Management section from the earlier revision\./);
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('ticking items done updates the phase and total counts', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answerSituation(page);
    await expect(page.locator('#phase-general .count')).toHaveText('2 in scope, 0 done', { useInnerText: true });
    await expect(page.locator('#phase-enable .count')).toHaveText('30 in scope, 0 done', { useInnerText: true });
    const guidance = page.locator('section.guidance');
    await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
    await guidance.getByRole('checkbox', { name: EXCHANGE_CONNECTOR, exact: true }).check();
    await expect(page.locator('section.guidance .totals')).toContainText('45 in scope, 2 done', { useInnerText: true });
    await expect(page.locator('#phase-assess .count')).toHaveText('8 in scope, 1 done', { useInnerText: true });
    await expect(page.locator('#phase-enable .count')).toHaveText('30 in scope, 1 done', { useInnerText: true });
    await expect(page.locator('#phase-general .count')).toHaveText('2 in scope, 0 done', { useInnerText: true });
    // Unticking counts down again.
    await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).uncheck();
    await expect(page.locator('section.guidance .totals')).toContainText('45 in scope, 1 done', { useInnerText: true });
    await expect(page.locator('#phase-assess .count')).toHaveText('8 in scope, 0 done', { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('a line waiting for an answer has no tick box and its text ticks nothing; in scope, it has one', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    const row = item(page, 'Based on your management needs');
    await expect(row.locator('.badge')).toContainText('Waiting for: MDM authority');
    await expect(row.getByRole('checkbox'), 'no tick box while it waits').toHaveCount(0);
    await row.locator('.item-line .text').click();
    await expect(row.locator('input[type="checkbox"]'), 'a click on its text ticks nothing').not.toBeChecked();
    await expect(page.locator('section.guidance .totals')).toContainText(' 0 done', { useInnerText: true });
    await goToStep(page, 'Microsoft Intune');
    await answer(page, 'Mobile Device Management authority', 'Microsoft Intune');
    const tick = row.getByRole('checkbox', { name: /^Based on your management needs/ });
    await expect(tick, 'in scope: a tick box named by its text').toBeVisible();
    await row.locator('.item-line .text').click();
    await expect(tick, 'a click on its text ticks it').toBeChecked();
    await expect(page.locator('section.guidance .totals')).toContainText(' 1 done', { useInnerText: true });
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});

test('the revision switch shows the earlier wording, and "Reworded" in the current one', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answerSituation(page);
    // One choice per revision, newest first and chosen; each later one says what changed since
    // the one before, read with its radio button.
    const radios = page.locator('fieldset.revision-switch input[type=radio]');
    expect(await radios.evaluateAll((rs) => rs.map((r) => [r.id, r.checked]))).toStrictEqual([['rev-current', true], ['rev-earlier', false]]);
    const changes = page.locator('#rev-current-changes');
    await expect(changes).toHaveText('3 new, 17 reworded, 16 dropped since the earlier page', { useInnerText: true });
    await expect(page.locator('#rev-current')).toHaveAttribute('aria-describedby', 'rev-current-changes');
    await expect(page.locator('#rev-earlier')).not.toHaveAttribute('aria-describedby');
    const enroll = item(page, 'Enrolling');
    await expect(enroll.locator('.item-line')).toHaveText(new RegExp(`^${ENROLL_CURRENT}`));
    await expect(enroll.locator('.badge.change')).toHaveText('Reworded');
    await enroll.locator('.provenance button').click();
    await expect(enroll.locator('.provenance dl')).toHaveText(/The earlier page said: “Enrolling up to two test devices/, { useInnerText: true });

    await page.getByLabel('Earlier revision', { exact: true }).check();
    // Expected: the list now reads as the earlier page did.
    const earlierLine = item(page, 'Enrolling').locator('.item-line');
    await expect(earlierLine, `after choosing "Earlier revision" the item should read "${ENROLL_EARLIER}"`).toContainText(ENROLL_EARLIER);
    await expect(earlierLine, 'badge "Reworded later" expected').toContainText('Reworded later');
    // Its "Why and where from" is named with the wording on screen.
    await expect(page.getByRole('button', { name: `Why and where from ${ENROLL_EARLIER}`, exact: true })).toHaveCount(1);

    await page.getByLabel('Current (10/02/2016)', { exact: true }).check();
    await expect(item(page, ENROLL_CURRENT)).toBeVisible();
    const currentLine = await item(page, 'Enrolling').locator('.item-line').textContent();
    expect(currentLine, currentLine).not.toContain('up to two test devices');
    expect(currentLine).toMatch(/Reworded$/);
  } finally {
    await context.close();
  }
});

test('the earlier revision, once saved, is shown with its own wording after a reload', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answerSituation(page);
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await expect.poll(() => page.evaluate((key) => (localStorage.getItem(key) || '').includes('"revision":"earlier"'), KEY), { message: 'the revision saved' }).toBeTruthy();
    await page.reload();
    await ready(page);
    await expect(page.getByLabel('Earlier revision', { exact: true })).toBeChecked();
    const line = await item(page, 'Enrolling').locator('.item-line').textContent();
    expect(line, line).toContain(ENROLL_EARLIER);
    expect(line, line).toContain('Reworded later');
  } finally {
    await context.close();
  }
});

test('contradictory answers: MDM authority "None" with MDM in scope warns next to the question', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Microsoft Intune');
    await answer(page, 'Mobile Device Management authority', 'None: we only want Mobile Application Management');
    await expect(page.locator('.warning-box')).toHaveCount(0);
    await answer(page, 'What should Intune manage', 'Mobile devices (MDM)');
    const message = 'Managing mobile devices (MDM) needs an MDM authority; setting none fits only Mobile Application Management.';
    const authority = page.locator('#question-mdm_authority');
    await expect(authority.locator('.warning-box')).toContainText(message, { useInnerText: true });
    await expect(authority.locator('.warning-box')).toHaveText(/\(MDM authority: None: we only want Mobile Application Management; Intune scope: Mobile devices \(MDM\)\)/, { useInnerText: true });
    expect((await page.locator('#question-intune_scope .warning-box').innerText()).includes(message)).toBeTruthy();
    // The guidance side lists it under "Answers to look at".
    expect((await page.locator('section.guidance .warnings').innerText()).includes(message)).toBeTruthy();
    // Resolving it takes the warning away.
    await answer(page, 'Mobile Device Management authority', 'Microsoft Intune');
    await expect(page.locator('.warning-box'), 'the warning to go').toHaveCount(0);
    await expect(page.locator('section.guidance .warnings')).toBeHidden();
  } finally {
    await context.close();
  }
});

test('an answer to a question that no longer applies is "kept but ignored"', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await nextStep(page);
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await answer(page, 'How will users sign in', 'Federated identities (AD FS, single sign-on)');
    await expect(page.locator('section.guidance')).toContainText(ADFS_SINGLE, { useInnerText: true });
    await answer(page, 'Where do your user accounts live', 'Only in the cloud (no on-premises Active Directory)');
    const box = page.locator('section.questions .warning-box');
    await expect(box).toContainText('kept but ignored', { useInnerText: true });
    const text = await box.innerText();
    expect(text).toMatch(/Sign-in: Federated identities \(AD FS, single sign-on\) is kept but ignored: it applies only with Accounts: One on-premises Active Directory forest, Several on-premises Active Directory forests\./);
    await expect(page.locator('fieldset.question legend', { hasText: 'How will users sign in' })).toHaveCount(0);
    expect(!(await page.locator('section.guidance').innerText()).includes(ADFS_SINGLE), 'AD FS line gone with cloud-only accounts').toBeTruthy();
    expect(!(await inScopeTexts(page)).includes('Testing single sign-on (SSO) functionality if deployed.'), 'SSO test not in scope once sign-in is ignored').toBeTruthy();
    // Going back to a forest brings the kept answer back in.
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await expect(page.locator('section.guidance')).toContainText(ADFS_SINGLE, { useInnerText: true });
    await expect(page.locator('#question-signin').getByLabel('Federated identities (AD FS, single sign-on)')).toBeChecked();
    // And the clear button drops it.
    await answer(page, 'Where do your user accounts live', 'Only in the cloud (no on-premises Active Directory)');
    await page.getByRole('button', { name: 'Clear the Sign-in answer', exact: true }).click();
    await expect(page.locator('section.questions .warning-box'), 'the ignored warning to go').toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('an ignored answer whose step is gone can still be cleared from the guidance list', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await leaveIgnoredAnswer(page);
    const warnings = page.locator('.warnings');
    await expect(warnings).toContainText('kept but ignored', { useInnerText: true });
    // The product's name as it is written, in the text and in the button's accessible name.
    await expect(warnings.locator('li').first()).toHaveText(/\. Clear the Azure AD Premium capabilities answer$/, { useInnerText: true });
    await warnings.getByRole('button', { name: 'Clear the Azure AD Premium capabilities answer', exact: true }).click();
    await expect(warnings, 'the warning gone once the answer is cleared').toBeHidden();
    // Ticking the service again shows the capabilities unanswered.
    await page.locator('#question-services').getByLabel('Azure Active Directory Premium').check();
    await goToStep(page, 'Azure AD Premium capabilities');
    await expect(page.getByLabel('Identity Protection', { exact: true })).not.toBeChecked();
  } finally {
    await context.close();
  }
});

test('print from a middle step or the summary: no step heading alone, the answers once', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await goToStep(page, 'Microsoft Intune');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-only p')).toContainText(/Answers: .*A new tenant\.$/, { useInnerText: true });
    // The step's heading would stand alone: its questions are not printed.
    await expect(page.locator('#step-heading'), 'no step heading on paper').toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await goToStep(page, 'Summary and sharing');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => document.body.innerText);
    expect(printed.split('A new tenant').length - 1, `the answers printed once:\n${printed.slice(0, 1500)}`).toBe(1);
    expect(printed).toContain('Your guidance list');
  } finally {
    await context.close();
  }
});

test('a share link pasted into the address bar of an open wizard is offered too', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.evaluate(() => { location.hash = 'services=azure_rms&tenant=new'; });
    const prompt = page.getByRole('alertdialog');
    await expect(prompt).toContainText('Open the scope from this link?', { useInnerText: true });
    // Focus goes to the prompt, so a keyboard or screen reader user meets it.
    await expect(page.locator('#prompt-title')).toBeFocused();
    await prompt.getByRole('button', { name: 'Replace with the link' }).click();
    await goToStep(page, 'Services and tenant');
    await expect(page.locator('#question-services').getByLabel('Azure Rights Management')).toBeChecked();
    await expect(page.locator('#question-services').getByLabel('Microsoft Intune')).not.toBeChecked();
  } finally {
    await context.close();
  }
});

test('out-of-scope lines say the section they come from, so two that read alike are told apart', async ({ env }) => {
  const context = await env.context();
  try {
    const page = await openPage(context, `${env.url}#services=aad_premium,intune,azure_rms&tenant=existing&directory=multi_forest&signin=federated`);
    const adfs = page.locator('section.set-apart li:visible', { hasText: 'For all multiple forest configurations, AD FS deployments are out of scope.' });
    await expect(adfs, 'the two AD FS lines').toHaveCount(2);
    expect(await adfs.locator('.place').allTextContents()).toStrictEqual(['Enable phase', 'Enable phase - Azure Active Directory Premium']);
    // Part of each disclosure's name too.
    for (const place of ['Enable phase', 'Enable phase - Azure Active Directory Premium']) {
      const name = `Why and where from For all multiple forest configurations, AD FS deployments are out of scope. ${place}`;
      await expect(page.getByRole('button', { name, exact: true }), name).toHaveCount(1);
    }
  } finally {
    await context.close();
  }
});

test('print: the header says when nothing is answered, and no phase or section shows only waiting items', async ({ env }) => {
  const { context, page } = await fresh(env);
  try {
    await page.emulateMedia({ media: 'print' });
    const header = page.locator('.print-only p');
    await expect(header).toContainText(/Answers: none yet\.$/, { useInnerText: true });
    // Nothing answered: the Enable phase's sections hold only waiting items, hidden on paper.
    const shown = await page.locator('section.phase .section').evaluateAll((sections) => sections
      .filter((s) => getComputedStyle(s).display !== 'none')
      .map((s) => [...s.querySelectorAll('.item')].filter((i) => getComputedStyle(i).display !== 'none').length));
    expect(shown.length > 0, 'some sections are printed').toBeTruthy();
    expect(shown.every((n) => n > 0), `every printed section has a printed item: ${shown}`).toBeTruthy();
    const phases = await page.locator('section.phase').evaluateAll((list) => list
      .filter((p) => getComputedStyle(p).display !== 'none')
      .map((p) => [...p.querySelectorAll('.item')].filter((i) => getComputedStyle(i).display !== 'none').length));
    expect(phases.length > 0 && phases.every((n) => n > 0), `every printed phase has a printed item: ${phases}`).toBeTruthy();
    await page.emulateMedia({ media: 'screen' });
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.emulateMedia({ media: 'print' });
    await expect(header).toContainText(/Answers: .*Microsoft Intune\.$/, { useInnerText: true });
  } finally {
    await context.close();
  }
});

test('at 375 px the current step stays in sight in the sideways-scrolling step list', async ({ env }) => {
  const context = await env.context({ viewport: { width: 375, height: 800 } });
  try {
    const page = await openPage(context, `${env.url}#services=aad_premium,intune,azure_rms&tenant=existing&directory=multi_forest&signin=federated`);
    const list = page.getByRole('navigation', { name: 'Steps' }).locator('ol');
    /** How far the current step's button sticks out of the list's visible part (0 when in it). */
    const outside = () => list.evaluate((ol) => {
      const row = ol.getBoundingClientRect();
      const current = ol.querySelector('[aria-current="step"]').getBoundingClientRect();
      return Math.max(0, row.left - current.left, current.right - row.right);
    });
    expect(await list.evaluate((ol) => ol.scrollWidth > ol.clientWidth), 'the list scrolls sideways at 375 px').toBeTruthy();
    await goToStep(page, 'Services and tenant');
    // A little down the page, the step list still in sight: the page itself must not move.
    await page.evaluate(() => window.scrollTo(0, 60));
    const scrolled = await page.evaluate(() => window.scrollY);
    const seen = [];
    for (let more = true; more;) {
      // Clicked where it is, as Enter on it would: Playwright's click would scroll to it first.
      const before = await heading(page);
      await page.locator('.step-nav button.primary').evaluate((button) => button.click());
      await expect.poll(() => heading(page), { message: 'the next step' }).not.toBe(before);
      await expect.poll(async () => (await outside()) <= 1, { message: `"${await heading(page)}" scrolled into the step list` }).toBeTruthy();
      seen.push(await heading(page));
      expect(await page.evaluate(() => window.scrollY), 'the page did not scroll up or down').toBe(scrolled);
      more = !(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled());
    }
    expect(seen.at(-1)).toBe('Summary and sharing');
    // And back to the first step, which the list has scrolled away from.
    await page.getByRole('button', { name: 'Back', exact: true }).focus();
    while (!(await page.getByRole('button', { name: 'Back', exact: true }).isDisabled())) {
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await expect.poll(async () => (await outside()) <= 1, { message: `"${await heading(page)}" scrolled into the step list` }).toBeTruthy();
    }
    expect(page.errors).toStrictEqual([]);
  } finally {
    await context.close();
  }
});
