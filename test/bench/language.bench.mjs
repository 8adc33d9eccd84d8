/**
 * Language benchmark (plain ESM on the built packages; `npm run bench` builds first):
 * parse time and full check time (parse, index, link, validate: what `blueprint check` does) for
 * generated blueprints of 1k, 10k and 50k steps in one file, and 50k steps over 1,000 files that
 * import a shared file; the ratio check/parse (budget: at most 2, i.e. linking and validation
 * linear); and `blueprint check` over those 1,000 files as a child process against the parse
 * floor of the same files (budget: at most 1.5× for the installable bundle, `check-floor.mjs`).
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createBlueprintServices } from '@blueprint/language';
import { EmptyFileSystem, URI } from 'langium';
import { existsSync } from 'node:fs';
import { BUNDLED_CLI, CLI, checkAgainstParseFloor, multiFileCorpus } from './check-floor.mjs';
import { generateBlueprint } from './generate.mjs';

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Parse only, as a check parses: one document per file (lexing, parsing, the AST and its CST), all kept
 * in memory as the check keeps them, so both figures pay the same for memory.
 */
function parseTime(files) {
    const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem }, { batch: true });
    const factory = Blueprint.shared.workspace.LangiumDocumentFactory;
    const start = performance.now();
    const documents = files.map(([path, text]) => factory.fromString(text, URI.parse(`memory:///bench/${path}`)));
    const ms = performance.now() - start;
    const errors = documents.reduce((sum, d) => sum + d.parseResult.parserErrors.length + d.parseResult.lexerErrors.length, 0);
    if (errors > 0) throw new Error(`generated input has ${errors} parse errors`);
    return ms;
}

/** Full check with fresh services configured as the CLI's: documents from text, one build with validation. */
async function checkTime(files) {
    const { Blueprint } = createBlueprintServices({ ...EmptyFileSystem }, { batch: true });
    const workspace = Blueprint.shared.workspace;
    const start = performance.now();
    const documents = [Blueprint.workspace.BuiltinLibrary.document];
    for (const [path, text] of files) {
        const document = workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///bench/${path}`));
        workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await workspace.DocumentBuilder.build(documents, { validation: true });
    const ms = performance.now() - start;
    const diagnostics = documents.reduce((sum, d) => sum + (d.diagnostics?.length ?? 0), 0);
    return { ms, diagnostics };
}

function corpus(steps) {
    return [[`g${steps}.blueprint`, generateBlueprint(steps)]];
}

export default async function runLanguageBenchmark(log = console.log) {
    const cases = [
        { name: '1k steps, 1 file', files: corpus(1000), runs: 5 },
        { name: '10k steps, 1 file', files: corpus(10000), runs: 3 },
        { name: '50k steps, 1 file', files: corpus(50000), runs: 1 },
        { name: '50k steps, 1,000 files', files: multiFileCorpus(1000, 50), runs: 1 }
    ];
    // Warm up the parser and the JIT so the first case is not charged for it.
    parseTime(corpus(200));
    await checkTime(corpus(200));

    const rows = [];
    let ok = true;
    for (const c of cases) {
        const parses = [], checks = [];
        let diagnostics = 0;
        for (let run = 0; run < c.runs; run++) {
            parses.push(parseTime(c.files));
            globalThis.gc?.();
            const result = await checkTime(c.files);
            checks.push(result.ms);
            diagnostics = result.diagnostics;
            globalThis.gc?.();
        }
        const parse = median(parses), check = median(checks);
        const ratio = check / parse;
        const within = ratio <= 2;
        ok &&= within;
        rows.push({ case: c.name, 'parse ms': parse.toFixed(0), 'check ms': check.toFixed(0), 'check/parse': ratio.toFixed(2),
            diagnostics, budget: within ? 'ok (≤ 2)' : 'OVER (> 2)' });
    }
    log('\nLanguage: parse vs full check (parse + index + link + validate)');
    console.table(rows);

    // The budget is for the installable CLI (`service-blueprint`, one bundle: what users run); the
    // workspace's unbundled `blueprint` is shown beside it (it also pays for loading ~250 modules).
    const bundled = existsSync(BUNDLED_CLI);
    const check = await checkAgainstParseFloor({ runs: 5, clis: bundled ? [BUNDLED_CLI, CLI] : [CLI] });
    ok &&= check.rows[0].budget.startsWith('ok');
    log('\n`blueprint check` over 1,000 files of 50 steps (child process, Node start-up included) against the parse floor (in process), medians of 5 rounds; the budget applies to the first row');
    console.table(check.rows);
    return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const ok = await runLanguageBenchmark();
    process.exitCode = ok ? 0 : 1;
}
