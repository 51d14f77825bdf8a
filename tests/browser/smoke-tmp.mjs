import { launch, site, openPage, shot } from './helpers.mjs';
const s = await site();
const b = await launch();
const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
const p = await openPage(ctx, s.url);
console.log(await p.locator('#step-heading').innerText(), await p.evaluate(() => JSON.stringify(localStorage)));
await shot(p, 'smoke-desktop');
console.log('errors', p.errors);
await b.close(); await s.close();
