// The EMS onboarding scope wizard in a partner portal: an ES module, no build step, no dependency.
// It creates the iframe with the right parameters, follows its height, keeps the customer's
// progress (in the portal's own localStorage under a key you name, or through your callbacks to
// your server) and hands it back on the next visit, and passes the wizard's messages to your
// callbacks. It writes no inline script and no style attribute, so it runs under a strict CSP
// (script-src 'self'; style-src 'self') when you host this file yourself. README, "Embedding in
// a partner portal", documents it and protocol version 2.
//
//   import { embedWizard } from './embed.js';
//   embedWizard(document.getElementById('ems-scope'), {
//     wizard: 'https://wizard.example/',      // where the wizard is served
//     key: 'contoso/ems-scope/customer-42',   // progress in this page's localStorage, per customer
//     // or: load: () => fetch(…).then(…) resolving to { progress, step } or null,
//     //     save: ({ progress, step }) => fetch(…, { method: 'PUT', … }),
//     onScope: (m) => console.log(m.counts),
//   });

/** The protocol version this module speaks. */
export const PROTOCOL = 2;
/** How long summary(format) waits for the wizard's answer once it has asked. */
const SUMMARY_WAIT_MS = 5000;

/**
 * Puts the wizard in `container` (an element); returns { frame, prefill(answers), summary(format),
 * destroy() }.
 *
 * options: wizard (the wizard's address; by default the folder this module was loaded from),
 * key or load/save (where progress is kept; with neither, it is not kept), accent (hex colour),
 * font (font family names), title (the iframe's accessible name), and the callbacks onReady,
 * onStep, onScope, onExport, onProgress, onRestoreResult, onPrefillResult (each gets the message
 * object) and onError (gets an Error: a load or save that failed).
 */
export function embedWizard(container, options = {}) {
  const {
    wizard = new URL('./', import.meta.url).href,
    key, load, save, accent, font,
    title = 'EMS onboarding scope wizard',
    onReady, onStep, onScope, onExport, onProgress, onRestoreResult, onPrefillResult,
    onError = (error) => console.warn('EMS scope wizard:', error),
  } = options;
  if (!container || typeof container.append !== 'function') throw new TypeError('embedWizard: container must be an element');

  const base = new URL(wizard, location.href);
  const wizardOrigin = base.origin;
  const src = new URL(base.pathname, base.origin);
  src.searchParams.set('embed', '1');
  src.searchParams.set('origin', location.origin);
  src.searchParams.set('protocol', String(PROTOCOL));
  if (accent) src.searchParams.set('accent', String(accent).replace(/^#/, ''));
  if (font) src.searchParams.set('font', font);

  const frame = document.createElement('iframe');
  frame.title = title;
  // The wizard's copy buttons (share link, Markdown): a cross-origin frame may write to the
  // clipboard only when its page allows it.
  frame.setAttribute('allow', 'clipboard-write');
  frame.src = src.href;
  // Through CSSOM: allowed under style-src 'self', unlike a style attribute in markup.
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';
  container.append(frame);

  const store = load || save ? { load: load || (async () => null), save: save || (async () => {}) }
    : key ? localStore(String(key)) : null;
  // Progress messages are kept only once the wizard has answered the restore: before that, they
  // describe the wizard before it opened what was kept, and would overwrite it. Never when
  // nothing could be offered (no store, or its load failed): what it holds is not known.
  let restored = false;
  let unavailable = false;
  let saving = Promise.resolve();
  // Prefills and summaries asked for before the wizard is ready (its page not loaded yet) wait
  // for it: each is a function that sends its message.
  let ready = false;
  const waiting = [];
  // Summaries asked for and not answered yet, by the id their request carries.
  const pending = new Map();
  let requests = 0;
  let destroyed = false;

  const post = (message) => frame.contentWindow?.postMessage({ ...message, version: PROTOCOL }, wizardOrigin);
  const call = (fn, message) => {
    try { fn?.(message); } catch (error) { onError(error); }
  };

  // No store, or its load failed: the wizard tells the customer at once that their progress is
  // not kept, and nothing it sends is kept.
  function offerNothing() {
    unavailable = true;
    post({ type: 'ems-scope:restore', unavailable: true });
  }

  async function restore() {
    if (!store) return offerNothing();
    let record;
    try {
      record = await store.load();
    } catch (error) {
      // Not known what was kept: neither restore nor overwrite it.
      onError(error);
      return offerNothing();
    }
    const progress = record && typeof record.progress === 'string' ? record.progress : '';
    const step = record && typeof record.step === 'string' ? record.step : '';
    post({ type: 'ems-scope:restore', progress, step });
  }

  function keep(message) {
    if (!store || !restored) return;
    const record = { progress: message.progress, step: message.step };
    // One save at a time, in order, so the last change is the one kept.
    saving = saving.then(() => store.save(record)).catch(onError);
  }

  function listener(event) {
    if (event.origin !== wizardOrigin || event.source !== frame.contentWindow) return;
    const m = event.data;
    if (!m || typeof m.type !== 'string' || !m.type.startsWith('ems-scope:')) return;
    switch (m.type) {
      case 'ems-scope:ready':
        ready = true;
        restored = false;
        unavailable = false;
        call(onReady, m);
        restore();
        waiting.splice(0).forEach((send) => send());
        break;
      case 'ems-scope:height':
        if (Number.isFinite(m.height)) frame.style.height = `${Math.max(0, Math.ceil(m.height))}px`;
        break;
      case 'ems-scope:step': call(onStep, m); break;
      case 'ems-scope:scope': call(onScope, m); break;
      case 'ems-scope:export': call(onExport, m); break;
      case 'ems-scope:progress':
        keep(m);
        call(onProgress, m);
        break;
      case 'ems-scope:restore-result':
        restored = !unavailable;
        call(onRestoreResult, m);
        break;
      case 'ems-scope:prefill-result': call(onPrefillResult, m); break;
      case 'ems-scope:summary': answered(m); break;
      default: break;
    }
  }
  window.addEventListener('message', listener);

  function answered(m) {
    const request = pending.get(m.id);
    if (!request || typeof m.text !== 'string') return;
    pending.delete(m.id);
    clearTimeout(request.timer);
    request.resolve(m.text);
  }

  function summary(format) {
    if (format !== 'markdown' && format !== 'json') {
      return Promise.reject(new TypeError(`summary: the format is 'markdown' or 'json', not ${JSON.stringify(format)}`));
    }
    if (destroyed) return Promise.reject(new Error('summary: the wizard was destroyed'));
    return new Promise((resolve, reject) => {
      requests += 1;
      const id = `summary-${requests}`;
      const request = { resolve, reject, timer: undefined };
      pending.set(id, request);
      const send = () => {
        post({ type: 'ems-scope:summary-request', format, id });
        request.timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`summary: the wizard did not answer within ${SUMMARY_WAIT_MS / 1000} s`));
        }, SUMMARY_WAIT_MS);
      };
      if (ready) send(); else waiting.push(send);
    });
  }

  return {
    frame,
    /** Answers in the form of a prefill link (`services=intune&tenant=new`) or a share fragment. */
    prefill(answers) {
      const message = { type: 'ems-scope:prefill', answers: String(answers) };
      if (ready) post(message); else waiting.push(() => post(message));
    },
    /** The scope on screen as the document the customer would download: a promise of its text
     *  ('markdown': the checklist; 'json': the export). It waits for the wizard to be ready, and
     *  is rejected after 5 s without an answer, or by destroy(). */
    summary,
    destroy() {
      destroyed = true;
      window.removeEventListener('message', listener);
      frame.remove();
      waiting.length = 0;
      for (const request of pending.values()) {
        clearTimeout(request.timer);
        request.reject(new Error('summary: the wizard was destroyed'));
      }
      pending.clear();
    },
  };
}

/** Progress in this page's own localStorage under `key`, as `{"progress":"s1.…","step":"…"}`. */
function localStore(key) {
  return {
    async load() {
      const text = localStorage.getItem(key);
      if (text === null) return null;
      try {
        return JSON.parse(text);
      } catch {
        // Not ours: the wizard refuses it with a reason (restore-result), and the next change
        // replaces it.
        return { progress: text, step: '' };
      }
    },
    async save(record) { localStorage.setItem(key, JSON.stringify(record)); },
  };
}
