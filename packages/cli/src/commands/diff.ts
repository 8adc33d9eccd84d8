/**
 * `blueprint diff <old> <new>` and `blueprint diff --git <rev> [paths...]`: what changed between two
 * versions of a blueprint, by meaning rather than by line, for pull-request review.
 */
import * as path from 'node:path';
import type { ChangeSet, DiffDiagnostic } from '@blueprint/diff';
import { Option, type Command } from 'commander';
import { ExitCode, type CliCommand, type CliContext } from '../cli-context.js';
import { CliError } from '../errors.js';
import { changedBlueprintFiles, repositoryRoot, verifyRevision } from '../git/git.js';
import { describeErrors, loadBlueprint, parseSource, type LoadedBlueprint } from '../model-loader.js';
import { ensureSafeOutputs, type OutputGuard } from '../files/output-guard.js';
import { writeOutput } from '../output.js';
import { renderDiffSvg } from '../diagram-svg.js';

const FORMATS = ['markdown', 'json', 'svg'] as const;
type DiffFormat = typeof FORMATS[number];

interface DiffOptions {
    format: DiffFormat;
    output?: string;
    outDir?: string;
    git?: string;
    failOn?: 'risk' | 'change';
    mermaid?: boolean;
}

interface FileDiff {
    readonly path: string;
    readonly before: string;
    readonly after: string;
    /** Undefined when one side is missing (added or deleted file). */
    readonly changeSet?: ChangeSet;
    readonly status: 'changed' | 'added' | 'deleted';
    readonly svg?: string;
    /** The changed region as Mermaid, for the Markdown (`--mermaid`). */
    readonly mermaid?: string;
}

export const diffCommand: CliCommand = {
    register(program: Command, context: CliContext): void {
        program.command('diff')
            .summary('show what changed between two versions of a blueprint')
            .description('Compares two versions of a blueprint by meaning: steps added, removed, renamed, moved and '
                + 'relabelled; flows; fail points, waits, moments of truth, metrics (tightened or loosened), actors, '
                + 'channels, evidence and imports. Changes above the line of visibility are marked customer-visible; '
                + 'new touchpoints, removed recoveries and longer waits are flagged as risks.\n\n'
                + 'Each side is a file path or REV:path read from git, e.g.\n'
                + '  blueprint diff origin/main:examples/bank.blueprint examples/bank.blueprint\n'
                + 'With --git REV, every changed .blueprint file under the paths is compared with the working tree.\n'
                + 'With --mermaid, the Markdown (also diff.md of --out-dir) shows the changed steps and their neighbours as a '
                + 'Mermaid flowchart, added green, changed amber, removed red.\n\n'
                + 'Exit codes: 0 (always, unless --fail-on says otherwise), 1 --fail-on matched, 2 usage or I/O error.')
            .argument('[sides...]', '<old> <new>, or with --git the paths to look in')
            .option('--git <rev>', 'compare every changed .blueprint file with the working tree')
            .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('markdown'))
            .option('-o, --output <file>', 'write to this file (with --git and svg: a folder) instead of stdout')
            .option('--out-dir <folder>', 'write every format at once: diff.md, diff.json and svg/ (one diff SVG per changed file)')
            .addOption(new Option('--fail-on <what>', 'exit 1 when risky (or any) changes exist').choices(['risk', 'change']))
            .option('--mermaid', 'add a Mermaid picture of the changed region to the Markdown (GitHub draws it in a PR comment)')
            .action(async (sides: string[], options: DiffOptions) => {
                context.exitCode = await runDiff(sides, options, context);
            });
    }
};

/** The diff package pulls in the layout engine; loaded only when `diff` runs. */
const diffEngine = () => import('@blueprint/diff');

async function runDiff(sides: string[], options: DiffOptions, context: CliContext): Promise<number> {
    const guard: OutputGuard = {
        inputs: options.git === undefined ? sides.map(side => parseSource(side, context.cwd).file) : [],
        what: 'the diff', cwd: context.cwd
    };
    // Refused before any work; the files of --out-dir are checked by name before the first is written.
    if (options.output !== undefined && options.output !== '-' && options.outDir === undefined) ensureSafeOutputs([options.output], guard);
    const diffs = options.git !== undefined
        ? await diffGit(options.git, sides, options, context)
        : [await diffPair(sides, options, context)];
    if (diffs.some(d => d === undefined)) return ExitCode.problems;
    const results = diffs as FileDiff[];
    if (options.outDir !== undefined) {
        await writeAllFormats(results, options, context, guard);
    } else {
        await write(results, options, context, guard);
    }
    const changeSets = results.map(r => r.changeSet).filter((c): c is ChangeSet => c !== undefined);
    if (options.failOn === 'risk' && changeSets.some(c => c.summary.risks > 0)) return ExitCode.problems;
    if (options.failOn === 'change' && (changeSets.some(c => c.summary.changes > 0) || results.some(r => r.status !== 'changed'))) return ExitCode.problems;
    return ExitCode.ok;
}

async function diffPair(sides: string[], options: DiffOptions, context: CliContext): Promise<FileDiff | undefined> {
    if (sides.length !== 2) throw new CliError('diff needs two sides, <old> and <new> (or --git <rev> [paths...])');
    const [before, after] = await Promise.all(sides.map(side => loadBlueprint(parseSource(side, context.cwd), context.cwd)));
    if (!usable(before, context) || !usable(after, context)) return undefined;
    const { diffBlueprints } = await diffEngine();
    const changeSet = diffBlueprints(before.model!, after.model!, { diagnostics: { before: findings(before), after: findings(after) } });
    return {
        path: after.label, before: before.label, after: after.label, changeSet, status: 'changed',
        svg: wantsSvg(options) ? await renderDiffSvg(before.model!, after.model!, changeSet) : undefined,
        mermaid: wantsMermaid(options) ? await (await diffEngine()).renderDiffMermaid(before.model!, after.model!, changeSet) : undefined
    };
}

async function diffGit(rev: string, paths: string[], options: DiffOptions, context: CliContext): Promise<Array<FileDiff | undefined>> {
    const root = await repositoryRoot(context.cwd);
    await verifyRevision(root, rev);
    const pathspecs = paths.map(p => path.relative(root, path.resolve(context.cwd, p)) || '.');
    const files = await changedBlueprintFiles(root, rev, pathspecs);
    const results: Array<FileDiff | undefined> = [];
    for (const relative of files) {
        const absolute = path.join(root, relative);
        const shown = path.relative(context.cwd, absolute).split(path.sep).join('/');
        const exists = await import('node:fs').then(fs => fs.existsSync(absolute));
        const before = await loadBlueprint({ file: absolute, revision: rev }, context.cwd).catch(() => undefined);
        if (!exists) {
            results.push({ path: shown, before: `${rev}:${relative}`, after: '(deleted)', status: 'deleted' });
            continue;
        }
        const after = await loadBlueprint({ file: absolute }, context.cwd);
        if (!usable(after, context)) {
            results.push(undefined);
            continue;
        }
        if (!before || !before.model) {
            // A new file gets the review of a changed one: its contents, time figures, warnings and picture.
            const { diffNewBlueprint, emptyVersionOf, renderDiffMermaid } = await diffEngine();
            const changeSet = diffNewBlueprint(after.model!, { diagnostics: findings(after) });
            const empty = emptyVersionOf(after.model!);
            results.push({
                path: shown, before: '(new file)', after: shown, changeSet, status: 'added',
                svg: wantsSvg(options) ? await renderDiffSvg(empty, after.model!, changeSet) : undefined,
                mermaid: wantsMermaid(options) ? await renderDiffMermaid(empty, after.model!, changeSet) : undefined
            });
            continue;
        }
        const { diffBlueprints } = await diffEngine();
        const changeSet = diffBlueprints(before.model, after.model!, { diagnostics: { before: findings(before), after: findings(after) } });
        results.push({
            path: shown, before: before.label, after: shown, changeSet, status: 'changed',
            svg: wantsSvg(options) ? await renderDiffSvg(before.model, after.model!, changeSet) : undefined,
            mermaid: wantsMermaid(options) ? await (await diffEngine()).renderDiffMermaid(before.model, after.model!, changeSet) : undefined
        });
    }
    return results;
}

/** What the validator says about one version, as the diff compares it. */
function findings(loaded: LoadedBlueprint): DiffDiagnostic[] {
    return loaded.diagnostics.map(d => ({ rule: d.rule, severity: d.severity, message: d.message, line: d.line }));
}

function usable(loaded: LoadedBlueprint, context: CliContext): boolean {
    if (!loaded.model) {
        context.stderr.write(`blueprint: ${loaded.label}: no blueprint in this file\n`);
        return false;
    }
    if (loaded.errors.length > 0) {
        context.stderr.write(describeErrors(loaded));
        context.stderr.write(`blueprint: ${loaded.label} has errors; a diff of a broken blueprint would mislead\n`);
        return false;
    }
    return true;
}

function wantsSvg(options: DiffOptions): boolean {
    return options.format === 'svg' || options.outDir !== undefined;
}

function wantsMermaid(options: DiffOptions): boolean {
    return options.mermaid === true && (options.format === 'markdown' || options.outDir !== undefined);
}

/** `--out-dir`: one run, every format, as CI wants them (the GitHub Action uploads the folder). */
async function writeAllFormats(results: FileDiff[], options: DiffOptions, context: CliContext, guard: OutputGuard): Promise<void> {
    const folder = options.outDir!;
    const svgFolder = path.join(folder, 'svg');
    const pair = options.git === undefined;
    const pairSvg = pair && results[0]?.svg ? path.join(svgFolder, path.basename(results[0].path).replace(/\.blueprint$/, '') + '.diff.svg') : undefined;
    ensureSafeOutputs([path.join(folder, 'diff.md'), path.join(folder, 'diff.json'), ...(pairSvg ? [pairSvg] : []),
        ...(pair ? [] : svgTargets(results, svgFolder))], guard);
    await write(results, { ...options, format: 'markdown', output: path.join(folder, 'diff.md') }, context, guard);
    await write(results, { ...options, format: 'json', output: path.join(folder, 'diff.json'), git: options.git ?? '' }, context, guard);
    if (pairSvg) {
        await writeOutput(context, pairSvg, results[0].svg!, guard);
    } else if (!pair) {
        await write(results, { ...options, format: 'svg', output: svgFolder }, context, guard);
    }
}

/** With --git: one diff SVG per changed file, named after it, in `folder`. */
function svgTargets(results: readonly FileDiff[], folder: string): string[] {
    return results.filter(r => r.svg).map(r => path.join(folder, r.path.replace(/\.blueprint$/, '.diff.svg')));
}

async function write(results: FileDiff[], options: DiffOptions, context: CliContext, guard: OutputGuard): Promise<void> {
    const { renderMarkdown } = await import('@blueprint/report');
    switch (options.format) {
        case 'json': {
            const files = results.map(r => ({ path: r.path, before: r.before, after: r.after, status: r.status, ...r.changeSet }));
            const content = options.git !== undefined ? { files } : files[0];
            await writeOutput(context, options.output, JSON.stringify(content, null, 2) + '\n', guard);
            return;
        }
        case 'svg': {
            if (options.git === undefined) {
                await writeOutput(context, options.output, results[0].svg ?? '', guard);
                return;
            }
            if (!options.output) throw new CliError('with --git, --format svg needs -o <folder> (one SVG per changed file)');
            const targets = svgTargets(results, options.output);
            ensureSafeOutputs(targets, guard);
            for (const [index, result] of results.filter(r => r.svg).entries()) await writeOutput(context, targets[index], result.svg!, guard);
            return;
        }
        default: {
            const parts = results.map(r => r.changeSet
                ? renderMarkdown(r.changeSet, { path: r.path, beforeLabel: r.status === 'added' ? undefined : r.before, afterLabel: r.status === 'added' ? undefined : r.after, mermaid: r.mermaid })
                : `### Deleted blueprint — \`${r.path}\`\n`);
            const content = parts.length > 0 ? parts.join('\n') : 'No .blueprint files changed.\n';
            await writeOutput(context, options.output, content, guard);
        }
    }
}
