// Prints the bytes of every file a browser downloads for the wizard (raw, gzip -9, brotli) and
// their total; with --budget N, fails when the gzip total passes N bytes.
//   node scripts/size.mjs [--dist dist] [--budget 300000]
import { distRows, table, total } from './sizes-lib.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const dist = arg('--dist', 'dist');
const budget = Number(arg('--budget', 0));

const rows = distRows(dist);
for (const line of table(rows)) console.log(line);
if (budget) {
  const { gzip } = total(rows);
  if (gzip > budget) {
    console.error(`size alarm: FAILED: ${gzip} B gzip is over the ceiling of ${budget} B (a debug build shipped? a dependency twice?)`);
    process.exit(1);
  }
  console.log(`size alarm: ok, ${gzip} B gzip, ceiling ${budget} B`);
}
