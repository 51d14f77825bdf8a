// Runs in <head>, before the prerendered page is first drawn: an external classic script, not
// an inline one, so a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval')
// allows it. It marks the page, then starts the wasm app, which hydrates the page.
(function () {
  var root = document.documentElement;
  var glue = new URL('ems-scope-wizard.js', document.currentScript.src);
  // The page has JavaScript: the "needs JavaScript" line goes.
  root.classList.add('js');
  // The embed parameter and the storage key are the app's (scope::embed, scope::storage):
  // crates/scope/tests/loader.rs checks that this file names the same.
  var query = new URLSearchParams(location.search);
  if (query.get('embed') === '1' || query.get('embed') === 'true') root.classList.add('embedded');
  // Saved progress or a link will replace the blank first step right after hydration: hold the
  // questions and the list back until then (the app removes the class), so no wrong step flashes.
  var saved = false;
  try {
    saved = localStorage.getItem('ems-scope-wizard/progress') !== null;
  } catch (blocked) {
    // Storage blocked (a cross-site frame): nothing saved to wait for.
  }
  if (saved || location.hash.length > 1) root.classList.add('restoring');
  // A choice the person makes on the prerendered questions fires `change`; a form the browser
  // restores on reload or Back does not. The app takes over choices only after one (src/app.rs,
  // right before it hydrates the questions).
  document.addEventListener('change', function chosen() {
    root.setAttribute('data-early-choice', '');
    document.removeEventListener('change', chosen, true);
  }, true);
  // "Why and where from" stays enabled before the app is up (disabled, the list's scrolling
  // panel would have nothing to reach by keyboard), so a click on it is kept: marked here (a
  // second click takes the mark back), made again by the app once its part of the list is
  // hydrated (src/later.rs).
  document.addEventListener('click', function early(event) {
    if (root.classList.contains('ready')) return document.removeEventListener('click', early, true);
    var button = event.target.closest && event.target.closest('button.disclosure');
    // Not in a part of the list the app has hydrated already (src/later.rs): that one is live.
    var part = button && button.closest('.later');
    if (button && !(part && part.hasAttribute('data-hydrated'))) button.toggleAttribute('data-early-click');
  }, true);

  var failed = false;
  function fail(error) {
    if (failed) return;
    failed = true;
    root.classList.remove('restoring');
    var note = document.createElement('p');
    note.className = 'boot-error';
    note.setAttribute('role', 'alert');
    note.textContent = 'The wizard could not start in this browser (' + error + '). Reload the page, or try another browser.';
    // At the top, where it is seen; the page under it stays as prerendered, to read.
    document.body.prepend(note);
  }
  // Until the app is up, an error nobody caught (in one of the tasks that hydrate the page a part
  // at a time, src/later.rs) leaves it half started: said as a start that failed.
  window.addEventListener('error', function early(event) {
    if (root.classList.contains('ready')) return window.removeEventListener('error', early);
    fail(event.error || event.message);
  });
  // The app's code is fetched and compiled right after the page's first paint, not before it: on
  // a slow network the wasm would share the bandwidth with what that paint needs. Hydration also
  // waits for the whole page to be parsed. Where no frame comes (a tab in the background, a frame
  // out of sight), a timer starts it.
  var begun = false;
  function begin() {
    if (begun) return;
    begun = true;
    var wasm = new URL('ems-scope-wizard_bg.wasm', glue);
    var compiled = typeof WebAssembly !== 'object'
      ? Promise.reject(new Error('this browser has no WebAssembly'))
      : 'compileStreaming' in WebAssembly
        ? WebAssembly.compileStreaming(fetch(wasm))
        : fetch(wasm).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
    var app = import(glue.href);
    // A failure surfaces in start(); until then an early rejection is not "unhandled".
    compiled.catch(function () {});
    app.catch(function () {});
    function start() {
      Promise.all([app, compiled])
        .then(function (loaded) {
          return loaded[0].default({ module_or_path: loaded[1] });
        })
        .catch(fail);
    }
    // Hydration needs the whole prerendered page parsed.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
  // The first contentful paint (the prerendered questions on screen) starts it: the first frame
  // may come before the body is parsed and paint nothing, and a fetch started then still holds
  // that paint back. Without paint timing, the frame after the page is parsed (its callback runs
  // before the paint; the task it queues, after).
  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (types && types.indexOf('paint') >= 0) {
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      begin();
    }).observe({ type: 'paint', buffered: true });
  } else {
    document.addEventListener('DOMContentLoaded', function () {
      requestAnimationFrame(function () { setTimeout(begin, 0); });
    });
  }
  setTimeout(begin, 1000);
})();
