// Checks two rules of the code's shape that review alone would let slip (ARCHITECTURE.md,
// "Boundaries"): no modules of a crate that import each other in a circle, and no Leptos
// component longer than 60 lines. Every other function's length is clippy's `too_many_lines`
// (Cargo.toml, clippy.toml), which does not see a `#[component]` body: the macro re-spans it.
// Run by scripts/test.sh; exits 1 with what breaks a rule.
//
//   node scripts/structure.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The app's src/ and every crate of the workspace under crates/.
const CRATES = ['src', ...fs.readdirSync(path.join(repo, 'crates')).map((c) => `crates/${c}/src`)];
const MAX_FN_LINES = 60;
const problems = [];

// A file's code without comments and without its unit tests (a test may use any module).
function productionCode(text) {
  const tests = text.search(/#\[cfg\(test\)\]\s*mod tests/);
  const code = tests >= 0 ? text.slice(0, tests) : text;
  return code.split('\n').map((line) => line.replace(/\/\/.*$/, '')).join('\n');
}

// The top-level modules of a crate's src/ (a file each, with its submodules' files in the folder
// of the same name: export.rs and export/json.rs are one module) and those each one names.
function moduleGraph(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.rs') && !['lib.rs', 'main.rs'].includes(f));
  const modules = new Set(files.map((f) => f.slice(0, -3)));
  const graph = new Map();
  for (const f of files) {
    const name = f.slice(0, -3);
    const folder = path.join(dir, name);
    const parts = [path.join(dir, f), ...(fs.existsSync(folder) ? rustFiles(folder) : [])];
    const code = parts.map((part) => productionCode(fs.readFileSync(part, 'utf8'))).join('\n');
    const named = [...code.matchAll(/\bcrate::([a-z_]+)/g)].map((m) => m[1]);
    graph.set(name, new Set(named.filter((m) => modules.has(m) && m !== name)));
  }
  return graph;
}

// Every cycle, each reported once, as a -> b -> a.
function cycles(graph) {
  const found = new Map();
  const walk = (start, at, trail) => {
    for (const next of graph.get(at) || []) {
      if (next === start) {
        const ring = [...trail];
        const key = [...ring].sort().join(',');
        if (!found.has(key)) found.set(key, [...ring, start].join(' -> '));
      } else if (!trail.includes(next) && next > start) {
        walk(start, next, [...trail, next]);
      }
    }
  };
  for (const m of graph.keys()) walk(m, m, [m]);
  return [...found.values()];
}

// Components longer than MAX_FN_LINES, from `fn` to the brace that closes its body.
function longComponents(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const long = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*(pub(\([a-z]+\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+\w+/.test(lines[i])) continue;
    if (!/#\[component\]/.test(lines[i - 1] || '')) continue;
    let depth = 0;
    let opened = false;
    for (let j = i; j < lines.length; j++) {
      const code = lines[j].replace(/\/\/.*$/, '').replace(/"(\\.|[^"\\])*"/g, '""').replace(/'[{}]'/g, "''");
      if (!opened && /;\s*$/.test(code) && !code.includes('{')) break; // a declaration without a body
      depth += (code.match(/\{/g) || []).length - (code.match(/\}/g) || []).length;
      opened ||= code.includes('{');
      if (opened && depth <= 0) {
        if (j - i + 1 > MAX_FN_LINES) long.push(`${path.relative(repo, file)}:${i + 1}: ${lines[i].trim().slice(0, 60)} (${j - i + 1} lines)`);
        break;
      }
    }
  }
  return long;
}

const rustFiles = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? rustFiles(path.join(dir, e.name)) : e.name.endsWith('.rs') ? [path.join(dir, e.name)] : []);

for (const crate of CRATES) {
  const dir = path.join(repo, crate);
  for (const ring of cycles(moduleGraph(dir))) problems.push(`${crate}: modules import each other in a circle: ${ring}`);
  for (const file of rustFiles(dir)) for (const long of longComponents(file)) problems.push(`component over ${MAX_FN_LINES} lines: ${long}`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`structure: no module cycles, no component over ${MAX_FN_LINES} lines (${CRATES.join(', ')})`);
