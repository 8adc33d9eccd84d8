/** The preview's SVG export never loses the file it overwrites, whatever step of the save fails. */
import { describe, expect, it } from 'vitest';
import { saveAtomically, temporaryName, type SaveFileSystem } from '../src/preview/atomic-save.js';

/** An in-memory file system (path → text) that fails the named operation with ENOSPC. */
function memoryFs(files: Map<string, string>, failing?: 'writeFile' | 'rename'): SaveFileSystem<string> {
    const fail = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    return {
        async writeFile(uri, content) {
            // Like a real disk, a failed write may leave part of the file behind.
            files.set(uri, new TextDecoder().decode(content.subarray(0, failing === 'writeFile' ? 3 : undefined)));
            if (failing === 'writeFile') return fail();
        },
        async rename(source, target) {
            if (failing === 'rename') return fail();
            files.set(target, files.get(source)!);
            files.delete(source);
        },
        async delete(uri) {
            files.delete(uri);
        }
    };
}

describe('saveAtomically', () => {
    const temporary = `/d/${temporaryName('x.svg', 'ab12')}`;

    it('replaces the target and leaves no temporary file', async () => {
        const files = new Map([['/d/x.svg', 'old']]);
        await saveAtomically(memoryFs(files), '/d/x.svg', temporary, new TextEncoder().encode('new diagram'));
        expect([...files]).toEqual([['/d/x.svg', 'new diagram']]);
    });

    for (const failing of ['writeFile', 'rename'] as const) {
        it(`keeps the old file and removes the temporary one when ${failing} fails`, async () => {
            const files = new Map([['/d/x.svg', 'old']]);
            await expect(saveAtomically(memoryFs(files, failing), '/d/x.svg', temporary, new TextEncoder().encode('new diagram'))).rejects.toThrow('ENOSPC');
            expect([...files]).toEqual([['/d/x.svg', 'old']]);
        });
    }

    it('names the temporary file as a hidden sibling', () => {
        expect(temporary).toBe('/d/.x.svg.ab12.tmp');
    });
});
