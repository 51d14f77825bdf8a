// The fixtures the test files share: `env`, the built site served on a free port of this worker
// with the browser's contexts, and the sites beside it (`openSite` without the CSP, for axe;
// `strictSite` with it; `portal`, the partner portal of the embedding tests). Each is started
// once per worker, on its own port, so workers never share a server or a port; every test makes
// its own browser context, so none shares storage.
import { test as base, expect } from '@playwright/test';
import { site } from './helpers.mjs';
import { portalServer } from './portal-server.mjs';

const worker = { scope: 'worker' };

/** The site `s` with a way to open browser contexts on it, each 1280 by 900 unless told. */
const siteEnv = (browser, s) => ({
  site: s, browser, url: s.url,
  context: (options = {}) => browser.newContext({ viewport: { width: 1280, height: 900 }, ...options }),
});

/** A server for the length of a worker. */
const served = (options) => async ({}, use) => {
  const s = await site(options);
  await use(s);
  await s.close();
};

export const test = base.extend({
  /** Options of `env`'s server (scripts/static-server.mjs): `test.use({ siteOptions })`. */
  siteOptions: [{}, { ...worker, option: true }],
  env: [async ({ browser, siteOptions }, use) => {
    const s = await site(siteOptions);
    await use(siteEnv(browser, s));
    await s.close();
  }, worker],
  openSite: [served({ csp: false }), worker],
  strictSite: [served({}), worker],
  /** The partner portal's server, and `env` on another site letting it frame the wizard:
   *  { env, portalOrigin, thirdOrigin (the portal's port on 127.0.0.1), appOrigin }. */
  portal: [async ({ browser }, use) => {
    const server = await portalServer();
    const { port } = server.address();
    const portalOrigin = `http://localhost:${port}`;
    const s = await site({ frameAncestors: `'self' ${portalOrigin}` });
    const env = siteEnv(browser, s);
    await use({ env, portalOrigin, thirdOrigin: `http://127.0.0.1:${port}`, appOrigin: new URL(s.url).origin });
    await s.close();
    await new Promise((r) => server.close(r));
  }, worker],
});

export { expect };
