import * as h from './helpers.mjs';
const env = await h.setup();
const ctx = await env.context();
const p = await h.openPage(ctx, env.url);
try { await p.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' }); console.log('added', await p.evaluate(() => typeof window.axe)); } catch (e) { console.log('ERR', e.message.slice(0,300)); }
console.log(p.errors);
await env.close();
