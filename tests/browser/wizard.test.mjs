// The wizard as a person uses it: answer a situation, read the guidance that follows, move between
// steps, open "Why and where from", tick items done, switch the source revision, and meet the
// warnings for contradictory or ignored answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, openPage, ready, answer, next, heading, goToStep, nextStep, item, inScopeTexts, phaseCount, totals,
  answerSituation, waitText, until,
  leaveIgnoredAnswer,
} from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const EXCHANGE_CONNECTOR = 'Setting up the Microsoft Intune Exchange Connector, when applicable.';
const RMS_CONNECTOR = 'Configuring one server on-premises with the RMS Connector, when applicable:';
const ADFS_SINGLE = 'Installing and configuring Active Directory Federation Services (AD FS) for local domain authentication with Microsoft Intune in a single-site, fault-tolerant configuration, if required.';
const ADFS_MULTI = 'For all multiple forest configurations, AD FS deployments are out of scope.';
const MULTI_FOREST_SYNC = 'Install Azure Active Directory Connect synchronization, set up for multiple forest scenarios.';
const CUSTOM_RULES = 'Development and implementation for custom rules extensions are out of scope.';
const ENROLL_CURRENT = 'Enrolling devices of each supported platform';
const ENROLL_EARLIER = 'Enrolling up to two test devices of each supported platform to your Microsoft Intune or Configuration Manager with Microsoft Intune service.';

async function fresh() {
  const context = await env.context();
  const page = await openPage(context, env.url);
  return { context, page };
}

test('a whole situation answered through the UI gives the right guidance and progress text', async () => {
  const { context, page } = await fresh();
  try {
    assert.equal(await page.locator('.step-count').innerText(), 'Step 1 of 3');
    assert.equal(await heading(page), 'Services and tenant');
    assert.ok(await page.getByRole('button', { name: 'Back', exact: true }).isDisabled(), 'Back is disabled on the first step');

    // Choosing services adds their steps.
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'Which services', 'Azure Rights Management');
    await waitText(page.locator('.step-count'), 'Step 1 of 5');
    const stepTitles = await page.getByRole('navigation', { name: 'Steps' }).getByRole('button').allInnerTexts();
    assert.deepEqual(stepTitles, ['Services and tenant', 'Accounts and sign-in', 'Microsoft Intune', 'Rights Management', 'Summary and sharing']);
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await nextStep(page);
    assert.equal(await page.locator('.step-count').innerText(), 'Step 2 of 5');
    assert.equal(await heading(page), 'Accounts and sign-in');
    // Sign-in and custom rules are asked only once accounts come from a forest.
    assert.equal(await page.locator('fieldset.question legend', { hasText: 'How will users sign in' }).count(), 0);
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await answer(page, 'How will users sign in', 'Federated identities (AD FS, single sign-on)');
    await answer(page, 'custom synchronization rule', 'No, the standard rules will do');
    await answer(page, 'Exchange Server on premises', 'Yes');
    await answer(page, 'SharePoint Server on premises', 'No');
    await nextStep(page);
    assert.equal(await page.locator('.step-count').innerText(), 'Step 3 of 5');
    assert.equal(await heading(page), 'Microsoft Intune');
    await answer(page, 'Mobile Device Management authority', 'Microsoft Intune');
    await answer(page, 'What should Intune manage', 'Mobile devices (MDM)');
    await answer(page, 'third-party MDM', 'No');
    await nextStep(page);
    assert.equal(await page.locator('.step-count').innerText(), 'Step 4 of 5');
    await answer(page, 'Which workloads should Rights Management protect', 'Exchange Server mail on premises');
    await nextStep(page);
    assert.equal(await page.locator('.step-count').innerText(), 'Step 5 of 5');
    assert.equal(await heading(page), 'Summary and sharing');
    assert.ok(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled(), 'Next is disabled on the last step');

    const inScope = await inScopeTexts(page);
    for (const line of [EXCHANGE_CONNECTOR, RMS_CONNECTOR, ADFS_SINGLE, 'Contact you within 30 days of the purchase of eligible licenses for a new tenant.',
      'Set Microsoft Intune as your MDM authority when Microsoft Intune is your only MDM solution or is in conjunction with Mobile Device Management for Office 365.',
      'Configuring and validating Exchange 2013/2010 on-premises integration with Azure RMS.']) {
      assert.ok(inScope.includes(line), `in scope: ${line}`);
    }
    const guidance = await page.locator('section.guidance').innerText();
    for (const wrong of [ADFS_MULTI, MULTI_FOREST_SYNC, CUSTOM_RULES, 'Configuring MAM policies for each supported platform.',
      'Configuring and Validating SharePoint 2013/2010 on-premises protection', 'Activating your Microsoft Azure Active Directory Premium tenant.',
      'Installing the Intune client software']) {
      assert.ok(!guidance.includes(wrong), `not listed: ${wrong}`);
    }
    // Every question is answered: nothing waits, nothing is set apart, and the count is the catalog's.
    assert.equal(await totals(page), '45 in scope, 0 done');
    assert.equal(await page.locator('section.guidance li.item.waiting').count(), 0);
    assert.ok(await page.locator('section.set-apart').isHidden());

    // The summary lists the answers with a way back to each.
    const answers = await page.locator('dl.answers').innerText();
    assert.match(answers, /Services\s+Microsoft Intune, Azure Rights Management/);
    assert.match(answers, /Sign-in\s+Federated identities \(AD FS, single sign-on\)/);
    await page.getByRole('button', { name: 'Change Exchange on premises' }).click();
    await waitText(page.locator('#step-heading'), 'Accounts and sign-in');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('step list buttons jump to their step, Back and Next walk the list', async () => {
  const { context, page } = await fresh();
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'Which services', 'Azure Rights Management');
    await goToStep(page, 'Rights Management');
    assert.equal(await page.locator('.step-count').innerText(), 'Step 4 of 5');
    assert.equal(await page.locator('.step-link[aria-current="step"]').innerText(), 'Rights Management');
    assert.equal(await page.locator('fieldset.question legend').first().innerText(), 'Which workloads should Rights Management protect?');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await waitText(page.locator('#step-heading'), 'Microsoft Intune');
    assert.equal(await page.locator('.step-count').innerText(), 'Step 3 of 5');
    await goToStep(page, 'Summary and sharing');
    assert.equal(await page.locator('.step-count').innerText(), 'Step 5 of 5');
    await goToStep(page, 'Services and tenant');
    assert.equal(await page.locator('.step-count').innerText(), 'Step 1 of 5');
    await next(page);
    await waitText(page.locator('#step-heading'), 'Accounts and sign-in');
  } finally {
    await context.close();
  }
});

test('the browser\'s Back and Forward walk the steps, also after a reload', async () => {
  const { context, page } = await fresh();
  try {
    const at = (title) => waitText(page.locator('#step-heading'), title);
    await answer(page, 'Which services', 'Microsoft Intune');
    await next(page);
    await at('Accounts and sign-in');
    await goToStep(page, 'Microsoft Intune');
    await page.goBack();
    await at('Accounts and sign-in');
    // Focus follows, as for the step's own Back button.
    await until(() => page.evaluate(() => document.activeElement?.id === 'step-heading'), 'focus on the step heading');
    await page.goBack();
    await at('Services and tenant');
    await page.goForward();
    await at('Accounts and sign-in');
    await page.reload();
    await ready(page);
    await at('Accounts and sign-in');
    await page.goForward();
    await at('Microsoft Intune');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('Back onto a step the answers have since removed passes it over to the step before it', async () => {
  const { context, page } = await fresh();
  try {
    const services = page.locator('#question-services');
    await answer(page, 'Which services', 'Microsoft Intune');
    await nextStep(page);
    await goToStep(page, 'Microsoft Intune');
    await goToStep(page, 'Services and tenant');
    await services.getByLabel('Microsoft Intune', { exact: true }).uncheck();
    await waitText(page.locator('.step-count'), 'Step 1 of 3');
    // The entry before is the Intune step, gone with the answer: Back shows the one before that.
    await page.goBack();
    await waitText(page.locator('#step-heading'), 'Accounts and sign-in');
    await until(() => page.evaluate(() => document.activeElement?.id === 'step-heading'), 'focus on the step heading');
    await page.goBack();
    await waitText(page.locator('#step-heading'), 'Services and tenant');
    assert.equal(new URL(page.url()).origin, new URL(env.url).origin, 'still on the wizard');
    // The step does not come back by surprise when its answer does.
    await services.getByLabel('Microsoft Intune', { exact: true }).check();
    await page.waitForTimeout(300);
    assert.equal(await heading(page), 'Services and tenant');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('Back with no earlier step left but the one on screen still shows a change, and never leaves the page', async () => {
  const { context, page } = await fresh();
  try {
    const services = page.locator('#question-services');
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Microsoft Intune');
    await goToStep(page, 'Services and tenant');
    await services.getByLabel('Microsoft Intune', { exact: true }).uncheck();
    await waitText(page.locator('.step-count'), 'Step 1 of 3');
    // Back: the Intune step is gone, and the entry before it is the step on screen.
    await page.goBack();
    await waitText(page.locator('#step-heading'), 'Accounts and sign-in');
    assert.equal(new URL(page.url()).origin, new URL(env.url).origin, 'still on the wizard');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('"Why and where from" names the answers behind an item and its source document', async () => {
  const { context, page } = await fresh();
  try {
    await answerSituation(page);
    const adfs = item(page, ADFS_SINGLE);
    // A disclosure button, named with the item it belongs to, drawing its details when opened.
    const toggle = adfs.getByRole('button', { name: `Why and where from ${ADFS_SINGLE}`, exact: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await adfs.locator('.provenance dl').count(), 0);
    assert.ok((await toggle.boundingBox()).height >= 24, 'a target at least 24 px tall (WCAG 2.2, 2.5.8)');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const why = await adfs.locator('.provenance dl').innerText();
    assert.match(why, /Because of your answers: .*Accounts: One on-premises Active Directory forest/);
    assert.match(why, /Sign-in: Federated identities \(AD FS, single sign-on\)/);
    assert.match(why, /For a single forest when the target is federated identities:/);
    // The source in words a customer reads: the revision, no file name.
    assert.match(why, /Source\nMicrosoft responsibilities \(Enterprise Mobility \+ Security\), the current revision \(10\/02\/2016\), section “Enable phase”/);
    assert.doesNotMatch(why, /\.txt|revision of/);
    // Pressed again, it closes.
    await toggle.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await adfs.locator('.provenance dl').count(), 0);

    // An item that is always there says so; a carried RMS item cites the earlier document.
    const always = item(page, 'Work with you to begin onboarding.');
    await always.locator('.provenance button').click();
    assert.match(await always.locator('.provenance dl').innerText(), /Part of every onboarding\./);
    const rms = item(page, RMS_CONNECTOR);
    await rms.locator('.provenance button').click();
    const rmsWhy = await rms.locator('.provenance dl').innerText();
    assert.match(rmsWhy, /Microsoft's responsibilities, the earlier revision, section “Enable phase - Azure Right Management Premium”/);
    assert.doesNotMatch(rmsWhy, /\.txt|undated/);
    assert.match(rmsWhy, /Exchange on premises: Yes/);
    assert.match(rmsWhy, /Rights Management workloads: Exchange Server mail on premises/);
  } finally {
    await context.close();
  }
});

test('"Why it is here" on an item still waiting names the answers so far and what it waits for', async () => {
  const { context, page } = await fresh();
  const why = async (text) => {
    const row = item(page, text);
    await row.locator('.provenance button').click();
    return row.locator('.provenance dd').first().innerText();
  };
  try {
    // Nothing answered: it waits for the tenant; it is not part of every onboarding.
    assert.equal(await why('Contact you within 30 days'), 'Waiting for: Tenant.');
    // Intune chosen: the MDM authority line depends on that answer and waits for another.
    await answer(page, 'Which services', 'Microsoft Intune');
    await waitText(item(page, 'Based on your management needs').locator('.badge'), 'Waiting for: MDM authority');
    assert.equal(await why('Based on your management needs'),
      'Because of your answers: Services: Microsoft Intune; waiting for: MDM authority.');
    // Only an item with no condition is part of every onboarding.
    assert.equal(await why('Work with you to begin onboarding.'), 'Part of every onboarding.');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('an open "Why and where from" stays open, with focus, while an answer changes its item', async () => {
  const { context, page } = await fresh();
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    const row = item(page, 'Based on your management needs');
    await waitText(row.locator('.badge'), 'Waiting for: MDM authority');
    await goToStep(page, 'Microsoft Intune');
    const toggle = row.locator('.provenance button');
    await toggle.click();
    const why = row.locator('.provenance dd').first();
    assert.equal(await why.innerText(), 'Because of your answers: Services: Microsoft Intune; waiting for: MDM authority.');
    // Answered from the script, as a click elsewhere would, leaving focus on the disclosure:
    // the item now applies, with one more reason.
    const authority = page.locator('fieldset.question', { has: page.locator('legend', { hasText: 'Mobile Device Management authority' }) });
    await authority.getByLabel('Microsoft Intune', { exact: true }).evaluate((choice) => choice.click());
    await waitText(row.locator('.provenance dd').first(), 'MDM authority: Microsoft Intune');
    assert.doesNotMatch(await why.innerText(), /waiting for/);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await toggle.evaluate((b) => b === document.activeElement), true, 'focus stays on the disclosure');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('on paper, the page says which revision its lines are quoted from', async () => {
  const { context, page } = await fresh();
  const printed = async () => {
    await page.emulateMedia({ media: 'print' });
    const text = await page.evaluate(() => document.body.innerText);
    await page.emulateMedia({ media: 'screen' });
    return text;
  };
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await waitText(item(page, 'Enrolling').locator('.item-line'), 'up to two test devices');
    const earlier = await printed();
    assert.match(earlier, /quoted from the earlier revision of Microsoft's page on its responsibilities during FastTrack onboarding \("FastTrack Center Benefit Process for Enterprise Mobility Suite - Microsoft's responsibilities"\)\./);
    assert.doesNotMatch(earlier, /10\/02\/2016/);
    await page.getByLabel('Current (10/02/2016)', { exact: true }).check();
    await waitText(page.locator('.colophon'), 'revision of 10/02/2016');
    assert.match(await printed(), /quoted from Microsoft's page on its responsibilities during FastTrack onboarding, revision of 10\/02\/2016; the Azure Rights Management section from the earlier revision\./);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});

test('ticking items done updates the phase and total counts', async () => {
  const { context, page } = await fresh();
  try {
    await answerSituation(page);
    assert.equal(await phaseCount(page, 'General'), '2 in scope, 0 done');
    assert.equal(await phaseCount(page, 'Enable'), '30 in scope, 0 done');
    const guidance = page.locator('section.guidance');
    await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).check();
    await guidance.getByRole('checkbox', { name: EXCHANGE_CONNECTOR, exact: true }).check();
    await waitText(page.locator('section.guidance .totals'), '45 in scope, 2 done');
    assert.equal(await phaseCount(page, 'Assess'), '8 in scope, 1 done');
    assert.equal(await phaseCount(page, 'Enable'), '30 in scope, 1 done');
    assert.equal(await phaseCount(page, 'General'), '2 in scope, 0 done');
    // Unticking counts down again.
    await guidance.getByRole('checkbox', { name: 'Provide an administrative overview.', exact: true }).uncheck();
    await waitText(page.locator('section.guidance .totals'), '45 in scope, 1 done');
    assert.equal(await phaseCount(page, 'Assess'), '8 in scope, 0 done');
  } finally {
    await context.close();
  }
});

test('the revision switch shows the earlier wording, and "Reworded" in the current one', async () => {
  const { context, page } = await fresh();
  try {
    await answerSituation(page);
    // One choice per revision, newest first and chosen; each later one says what changed since
    // the one before, read with its radio button.
    const radios = page.locator('fieldset.revision-switch input[type=radio]');
    assert.deepEqual(await radios.evaluateAll((rs) => rs.map((r) => [r.id, r.checked])),
      [['rev-current', true], ['rev-earlier', false]]);
    const changes = page.locator('#rev-current-changes');
    assert.equal(await changes.innerText(), '3 new, 17 reworded, 16 dropped since the earlier page');
    assert.equal(await page.locator('#rev-current').getAttribute('aria-describedby'), 'rev-current-changes');
    assert.equal(await page.locator('#rev-earlier').getAttribute('aria-describedby'), null);
    const enroll = item(page, 'Enrolling');
    assert.match(await enroll.locator('.item-line').innerText(), new RegExp(`^${ENROLL_CURRENT}`));
    assert.equal(await enroll.locator('.badge.change').innerText(), 'Reworded');
    await enroll.locator('.provenance button').click();
    assert.match(await enroll.locator('.provenance dl').innerText(), /The earlier page said: “Enrolling up to two test devices/);

    await page.getByLabel('Earlier revision', { exact: true }).check();
    // Expected: the list now reads as the earlier page did.
    await waitText(page.locator('section.guidance'), ENROLL_EARLIER, 3000).catch(() => {});
    const earlierLine = await item(page, 'Enrolling').locator('.item-line').innerText();
    assert.ok(earlierLine.includes(ENROLL_EARLIER),
      `after choosing "Earlier revision" the item should read "${ENROLL_EARLIER}", but it reads: ${earlierLine}`);
    assert.ok(earlierLine.includes('Reworded later'), `badge "Reworded later" expected, line: ${earlierLine}`);
    // Its "Why and where from" is named with the wording on screen.
    assert.equal(await page.getByRole('button', { name: `Why and where from ${ENROLL_EARLIER}`, exact: true }).count(), 1);

    await page.getByLabel('Current (10/02/2016)', { exact: true }).check();
    await waitText(page.locator('section.guidance'), ENROLL_CURRENT);
    const currentLine = await item(page, 'Enrolling').locator('.item-line').innerText();
    assert.ok(!currentLine.includes('up to two test devices'), currentLine);
    assert.match(currentLine, /Reworded$/);
  } finally {
    await context.close();
  }
});

test('the earlier revision, once saved, is shown with its own wording after a reload', async () => {
  const { context, page } = await fresh();
  try {
    await answerSituation(page);
    await page.getByLabel('Earlier revision', { exact: true }).check();
    await until(() => page.evaluate(() => (localStorage.getItem('ems-scope-wizard/progress') || '').includes('"revision":"earlier"')), 'the revision saved');
    await page.reload();
    await page.waitForSelector('html.ready');
    assert.ok(await page.getByLabel('Earlier revision', { exact: true }).isChecked());
    const line = await item(page, 'Enrolling').locator('.item-line').innerText();
    assert.ok(line.includes(ENROLL_EARLIER), line);
    assert.ok(line.includes('Reworded later'), line);
  } finally {
    await context.close();
  }
});

test('contradictory answers: MDM authority "None" with MDM in scope warns next to the question', async () => {
  const { context, page } = await fresh();
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await goToStep(page, 'Microsoft Intune');
    await answer(page, 'Mobile Device Management authority', 'None: we only want Mobile Application Management');
    assert.equal(await page.locator('.warning-box').count(), 0);
    await answer(page, 'What should Intune manage', 'Mobile devices (MDM)');
    const message = 'Managing mobile devices (MDM) needs an MDM authority; setting none fits only Mobile Application Management.';
    const authority = page.locator('#question-mdm_authority');
    await waitText(authority.locator('.warning-box'), message);
    assert.match(await authority.locator('.warning-box').innerText(),
      /\(MDM authority: None: we only want Mobile Application Management; Intune scope: Mobile devices \(MDM\)\)/);
    assert.ok((await page.locator('#question-intune_scope .warning-box').innerText()).includes(message));
    // The guidance side lists it under "Answers to look at".
    assert.ok((await page.locator('section.guidance .warnings').innerText()).includes(message));
    // Resolving it takes the warning away.
    await answer(page, 'Mobile Device Management authority', 'Microsoft Intune');
    await until(async () => (await page.locator('.warning-box').count()) === 0, 'the warning to go');
    assert.ok(await page.locator('section.guidance .warnings').isHidden());
  } finally {
    await context.close();
  }
});

test('an answer to a question that no longer applies is "kept but ignored"', async () => {
  const { context, page } = await fresh();
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await nextStep(page);
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await answer(page, 'How will users sign in', 'Federated identities (AD FS, single sign-on)');
    await waitText(page.locator('section.guidance'), ADFS_SINGLE);
    await answer(page, 'Where do your user accounts live', 'Only in the cloud (no on-premises Active Directory)');
    const box = page.locator('section.questions .warning-box');
    const text = await waitText(box, 'kept but ignored');
    assert.match(text, /Sign-in: Federated identities \(AD FS, single sign-on\) is kept but ignored: it applies only with Accounts: One on-premises Active Directory forest, Several on-premises Active Directory forests\./);
    assert.equal(await page.locator('fieldset.question legend', { hasText: 'How will users sign in' }).count(), 0);
    assert.ok(!(await page.locator('section.guidance').innerText()).includes(ADFS_SINGLE), 'AD FS line gone with cloud-only accounts');
    assert.ok(!(await inScopeTexts(page)).includes('Testing single sign-on (SSO) functionality if deployed.'), 'SSO test not in scope once sign-in is ignored');
    // Going back to a forest brings the kept answer back in.
    await answer(page, 'Where do your user accounts live', 'One on-premises Active Directory forest');
    await waitText(page.locator('section.guidance'), ADFS_SINGLE);
    assert.ok(await page.locator('#question-signin').getByLabel('Federated identities (AD FS, single sign-on)').isChecked());
    // And the clear button drops it.
    await answer(page, 'Where do your user accounts live', 'Only in the cloud (no on-premises Active Directory)');
    await page.getByRole('button', { name: 'Clear the Sign-in answer', exact: true }).click();
    await until(async () => (await page.locator('section.questions .warning-box').count()) === 0, 'the ignored warning to go');
  } finally {
    await context.close();
  }
});

test('an ignored answer whose step is gone can still be cleared from the guidance list', async () => {
  const { context, page } = await fresh();
  try {
    await leaveIgnoredAnswer(page);
    const warnings = page.locator('.warnings');
    await waitText(warnings, 'kept but ignored');
    // The product's name as it is written, in the text and in the button's accessible name.
    assert.match(await warnings.locator('li').first().innerText(), /\. Clear the Azure AD Premium capabilities answer$/);
    await warnings.getByRole('button', { name: 'Clear the Azure AD Premium capabilities answer', exact: true }).click();
    await until(async () => !(await warnings.isVisible()), 'the warning gone once the answer is cleared');
    // Ticking the service again shows the capabilities unanswered.
    await page.locator('#question-services').getByLabel('Azure Active Directory Premium').check();
    await goToStep(page, 'Azure AD Premium capabilities');
    assert.ok(!(await page.getByLabel('Identity Protection', { exact: true }).isChecked()));
  } finally {
    await context.close();
  }
});

test('print from a middle step or the summary: no step heading alone, the answers once', async () => {
  const { context, page } = await fresh();
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await answer(page, 'new tenant or an existing', 'A new tenant');
    await goToStep(page, 'Microsoft Intune');
    await page.emulateMedia({ media: 'print' });
    await waitText(page.locator('.print-only p'), /Answers: .*A new tenant\.$/);
    // The step's heading would stand alone: its questions are not printed.
    assert.ok(await page.locator('#step-heading').isHidden(), 'no step heading on paper');
    await page.emulateMedia({ media: 'screen' });
    await goToStep(page, 'Summary and sharing');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => document.body.innerText);
    assert.equal(printed.split('A new tenant').length - 1, 1, `the answers printed once:\n${printed.slice(0, 1500)}`);
    assert.ok(printed.includes('Your guidance list'));
  } finally {
    await context.close();
  }
});

test('a share link pasted into the address bar of an open wizard is offered too', async () => {
  const { context, page } = await fresh();
  try {
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.evaluate(() => { location.hash = 'services=azure_rms&tenant=new'; });
    const prompt = page.getByRole('alertdialog');
    await waitText(prompt, 'Open the scope from this link?');
    // Focus goes to the prompt, so a keyboard or screen reader user meets it.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'prompt-title');
    await prompt.getByRole('button', { name: 'Replace with the link' }).click();
    await goToStep(page, 'Services and tenant');
    assert.ok(await page.locator('#question-services').getByLabel('Azure Rights Management').isChecked());
    assert.ok(!(await page.locator('#question-services').getByLabel('Microsoft Intune').isChecked()));
  } finally {
    await context.close();
  }
});

test('out-of-scope lines say the section they come from, so two that read alike are told apart', async () => {
  const context = await env.context();
  try {
    const page = await openPage(context, `${env.url}#services=aad_premium,intune,azure_rms&tenant=existing&directory=multi_forest&signin=federated`);
    const adfs = page.locator('section.set-apart li', { hasText: 'For all multiple forest configurations, AD FS deployments are out of scope.' });
    await until(async () => (await adfs.count()) === 2, 'the two AD FS lines');
    assert.deepEqual(await adfs.locator('.place').allInnerTexts(), ['Enable phase', 'Enable phase - Azure Active Directory Premium']);
    // Part of each disclosure's name too.
    for (const place of ['Enable phase', 'Enable phase - Azure Active Directory Premium']) {
      const name = `Why and where from For all multiple forest configurations, AD FS deployments are out of scope. ${place}`;
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
    }
  } finally {
    await context.close();
  }
});

test('print: the header says when nothing is answered, and no phase or section shows only waiting items', async () => {
  const { context, page } = await fresh();
  try {
    await page.emulateMedia({ media: 'print' });
    const header = page.locator('.print-only p');
    await waitText(header, /Answers: none yet\.$/);
    // Nothing answered: the Enable phase's sections hold only waiting items, hidden on paper.
    const shown = await page.locator('section.phase .section').evaluateAll((sections) => sections
      .filter((s) => getComputedStyle(s).display !== 'none')
      .map((s) => [...s.querySelectorAll('.item')].filter((i) => getComputedStyle(i).display !== 'none').length));
    assert.ok(shown.length > 0, 'some sections are printed');
    assert.ok(shown.every((n) => n > 0), `every printed section has a printed item: ${shown}`);
    const phases = await page.locator('section.phase').evaluateAll((list) => list
      .filter((p) => getComputedStyle(p).display !== 'none')
      .map((p) => [...p.querySelectorAll('.item')].filter((i) => getComputedStyle(i).display !== 'none').length));
    assert.ok(phases.length > 0 && phases.every((n) => n > 0), `every printed phase has a printed item: ${phases}`);
    await page.emulateMedia({ media: 'screen' });
    await answer(page, 'Which services', 'Microsoft Intune');
    await page.emulateMedia({ media: 'print' });
    await waitText(header, /Answers: .*Microsoft Intune\.$/);
  } finally {
    await context.close();
  }
});

test('at 375 px the current step stays in sight in the sideways-scrolling step list', async () => {
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
    assert.ok(await list.evaluate((ol) => ol.scrollWidth > ol.clientWidth), 'the list scrolls sideways at 375 px');
    await goToStep(page, 'Services and tenant');
    // A little down the page, the step list still in sight: the page itself must not move.
    await page.evaluate(() => window.scrollTo(0, 60));
    const scrolled = await page.evaluate(() => window.scrollY);
    const seen = [];
    for (let more = true; more;) {
      // Clicked where it is, as Enter on it would: Playwright's click would scroll to it first.
      const before = await heading(page);
      await page.locator('.step-nav button.primary').evaluate((button) => button.click());
      await until(async () => (await heading(page)) !== before, 'the next step');
      await until(async () => (await outside()) <= 1, `"${await heading(page)}" scrolled into the step list`);
      seen.push(await heading(page));
      assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the page did not scroll up or down');
      more = !(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled());
    }
    assert.equal(seen.at(-1), 'Summary and sharing');
    // And back to the first step, which the list has scrolled away from.
    await page.getByRole('button', { name: 'Back', exact: true }).focus();
    while (!(await page.getByRole('button', { name: 'Back', exact: true }).isDisabled())) {
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await until(async () => (await outside()) <= 1, `"${await heading(page)}" scrolled into the step list`);
    }
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});
