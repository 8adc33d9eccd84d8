/**
 * The tools' names, descriptions and input schemas, declared once: the MCP server registers these
 * zod shapes, the dispatcher validates every call with them, and the extension's
 * `languageModelTools` in package.json carries the same schemas as JSON (a test keeps them equal).
 */
// zod's tree-shakable build: the schemas also ship in the language server's web worker bundle.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

// Messages such as "expected string, received number" rather than a bare "Invalid input".
z.config(en());

const described = <T extends z.ZodMiniType>(schema: T, description: string) => z.optional(schema.check(z.describe(description)));
const nonEmpty = () => z.string().check(z.minLength(1));
const PATH = 'Path of a .blueprint file, absolute or relative to the working folder.';
const TEXT = 'Blueprint source text to use instead of reading the file (e.g. unsaved or just written). With `path` too, the text is taken as that file\'s content, so its imports resolve beside it.';

export const TOOL_INPUTS = {
    check: {
        path: described(nonEmpty(), PATH),
        text: described(z.string(), TEXT)
    },
    explain_rule: {
        rule: described(z.string(), 'A rule id such as BP008 or a rule name such as touchpoint-evidence; leave out to list every rule.')
    },
    analyse: {
        path: described(nonEmpty(), PATH),
        text: described(z.string(), TEXT)
    },
    render: {
        path: described(nonEmpty(), PATH),
        text: described(z.string(), TEXT),
        format: described(z.enum(['svg', 'png']), 'svg (default): the SVG text; png: an image. With `output`, its extension chooses the format.'),
        theme: described(z.enum(['light', 'dark']), 'Colour theme of the drawing (default light).'),
        output: described(nonEmpty(), 'Write the picture to this file instead of returning it: a path inside the working folder ending in .svg, .png or .pdf, which chooses the format. Never an existing .blueprint file. Nothing is written without it.')
    },
    diff: {
        before: described(nonEmpty(), 'The older .blueprint file (path absolute or relative to the working folder).'),
        beforeText: described(z.string(), 'The older version as text, instead of `before`.'),
        after: described(nonEmpty(), 'The newer .blueprint file (path absolute or relative to the working folder).'),
        afterText: described(z.string(), 'The newer version as text, instead of `after`.')
    }
} as const;

export type ToolName = keyof typeof TOOL_INPUTS;
export type ToolInput<N extends ToolName> = z.infer<z.ZodMiniObject<(typeof TOOL_INPUTS)[N]>>;

export interface ToolDescription {
    readonly name: ToolName;
    readonly title: string;
    readonly description: string;
    /** Only reads (every tool but `render` with an output path). */
    readonly readOnly: boolean;
}

export const TOOL_DESCRIPTIONS: readonly ToolDescription[] = [
    {
        name: 'check', title: 'Check a blueprint', readOnly: true,
        description: 'Validates a Blueprint service blueprint (.blueprint file or text) against the grammar and the service-blueprint rules. '
            + 'Returns every diagnostic with its line, column, severity, rule id (BP000…) and message, and the counts. Use it after writing or editing a blueprint; explain_rule tells what a rule id means.'
    },
    {
        name: 'explain_rule', title: 'Explain a Blueprint rule', readOnly: true,
        description: 'The rule catalog entry for a rule id (BP008) or name (touchpoint-evidence): default severity, what it requires, where it comes from (Shostack, Bitner, …) and how to configure it. Without a rule: the whole catalog.'
    },
    {
        name: 'analyse', title: 'Analyse service times and fail points', readOnly: true,
        description: 'The time analysis of a blueprint as in its service report: per customer segment the expected time (weighted by shares, failure rates and repeats), the most likely path, the worst case, waiting / customer-visible / backstage parts, against the time standard; and fail-point coverage (which fail points lack a prevention or recovery). The blueprint must be free of errors.'
    },
    {
        name: 'render', title: 'Render a blueprint diagram', readOnly: false,
        description: 'Draws the service blueprint diagram (lanes, lines, stages, steps, flows, fail and wait points): SVG text by default, or a PNG image. Writes a file only when `output` is given: an SVG, PNG or PDF as its extension says, inside the working folder and never over a .blueprint file. The blueprint must be free of errors.'
    },
    {
        name: 'diff', title: 'Compare two blueprints', readOnly: true,
        description: 'The semantic difference between two versions of a blueprint (files or texts): steps, flows, lanes, stages, fail points, times and standards added, removed or changed, which changes the customer sees and which are risks; as a Markdown review and a JSON list.'
    }
];

/** A tool's input as JSON Schema, as the editor's `languageModelTools` declare it. */
export function toolInputJsonSchema(name: ToolName): Record<string, unknown> {
    const { $schema: _dialect, ...schema } = z.toJSONSchema(z.object(TOOL_INPUTS[name]), { io: 'input' });
    return schema;
}
