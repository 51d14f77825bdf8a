// Starts the wasm app. An external file, not an inline script, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') allows it.
import init from './ems-scope-wizard.js';

init({ module_or_path: new URL('./ems-scope-wizard_bg.wasm', import.meta.url) }).catch((error) => {
  const boot = document.getElementById('boot');
  if (boot) {
    boot.textContent = 'The wizard could not start in this browser (' + error + '). Reload the page, or try another browser.';
  }
});
