/** `blueprint render --format png|pdf --page`: files written by the built CLI, the same bytes on every run. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, Workspace, ensureBuilt, runCli } from '../cli/cli-harness.js';

// Small, and Hangul: quick enough for the harness's 20 s limit on a busy machine.
const EXAMPLE = path.join(REPO_ROOT, 'test/export/fixtures/ko-card-loss.blueprint');

describe('blueprint render --format png|pdf', { timeout: 120_000 }, () => {
    let workspace: Workspace;
    beforeAll(() => {
        ensureBuilt();
        workspace = new Workspace({});
    });
    afterAll(() => workspace.dispose());

    it('writes the same PNG bytes on two runs', async () => {
        const first = await runCli(['render', EXAMPLE, '--format', 'png', '--scale', '0.5', '-o', 'one.png'], { cwd: workspace.root });
        const second = await runCli(['render', EXAMPLE, '--format', 'png', '--scale', '0.5', '-o', 'two.png'], { cwd: workspace.root });
        expect(first.code, first.stderr).toBe(0);
        expect(second.code, second.stderr).toBe(0);
        const one = readFileSync(path.join(workspace.root, 'one.png'));
        expect(one.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(one.equals(readFileSync(path.join(workspace.root, 'two.png')))).toBe(true);
    });

    it('writes a PDF fitted to A4 pages, and numbered PNG pages', async () => {
        const pdf = await runCli(['render', EXAMPLE, '--format', 'pdf', '--page', 'a4', '-o', 'deck.pdf'], { cwd: workspace.root });
        expect(pdf.code, pdf.stderr).toBe(0);
        expect(readFileSync(path.join(workspace.root, 'deck.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const png = await runCli(['render', EXAMPLE, '--format', 'png', '--page', 'slide', '--scale', '0.5', '-o', 'slide.png'], { cwd: workspace.root });
        expect(png.code, png.stderr).toBe(0);
        expect(readFileSync(path.join(workspace.root, 'slide.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
        const wide = path.join(REPO_ROOT, 'examples/credit-card-hotline.blueprint');
        const deck = await runCli(['render', wide, '--format', 'svg', '--page', 'slide', '-o', 'deck.svg'], { cwd: workspace.root });
        expect(deck.code, deck.stderr).toBe(0);
        expect(deck.stderr).toMatch(/wrote \d+ pages: deck-1\.svg, deck-2\.svg/);
        expect(readFileSync(path.join(workspace.root, 'deck-2.svg'), 'utf8')).toContain('Credit-card service hotline (2/');
    });

    it('refuses several pages on stdout and a bad scale, with exit code 2', async () => {
        const wide = path.join(REPO_ROOT, 'examples/credit-card-hotline.blueprint');
        const pages = await runCli(['render', wide, '--format', 'svg', '--page', 'slide'], { cwd: workspace.root });
        expect(pages.code).toBe(2);
        expect(pages.stderr).toMatch(/give -o FILE/);
        const scale = await runCli(['render', EXAMPLE, '--format', 'png', '--scale', 'big', '-o', 'x.png'], { cwd: workspace.root });
        expect(scale.code).toBe(2);
        expect(scale.stderr).toMatch(/--scale/);
    });

    it('exports draw.io to stdout or a file, and refuses a blueprint with errors (exit 1)', async () => {
        const stdout = await runCli(['export', EXAMPLE, '--format', 'drawio'], { cwd: workspace.root });
        expect(stdout.code, stdout.stderr).toBe(0);
        expect(stdout.stdout).toMatch(/^<\?xml[^>]*>\s*<mxfile/);
        expect(stdout.stdout).toContain('value="고객센터에 전화하기');
        const file = await runCli(['export', EXAMPLE, '-f', 'drawio', '-o', 'out/card.drawio'], { cwd: workspace.root });
        expect(file.code, file.stderr).toBe(0);
        expect(readFileSync(path.join(workspace.root, 'out/card.drawio'), 'utf8')).toContain('<mxGraphModel');
        const broken = await runCli(['export', path.join(REPO_ROOT, 'examples/invalid/BP002-resolved-references.blueprint'), '-f', 'drawio'], { cwd: workspace.root });
        expect(broken.code).toBe(1);
        expect(broken.stderr).toMatch(/not exported/);
        const noFormat = await runCli(['export', EXAMPLE], { cwd: workspace.root });
        expect(noFormat.code).toBe(2);
    });

    it('exports Mermaid as a flowchart or a swimlane diagram, and adds the changed region to the diff\'s Markdown with --mermaid', async () => {
        const flowchart = await runCli(['export', EXAMPLE, '--format', 'mermaid'], { cwd: workspace.root });
        expect(flowchart.code, flowchart.stderr).toBe(0);
        expect(flowchart.stdout).toMatch(/^flowchart LR$/m);
        expect(flowchart.stdout).toContain('("고객센터에 전화하기');
        const swimlane = await runCli(['export', EXAMPLE, '-f', 'mermaid-swimlane', '-o', 'out/card.mmd'], { cwd: workspace.root });
        expect(swimlane.code, swimlane.stderr).toBe(0);
        expect(readFileSync(path.join(workspace.root, 'out/card.mmd'), 'utf8')).toMatch(/^swimlane-beta LR$/m);

        workspace.write('new.blueprint', readFileSync(EXAMPLE, 'utf8').replace('고객센터에 전화하기', '고객센터에 바로 전화하기'));
        const diff = await runCli(['diff', EXAMPLE, 'new.blueprint', '--mermaid'], { cwd: workspace.root });
        expect(diff.code, diff.stderr).toBe(0);
        expect(diff.stdout).toMatch(/```mermaid\n[\s\S]*고객센터에 바로 전화하기[\s\S]*class [^\n]* changed\n[\s\S]*```/);
        const plain = await runCli(['diff', EXAMPLE, 'new.blueprint'], { cwd: workspace.root });
        expect(plain.stdout).not.toContain('```mermaid');
    });
});
