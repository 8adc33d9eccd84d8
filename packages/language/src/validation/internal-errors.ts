/**
 * A check that throws is a bug of ours, not a problem of the user's file: it becomes one diagnostic
 * without a stack trace (the user can still work and report it), and the stack goes to the log the
 * host chooses: the language server's output channel, or stderr with `BLUEPRINT_DEBUG` in the CLI.
 */
import {
    isOperationCancelled, ValidationRegistry, type AstNode, type LangiumCoreServices, type MaybePromise, type ValidationAcceptor,
    type ValidationCategory, type ValidationCheck
} from 'langium';

type ValidationCheckEntry = Parameters<ValidationRegistry['addEntry']>[1];

/** Where stack traces of internal errors go. */
export type InternalErrorLog = (context: string, error: unknown) => void;

/** The default: the console (which a language server's connection forwards to the client's log). */
export const logInternalErrorToConsole: InternalErrorLog = (context, error) => {
    console.error(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
};

/** The `code` of the diagnostic that stands for a crashed check. */
export const INTERNAL_ERROR_CODE = 'internal';

export class BlueprintValidationRegistry extends ValidationRegistry {
    /** Per node type and categories, the checks as an array: until a check is registered, they stay the same. */
    private readonly checkLists = new Map<string, readonly ValidationCheck[]>();

    constructor(services: LangiumCoreServices, private readonly log: InternalErrorLog) {
        super(services);
    }

    protected override addEntry(type: string, entry: ValidationCheckEntry): void {
        this.checkLists.clear();
        super.addEntry(type, entry);
    }

    /**
     * `getChecks` as an array, built once per type and categories rather than as a stream per type
     * and document (a 1,000-file check asked 18,000 times for the same lists).
     */
    checkList(type: string, categories?: ValidationCategory[]): readonly ValidationCheck[] {
        const key = categories ? `${type}:${categories.join(',')}` : type;
        let checks = this.checkLists.get(key);
        if (!checks) this.checkLists.set(key, checks = this.getChecks(type, categories).toArray());
        return checks;
    }

    /**
     * Langium wraps every check in an async function, so each check on each node costs two promises;
     * our checks are synchronous: they run as they are, and only a check that returns a promise gets one.
     */
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                if (result instanceof Promise) return result.catch(error => this.report(error, accept, node));
            } catch (error) {
                this.report(error, accept, node);
            }
            return undefined;
        };
    }

    protected override async handleException(functionality: () => MaybePromise<void>, messageContext: string,
        accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            this.report(error, accept, node);
        }
    }

    private report(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
        if (isOperationCancelled(error)) throw error;
        this.log(`Blueprint: a check failed on ${node.$type}`, error);
        const reason = error instanceof Error ? error.message : String(error);
        accept('error', `Internal error in a Blueprint check (this is a bug, please report it): ${reason.split('\n')[0]}`,
            { node, code: INTERNAL_ERROR_CODE });
    }
}
