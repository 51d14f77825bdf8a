// Renames the wasm's import and export names in the wasm-bindgen JS glue, after
// `wasm-opt --minify-imports-and-exports-and-modules` has renamed them in the wasm and printed the
// mapping. wasm-bindgen names each import `__wbg_<method>_<16 hex digits>`; those names are in
// both files and do not compress (about 3 KB gzip of the download, issue 7).
//
// usage: node scripts/short-names.mjs <mapping.json> <glue.js>
// Fails, leaving the glue as it was, if any name is not found exactly where it is expected:
// a wasm-bindgen upgrade that changes the glue's shape must stop the build, not break the page.
import { readFileSync, writeFileSync } from 'node:fs';

const [mappingFile, glueFile] = process.argv.slice(2);
if (!mappingFile || !glueFile) {
  console.error('usage: node scripts/short-names.mjs <mapping.json> <glue.js>');
  process.exit(2);
}
const mapping = JSON.parse(readFileSync(mappingFile, 'utf8'));
let glue = readFileSync(glueFile, 'utf8');

function fail(message) {
  console.error(`short-names: ${message}; the glue is left as it was`);
  process.exit(1);
}
const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function replaceExactly(pattern, replacement, times, what) {
  const found = glue.match(pattern)?.length ?? 0;
  if (found !== times) {
    fail(`expected ${times} of ${what} in ${glueFile}, found ${found}`);
  }
  // A function, not a string: a short name may hold `$`, which a replacement string would read.
  glue = glue.replace(pattern, () => replacement);
}

const modules = new Set(mapping.imports.map(([module]) => module));
if (modules.size !== 1) {
  fail(`expected imports from one module, found ${[...modules].join(', ')}`);
}
// `-and-modules` renames the one module to "a".
const [module] = modules;
replaceExactly(new RegExp(`"${literal(module)}":`, 'g'), '"a":', 1, `module "${module}"`);
for (const [, name, short] of mapping.imports) {
  // Each import is one key of the imports object: `name: function(...)`.
  replaceExactly(new RegExp(`\\b${name}:`, 'g'), `${JSON.stringify(short)}:`, 1, `import ${name}`);
}
for (const [name, short] of mapping.exports) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${name}\\b`, 'g'), () => `wasm[${JSON.stringify(short)}]`);
}
// No old name may be left where the wasm is reached: a missed one is a TypeError at start-up.
// (The glue's own JS functions may share an export's name; they are only JS.)
for (const [, name] of mapping.imports) {
  if (new RegExp(`\\b${name}\\b`).test(glue)) fail(`import ${name} is still used in ${glueFile}`);
}
for (const [name] of mapping.exports) {
  if (new RegExp(`(wasm|exports)(\\.${name}\\b|\\[["']${name}["']\\])`).test(glue)) fail(`export ${name} is still used in ${glueFile}`);
}
// And every new import name is there, once ("a" twice: it is also the module's key).
for (const [, , short] of mapping.imports) {
  const found = glue.split(`${JSON.stringify(short)}:`).length - 1;
  if (found !== 1 && !(short === 'a' && found === 2)) fail(`import ${short} is in ${glueFile} ${found} times`);
}
writeFileSync(glueFile, glue);
