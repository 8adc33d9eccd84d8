/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) as GitHub code scanning reads it:
 * one run whose driver lists every rule, and one result per diagnostic with a 1-based region in a
 * file given relative to the source root.
 */
import { pathToFileURL } from 'node:url';
import { ALL_RULES, type RuleSeverity } from '@blueprint/language/core';
import type { DiagnosticSeverity } from '../check-report.js';
import type { Reporter } from './reporter.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<DiagnosticSeverity | RuleSeverity, SarifLevel> = {
    error: 'error', warning: 'warning', info: 'note', hint: 'note'
};

export const sarifReporter: Reporter = (report, options) => {
    const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.id, index]));
    const rules = ALL_RULES.map(rule => ({
        id: rule.id,
        name: rule.name,
        shortDescription: { text: rule.description },
        fullDescription: { text: `${rule.description} (Source: ${rule.source}.)` },
        defaultConfiguration: { level: LEVELS[rule.severity] }
    }));
    const results = report.files.flatMap(file => file.diagnostics.map(d => ({
        ruleId: d.rule,
        ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
        level: LEVELS[d.severity],
        message: { text: d.message },
        locations: [{
            physicalLocation: {
                artifactLocation: { uri: relativeUri(file.path), uriBaseId: SOURCE_ROOT },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
            }
        }]
    })));
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'blueprint', version: options.version, semanticVersion: options.version, rules } },
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(options.cwd) } },
            // Columns count UTF-16 code units, as the language server does.
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, undefined, 2) + '\n';
};

/** A relative URI reference: each path segment percent-encoded, `/` kept. */
function relativeUri(path: string): string {
    return path.split('/').map(segment => segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)).join('/');
}

/** An absolute `file:` URI ending in `/`, as SARIF requires for a base. */
function directoryUri(directory: string): string {
    const href = pathToFileURL(directory).href;
    return href.endsWith('/') ? href : href + '/';
}
