/**
 * Semantic highlighting with the standard token legend: every kind of declaration has its own token
 * type, used both where it is declared (with the `declaration` modifier) and where it is referenced,
 * so that a step reads differently from a stage or a channel wherever it appears.
 */
import { AstUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor, type SemanticTokenNodeOptions } from 'langium/lsp';
import {
    SemanticTokenModifiers, SemanticTokenTypes, type CancellationToken, type SemanticTokens, type SemanticTokensParams, type SemanticTokensRangeParams
} from 'vscode-languageserver';
import type { BlueprintServices } from '../blueprint-module.js';
import * as ast from '../generated/ast.js';
import { cstRange } from '../util/cst-range.js';
import type { BuiltinLibrary } from '../workspace/builtin-library.js';

/** Token types by the AST type of a declaration. */
export const DECLARATION_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Blueprint: SemanticTokenTypes.namespace,
    Step: SemanticTokenTypes.function,
    Actor: SemanticTokenTypes.class,
    System: SemanticTokenTypes.class,
    Stage: SemanticTokenTypes.namespace,
    Channel: SemanticTokenTypes.interface,
    Segment: SemanticTokenTypes.enum,
    Persona: SemanticTokenTypes.struct,
    CustomLane: SemanticTokenTypes.type,
    EvidenceItem: SemanticTokenTypes.variable,
    Metric: SemanticTokenTypes.property
};

/** Lanes, standard or custom, read as types: every step belongs to one. */
export const LANE_TOKEN_TYPE = SemanticTokenTypes.type;
export const TIME_VALUE_TOKEN_TYPE = SemanticTokenTypes.number;
export const UNIT_TOKEN_TYPE = SemanticTokenTypes.enumMember;
export const OPERATOR_TOKEN_TYPE = SemanticTokenTypes.operator;

export class BlueprintSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly builtins: BuiltinLibrary;

    constructor(services: BlueprintServices) {
        super(services);
        this.builtins = services.workspace.BuiltinLibrary;
    }

    /**
     * Langium keeps each open document's last tokens (five numbers a token, ~0.5 KB per step) for
     * delta requests, which it does not offer (`full.delta` is false), and the last request's tokens and
     * document: dropped once the tokens are sent.
     */
    override semanticHighlight(document: LangiumDocument, params: SemanticTokensParams, cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return this.oneAtATime(document, () => super.semanticHighlight(document, params, cancelToken));
    }

    override semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams, cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return this.oneAtATime(document, () => super.semanticHighlightRange(document, params, cancelToken));
    }

    /** When the request under way, if any, has ended (its value is not kept): the next one starts then. */
    private previous: Promise<unknown> = Promise.resolve();

    /**
     * Langium's provider works on shared `current…` fields and one token builder per document, and
     * yields while it walks the tree: VS Code asks for the visible range and the whole file at once
     * when a file opens, and run side by side the two pushed into the same builder (the range's
     * answer held the file's tokens too, twice over where they met: "Overlapping semantic tokens").
     */
    private oneAtATime(document: LangiumDocument, highlight: () => Promise<SemanticTokens>): Promise<SemanticTokens> {
        const run = async (): Promise<SemanticTokens> => {
            try {
                return await highlight();
            } finally {
                this.forget(document);
            }
        };
        const result = this.previous.then(run, run);
        // Settled to nothing: a chain that resolved to the result kept the last answer's tokens (0.46 KB per step) until the next request.
        this.previous = result.then(() => undefined, () => undefined);
        return result;
    }

    private forget(document: LangiumDocument): void {
        this.tokensBuilders.delete(document.uri.toString());
        this.currentTokensBuilder = undefined;
        this.currentDocument = undefined;
    }

    /** Read through to the leaves: Langium's `node.range` leaves a cached range on every lane and arrow node for the document's lifetime. */
    protected override highlightNode(options: SemanticTokenNodeOptions): void {
        this.highlightToken({ range: cstRange(options.node), type: options.type, modifier: options.modifier });
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declarationType = DECLARATION_TOKEN_TYPES[node.$type];
        if (declarationType && 'name' in node && typeof node.name === 'string') {
            acceptor({ node, property: 'name', type: declarationType, modifier: SemanticTokenModifiers.declaration });
        }
        if (ast.isStep(node)) {
            if (node.standardLane) acceptor({ node, property: 'standardLane', type: LANE_TOKEN_TYPE, modifier: SemanticTokenModifiers.defaultLibrary });
            this.references(node, 'customLane', node.customLane ? [node.customLane] : [], acceptor);
            this.references(node, 'stages', node.stages, acceptor);
            this.references(node, 'performers', node.performers, acceptor);
            this.references(node, 'channels', node.channels, acceptor);
            this.references(node, 'segments', node.segments, acceptor);
        } else if (ast.isFlow(node)) {
            this.references(node, 'source', [node.source], acceptor);
        } else if (ast.isFlowLink(node)) {
            acceptor({ node, property: 'arrow', type: OPERATOR_TOKEN_TYPE });
            this.references(node, 'target', [node.target], acceptor);
        } else if (ast.isMetric(node)) {
            this.references(node, 'steps', node.steps, acceptor);
        } else if (ast.isMetricTarget(node)) {
            if (node.comparator) acceptor({ node, property: 'comparator', type: OPERATOR_TOKEN_TYPE });
            acceptor({ node, property: 'value', type: TIME_VALUE_TOKEN_TYPE });
        } else if (ast.isMetricUnit(node)) {
            acceptor(node.percent ? { node, property: 'percent', type: UNIT_TOKEN_TYPE } : { node, property: 'name', type: UNIT_TOKEN_TYPE });
        } else if (ast.isTimeValue(node)) {
            acceptor({ node, property: 'value', type: TIME_VALUE_TOKEN_TYPE });
            if (node.unit) acceptor({ node, property: 'unit', type: UNIT_TOKEN_TYPE });
        } else if (ast.isLaneLabel(node)) {
            if (node.lane) acceptor({ node, property: 'lane', type: LANE_TOKEN_TYPE, modifier: SemanticTokenModifiers.defaultLibrary });
        } else if (ast.isLaneRef(node)) {
            if (node.standard) acceptor({ node, property: 'standard', type: LANE_TOKEN_TYPE, modifier: SemanticTokenModifiers.defaultLibrary });
            if (node.custom) this.references(node, 'custom', [node.custom], acceptor);
        } else if (ast.isEvidenceItem(node)) {
            if (node.step) this.references(node, 'step', [node.step], acceptor);
            if (node.stage) this.references(node, 'stage', [node.stage], acceptor);
        } else if (ast.isPersona(node) && node.segment) {
            this.references(node, 'segment', [node.segment], acceptor);
        }
    }

    /** Highlights references by the kind of their target; unresolved ones are left to the error squiggle. */
    private references(node: AstNode, property: string, references: ReadonlyArray<Reference<AstNode> | undefined>, acceptor: SemanticTokenAcceptor): void {
        references.forEach((reference, index) => {
            const target = reference?.ref; // undefined while a reference is still being typed
            const type = target ? DECLARATION_TOKEN_TYPES[target.$type] : undefined;
            if (!target || !type) return;
            const builtin = this.builtins.isBuiltin(AstUtils.getDocument(target).uri);
            acceptor({
                node, property: property as never, index, type,
                modifier: builtin ? SemanticTokenModifiers.defaultLibrary : []
            });
        });
    }
}
