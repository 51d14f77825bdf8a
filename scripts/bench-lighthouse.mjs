// Lighthouse runs for scripts/bench.mjs: Lighthouse 12's CLI (installed by scripts/bench.sh into
// the tools folder; 13 needs Node 22) against Debian's Chromium, its default mobile settings
// (simulated slow 4G and 4x CPU slowdown), performance, accessibility and best practices.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/** Where the CLI is: $LIGHTHOUSE, else the tools folder scripts/bench.sh installs it in. */
export function lighthouseCli(given) {
  const tools = process.env.TOOLS_DIR || path.join(os.homedir(), '.cache/ems-scope-tools');
  return path.resolve(given || process.env.LIGHTHOUSE || path.join(tools, 'lighthouse/node_modules/lighthouse/cli/index.js'));
}

/** One Lighthouse run of `url`; resolves to its scores (0-100), LCP and TBT (ms), and the audits
 *  of accessibility and best practices that cost points. */
export async function lighthouseRun(cli, url, { chromium, chromeFlags }) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lh-')), 'report.json');
  const args = [cli, url, '--quiet', '--output=json', `--output-path=${out}`, `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${chromeFlags.join(' ')}`];
  await new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromium }, maxBuffer: 1 << 26 }, (err, _stdout, stderr) =>
      (err ? reject(new Error(`lighthouse ${url}: ${err.message}\n${stderr.slice(-2000)}`)) : resolve()));
  });
  const lhr = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id) => Math.round(lhr.categories[id].score * 100);
  const lost = ['accessibility', 'best-practices'].flatMap((id) => lhr.categories[id].auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1).map((ref) => ref.id));
  return {
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
    lcp: lhr.audits['largest-contentful-paint'].numericValue, tbt: lhr.audits['total-blocking-time'].numericValue,
    lost, version: lhr.lighthouseVersion, formFactor: lhr.configSettings.formFactor,
    throttling: lhr.configSettings.throttling, throttlingMethod: lhr.configSettings.throttlingMethod,
  };
}
