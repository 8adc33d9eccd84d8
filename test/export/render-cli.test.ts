/** `blueprint render --format png|pdf --page`: files written by the built CLI, the same bytes on every run. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, Workspace, ensureBuilt, runCli } from '../cli/cli-harness.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples/zh-bank-deposit.blueprint');

describe('blueprint render --format png|pdf', { timeout: 120_000 }, () => {
    let workspace: Workspace;
    beforeAll(() => {
        ensureBuilt();
        workspace = new Workspace({});
    });
    afterAll(() => workspace.dispose());

    it('writes the same PNG bytes on two runs', async () => {
        const first = await runCli(['render', EXAMPLE, '--format', 'png', '-o', 'one.png'], { cwd: workspace.root });
        const second = await runCli(['render', EXAMPLE, '--format', 'png', '-o', 'two.png'], { cwd: workspace.root });
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
        expect(png.stderr).toMatch(/wrote \d+ pages/);
        expect(readFileSync(path.join(workspace.root, 'slide-1.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    });

    it('refuses several pages on stdout and a bad scale, with exit code 2', async () => {
        const pages = await runCli(['render', EXAMPLE, '--format', 'png', '--page', 'slide'], { cwd: workspace.root });
        expect(pages.code).toBe(2);
        expect(pages.stderr).toMatch(/give -o FILE/);
        const scale = await runCli(['render', EXAMPLE, '--format', 'png', '--scale', 'big', '-o', 'x.png'], { cwd: workspace.root });
        expect(scale.code).toBe(2);
        expect(scale.stderr).toMatch(/--scale/);
    });
});
