/**
 * The part of GitHub Actions' expression language that action.yml may use, evaluated as the runner
 * does: `${{ }}` templates, property access with null for anything missing, `==`/`!=` comparing
 * strings case-insensitively, `&&`/`||` returning an operand, `!`, and the status functions. Anything
 * else is a syntax error here, so an expression GitHub would reject fails the test too.
 */

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export interface Status { readonly failed: boolean }

type Token = { kind: 'string' | 'number' | 'name' | 'op'; text: string };

function tokenize(source: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < source.length) {
        const rest = source.slice(i);
        const space = /^\s+/.exec(rest);
        if (space) { i += space[0].length; continue; }
        const string = /^'((?:[^']|'')*)'/.exec(rest);
        if (string) { tokens.push({ kind: 'string', text: string[1].replace(/''/g, "'") }); i += string[0].length; continue; }
        const number = /^-?\d+(\.\d+)?/.exec(rest);
        if (number) { tokens.push({ kind: 'number', text: number[0] }); i += number[0].length; continue; }
        const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
        if (name) { tokens.push({ kind: 'name', text: name[0] }); i += name[0].length; continue; }
        const op = /^(==|!=|&&|\|\||[!().[\],])/.exec(rest);
        if (op) { tokens.push({ kind: 'op', text: op[0] }); i += op[0].length; continue; }
        throw new SyntaxError(`unexpected '${rest[0]}' in expression: ${source}`);
    }
    return tokens;
}

const STATUS_FUNCTIONS = ['always', 'success', 'failure', 'cancelled'];

export function evaluate(source: string, context: Record<string, Value>, status: Status): Value {
    const tokens = tokenize(source);
    let position = 0;
    const peek = (text?: string) => tokens[position] && (text === undefined || tokens[position].text === text) ? tokens[position] : undefined;
    const expect = (text: string) => {
        if (!peek(text)) throw new SyntaxError(`expected '${text}' in expression: ${source}`);
        position++;
    };
    const or = (): Value => {
        let left = and();
        while (peek('||')) { position++; const right = and(); left = truthy(left) ? left : right; }
        return left;
    };
    const and = (): Value => {
        let left = equality();
        while (peek('&&')) { position++; const right = equality(); left = truthy(left) ? right : left; }
        return left;
    };
    const equality = (): Value => {
        let left = unary();
        while (peek('==') || peek('!=')) {
            const op = tokens[position++].text;
            const right = unary();
            left = op === '==' ? equals(left, right) : !equals(left, right);
        }
        return left;
    };
    const unary = (): Value => {
        if (peek('!')) { position++; return !truthy(unary()); }
        return primary();
    };
    const primary = (): Value => {
        const token = tokens[position++];
        if (!token) throw new SyntaxError(`unexpected end of expression: ${source}`);
        if (token.text === '(' && token.kind === 'op') { const value = or(); expect(')'); return value; }
        if (token.kind === 'string') return token.text;
        if (token.kind === 'number') return Number(token.text);
        if (token.kind !== 'name') throw new SyntaxError(`unexpected '${token.text}' in expression: ${source}`);
        if (token.text === 'true' || token.text === 'false') return token.text === 'true';
        if (token.text === 'null') return null;
        if (peek('(')) {
            position++;
            expect(')');
            switch (token.text) {
                case 'always': return true;
                case 'success': return !status.failed;
                case 'failure': return status.failed;
                case 'cancelled': return false;
                default: throw new SyntaxError(`unknown function ${token.text}() in expression: ${source}`);
            }
        }
        if (!(token.text in context)) throw new SyntaxError(`unknown context '${token.text}' in expression: ${source}`);
        let value: Value = context[token.text];
        for (;;) {
            if (peek('.')) {
                position++;
                const name = tokens[position++];
                if (!name || name.kind !== 'name') throw new SyntaxError(`expected a property name in expression: ${source}`);
                value = property(value, name.text);
            } else if (peek('[')) {
                position++;
                const key = or();
                expect(']');
                value = property(value, String(key));
            } else {
                return value;
            }
        }
    };
    const value = or();
    if (position !== tokens.length) throw new SyntaxError(`unexpected '${tokens[position].text}' in expression: ${source}`);
    return value;
}

function property(value: Value, name: string): Value {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    const key = Object.keys(value).find(k => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? null : value[key];
}

export function truthy(value: Value): boolean {
    return !(value === null || value === false || value === 0 || value === '' || (typeof value === 'number' && Number.isNaN(value)));
}

function equals(a: Value, b: Value): boolean {
    if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
    if (typeof a === typeof b || a === null || b === null) {
        if (a === null || b === null) return a === b || toNumber(a) === toNumber(b);
        return a === b;
    }
    return toNumber(a) === toNumber(b);
}

function toNumber(value: Value): number {
    if (value === null) return 0;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'number') return value;
    if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
    return Number.NaN;
}

function asString(value: Value): string {
    if (value === null) return '';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
}

/** Substitutes every `${{ expression }}` in `text`. */
export function interpolate(text: string, context: Record<string, Value>, status: Status): string {
    return text.replace(/\$\{\{(.*?)\}\}/gs, (_, expression: string) => asString(evaluate(expression, context, status)));
}

/** A step's `if:`: `${{ }}` optional; without a status function, `success() &&` is implied. */
export function condition(source: string | undefined, context: Record<string, Value>, status: Status): boolean {
    if (source === undefined) return !status.failed;
    const expression = source.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
    const result = truthy(evaluate(expression, context, status));
    const usesStatus = STATUS_FUNCTIONS.some(name => new RegExp(`\\b${name}\\(\\)`).test(expression));
    return usesStatus ? result : result && !status.failed;
}
