/**
 * The generated language ships in Langium's production mode (langium-config.json), which skips
 * Chevrotain's checks of the grammar and the tokens each time a parser is built (a tenth of a
 * check's start-up). Those checks still run here, in development mode, on the same grammar: a rule
 * Chevrotain cannot parse, a token that can never match, or an ambiguous alternative fails this test.
 */
import { createBlueprintCoreServices } from '@blueprint/language';
import { createLangiumParser, DefaultLexer, EmptyFileSystem, type LangiumCoreServices } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { afterEach, describe, expect, test, vi } from 'vitest';

/** `services` with one service replaced; the rest resolve as they do. */
function replacing<K extends keyof LangiumCoreServices>(services: LangiumCoreServices, name: K, value: LangiumCoreServices[K]): LangiumCoreServices {
    return new Proxy(services, { get: (target, key, receiver) => key === name ? value : Reflect.get(target, key, receiver) });
}

/** The services with the language's metadata in `mode`. */
function inMode(services: LangiumCoreServices, mode: 'development' | 'production'): LangiumCoreServices {
    return replacing(services, 'LanguageMetaData', { ...services.LanguageMetaData, mode });
}

/** A parser built from `services` with a lexer built from them too (both read the mode). */
function buildParser(services: LangiumCoreServices): void {
    createLangiumParser(replacing(services, 'parser', { ...services.parser, Lexer: new DefaultLexer(services) }));
}

describe('the grammar under development-mode checks', () => {
    afterEach(() => vi.restoreAllMocks());

    test('what ships is built in production mode', () => {
        const { Blueprint } = createBlueprintCoreServices(EmptyFileSystem);
        expect(Blueprint.LanguageMetaData.mode).toBe('production');
    });

    test('the lexer and the parser pass every check Chevrotain makes, with nothing to report', () => {
        const said: unknown[] = [];
        for (const method of ['log', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation((...args) => void said.push(args));
        const { Blueprint } = createBlueprintCoreServices(EmptyFileSystem);
        expect(() => buildParser(inMode(Blueprint, 'development'))).not.toThrow();
        expect(said).toEqual([]);
    });

    test('the checks do run in development mode: a left-recursive rule fails them', async () => {
        // Our services with a grammar Chevrotain cannot parse: the same build must object.
        const grammar = (await createServicesForGrammar({ grammar: 'grammar Broken\nentry Model: Model \'a\' | name=ID;\nterminal ID: /[a-z]+/;' })).Grammar;
        const { Blueprint } = createBlueprintCoreServices(EmptyFileSystem);
        expect(() => buildParser(replacing(inMode(Blueprint, 'development'), 'Grammar', grammar))).toThrow(/Left Recursion/);
    });
});
