/** Localisation: a known `language`, and each standard lane or line named at most once. */
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { SUPPORTED_LANGUAGES, toLanguageCode } from '@blueprint/model';
import { similarWords } from '../util/similar-words.js';
import { Rules } from './rules.js';

export class LocalisationChecks {
    checkLanguage(declaration: ast.LanguageDeclaration, accept: ValidationAcceptor): void {
        const code = declaration.code;
        if (typeof code !== 'string') return;
        const blueprint = declaration.$container;
        const first = blueprint.members.find(ast.isLanguageDeclaration);
        if (first !== declaration) {
            accept('error', `The blueprint's language is already set on line ${(first?.$cstNode?.range.start.line ?? 0) + 1}; a blueprint has one language.`,
                { node: declaration, code: Rules.duplicateName.id });
            return;
        }
        if (toLanguageCode(code)) return;
        const near = similarWords(code, SUPPORTED_LANGUAGES, 1)[0];
        accept('error', `Unknown language '${code}'${near ? `; did you mean '${near}'?` : '.'} Supported: ${SUPPORTED_LANGUAGES.join(', ')}.`, {
            node: declaration, property: 'code', code: Rules.syntax.id,
            data: near ? { fix: { title: `Change to '${near}'`, newText: near } } : undefined
        });
    }

    checkLaneLabel(relabel: ast.LaneLabel, accept: ValidationAcceptor): void {
        const first = relabel.$container.members.find(m => ast.isLaneLabel(m) && m.lane === relabel.lane);
        if (first && first !== relabel) {
            accept('error', `Lane '${relabel.lane}' is already relabelled on line ${(first.$cstNode?.range.start.line ?? 0) + 1}; only the first label counts.`,
                { node: relabel, property: 'lane', code: Rules.duplicateName.id });
        }
    }

    checkLineDeclaration(line: ast.LineDeclaration, accept: ValidationAcceptor): void {
        const first = line.$container.members.find(m => ast.isLineDeclaration(m) && m.kind === line.kind);
        if (first && first !== line) {
            accept('error', `The line of ${line.kind} is already declared on line ${(first.$cstNode?.range.start.line ?? 0) + 1}; only the first label counts.`,
                { node: line, property: 'kind', code: Rules.duplicateName.id });
        }
    }
}
