/**
 * One D2.js case of the peer benchmark, in its own process (so a layout that runs away can be
 * stopped by the parent's timeout and D2's memory is not charged to ours): compiles and renders
 * the D2 file `argv[2]` with layout `argv[3]` (`dagre` or `elk`; the grid is in the text) `argv[4]`
 * times after one warm-up of D2's WebAssembly on a tiny diagram, and prints the times as JSON.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { D2 } from '@terrastruct/d2';

const [text, layout, runs] = [readFileSync(process.argv[2], 'utf8'), process.argv[3], Number(process.argv[4] ?? 1)];
const d2 = new D2();
await d2.render((await d2.compile('a -> b', { layout })).diagram);
const times = [];
let bytes = 0;
for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const compiled = await d2.compile(text, { layout });
    const svg = await d2.render(compiled.diagram, compiled.renderOptions);
    times.push(performance.now() - start);
    bytes = svg.length;
}
process.stdout.write(JSON.stringify({ times, bytes, rss: process.memoryUsage().rss }) + '\n');
// D2.js keeps its worker thread alive.
process.exit(0);
