/**
 * `npm run bench`: runs every `test/bench/*.bench.mjs` in its own Node process (so memory and JIT
 * state don't carry over), in name order, and exits non-zero when a benchmark misses its budget.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const benches = readdirSync(here).filter(name => name.endsWith('.bench.mjs')).sort();
const only = process.argv.slice(2);
let failed = 0;
for (const bench of benches) {
    if (only.length > 0 && !only.some(name => bench.includes(name))) continue;
    console.log(`\n=== ${bench} ===`);
    const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', join(here, bench)], { stdio: 'inherit' });
    if (result.status !== 0) {
        failed++;
        console.log(`${bench}: over budget or failed (exit ${result.status})`);
    }
}
console.log(failed === 0 ? '\nAll benchmarks within budget.' : `\n${failed} benchmark(s) over budget or failed.`);
process.exitCode = failed === 0 ? 0 : 1;
