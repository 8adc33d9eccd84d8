/**
 * The extension's own writes (the preview's export, the render tool's `output`) follow the CLI's
 * output guard: never over the blueprint drawn, never over or under the name of any `.blueprint`
 * file, links seen through where the file system resolves them. Real files in a temporary folder,
 * with the host the desktop has (paths, existence, links resolved).
 */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputTargetRefusal, type OutputHost } from '../src/output-target.js';

const folder = mkdtempSync(path.join(tmpdir(), 'bp-output-target-'));
const file = (name: string) => path.join(folder, name);
writeFileSync(file('hotel.blueprint'), 'blueprint Hotel "Hotel" {}\n');
writeFileSync(file('other.blueprint'), 'blueprint Other "Other" {}\n');
writeFileSync(file('old.svg'), '<svg/>');
symlinkSync(file('hotel.blueprint'), file('link.svg'));

const desktop: OutputHost<string> = {
    path: uri => uri,
    shown: uri => path.relative(folder, uri),
    exists: uri => stat(uri).then(() => true, () => false),
    resolve: uri => realpath(uri).catch(() => uri)
};
const web: OutputHost<string> = { ...desktop, resolve: undefined };

describe('the extension\'s output guard', () => {
    it('refuses the blueprint drawn, any other blueprint source, and a new file with a .blueprint name', async () => {
        const input = [file('hotel.blueprint')];
        expect(await outputTargetRefusal(file('hotel.blueprint'), input, 'the SVG', desktop)).toBe(
            'hotel.blueprint is an input of this command; refusing to overwrite it with the SVG (write to another file)');
        expect(await outputTargetRefusal(file('other.blueprint'), input, 'the SVG', desktop)).toBe(
            'other.blueprint is a blueprint source; refusing to overwrite it with the SVG (write to another file)');
        expect(await outputTargetRefusal(file('NEW.BLUEPRINT'), input, 'the PNG', desktop)).toMatch(/^NEW\.BLUEPRINT: refusing to write the PNG under a \.blueprint name/);
        expect(readFileSync(file('hotel.blueprint'), 'utf8')).toContain('blueprint Hotel');
    });

    it('sees through a link to the blueprint where links resolve', async () => {
        expect(await outputTargetRefusal(file('link.svg'), [file('hotel.blueprint')], 'the SVG', desktop))
            .toBe('link.svg (a link to hotel.blueprint) is an input of this command; refusing to overwrite it with the SVG (write to another file)');
        // Without an input, the link is still a blueprint source by its resolved name.
        expect(await outputTargetRefusal(file('link.svg'), [], 'the SVG', desktop)).toMatch(/is a blueprint source/);
    });

    it('lets any other file be written or replaced', async () => {
        for (const host of [desktop, web]) {
            expect(await outputTargetRefusal(file('old.svg'), [file('hotel.blueprint')], 'the SVG', host)).toBeUndefined();
            expect(await outputTargetRefusal(file('new.png'), [file('hotel.blueprint')], 'the PNG', host)).toBeUndefined();
        }
    });

    it('on the web, where no link resolves, still refuses by name and by input', async () => {
        expect(await outputTargetRefusal(file('hotel.blueprint'), [file('hotel.blueprint')], 'the SVG', web)).toMatch(/is an input/);
        expect(await outputTargetRefusal(file('other.blueprint'), [], 'the SVG', web)).toMatch(/is a blueprint source/);
    });
});
