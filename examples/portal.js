// The partner's few lines: the embed module (embed.js, copied from the wizard's site and hosted
// beside this page, so the portal's CSP can stay script-src 'self') puts the wizard in the slot
// and keeps each customer's progress in this portal's own localStorage.
import { embedWizard } from './embed.js';

const params = new URLSearchParams(location.search);
// Where the wizard is hosted. Here it can be given as ?wizard=…; a real portal writes it in.
const wizard = params.get('wizard') || 'http://127.0.0.1:8080/';
// The signed-in customer; a real portal knows it. Each customer's progress has its own key.
const customer = params.get('customer') || 'demo';

function log(text) {
  const line = document.createElement('div');
  line.textContent = text;
  document.getElementById('log').prepend(line);
}

const scope = embedWizard(document.getElementById('ems-scope-slot'), {
  wizard,
  key: `contoso-portal/ems-scope/${customer}`,
  accent: '0b6e4f',
  font: 'Georgia',
  onReady: (m) => log(`wizard ready, protocol version ${m.version}`),
  onStep: (m) => log(`step ${m.index} of ${m.count} (${m.step})`),
  onScope: (m) => log(`in scope: ${m.counts.in_scope}, done: ${m.counts.done}`),
  onExport: (m) => log(`the customer exported: ${m.format}`),
  onProgress: (m) => log(`progress kept for ${customer}: ${m.progress} on step ${m.step}`),
  onRestoreResult: (m) => log(m.ok ? `progress handed back to the wizard` : `progress refused: ${m.error}`),
  onPrefillResult: (m) => log(m.ok ? 'pre-answered' : `pre-answer refused: ${m.error}`),
});
scope.frame.id = 'ems-scope';

// Prefill: answers in the same form as a #prefill link.
window.prefill = (answers) => scope.prefill(answers);
document.getElementById('prefill').addEventListener('click', () =>
  scope.prefill('services=intune,aad_premium&directory=single_forest'));

// The customer's checklist on the portal's side: the wizard answers with the document its
// "Download Markdown" holds (or 'json': its "Download JSON"), for a ticket, a CRM or an e-mail.
window.summary = (format) => scope.summary(format);
document.getElementById('checklist')?.addEventListener('click', async () => {
  try {
    const text = await scope.summary('markdown');
    log(`checklist: ${text.split('\n')[0]} (${text.length} characters)`);
  } catch (error) {
    log(`no checklist: ${error.message}`);
  }
});
// Leaving the page's wizard (a portal's own navigation would): pending summaries are refused.
window.destroyWizard = () => scope.destroy();
