/**
 * A file holds something: a blueprint, shared declarations or imports. An empty file (or one of
 * comments only) checks clean and draws nothing, which is never what its author meant: usually a
 * file not saved yet or cut short. A warning, so that `check` and the editor say so.
 */
import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Rules } from './rules.js';

export function checkFileHasContent(file: ast.BlueprintFile, accept: ValidationAcceptor): void {
    if ((file.imports?.length ?? 0) > 0 || (file.elements?.length ?? 0) > 0) return;
    accept('warning', 'This file is empty: it holds no blueprint and no shared declarations. Write a blueprint (`blueprint Name "Title" { … }`) or delete the file.',
        // At the start: an empty file has no text to mark.
        { node: file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, code: Rules.emptyFile.id });
}
