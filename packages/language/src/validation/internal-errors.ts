/**
 * A check that throws is a bug of ours, not a problem of the user's file: it becomes one diagnostic
 * without a stack trace (the user can still work and report it), and the stack goes to the log the
 * host chooses: the language server's output channel, or stderr with `BLUEPRINT_DEBUG` in the CLI.
 */
import {
    isOperationCancelled, ValidationRegistry, type AstNode, type LangiumCoreServices, type MaybePromise, type ValidationAcceptor, type ValidationCheck
} from 'langium';

/** Where stack traces of internal errors go. */
export type InternalErrorLog = (context: string, error: unknown) => void;

/** The default: the console (which a language server's connection forwards to the client's log). */
export const logInternalErrorToConsole: InternalErrorLog = (context, error) => {
    console.error(`${context}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
};

/** The `code` of the diagnostic that stands for a crashed check. */
export const INTERNAL_ERROR_CODE = 'internal';

export class BlueprintValidationRegistry extends ValidationRegistry {
    constructor(services: LangiumCoreServices, private readonly log: InternalErrorLog) {
        super(services);
    }

    /**
     * Langium wraps every check in two async functions: three promises per check and node, even for
     * the synchronous checks that all of ours are. This wrapper runs a check directly and returns a
     * promise only when the check does; a throw becomes the same diagnostic as in `handleException`.
     */
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: MaybePromise<void>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                this.reportFailure(error, node, accept);
                return;
            }
            if (isPromiseLike(result)) return Promise.resolve(result).catch(error => this.reportFailure(error, node, accept));
            return undefined;
        };
    }

    protected override async handleException(functionality: () => MaybePromise<void>, messageContext: string,
        accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            this.reportFailure(error, node, accept);
        }
    }

    private reportFailure(error: unknown, node: AstNode, accept: ValidationAcceptor): void {
        if (isOperationCancelled(error)) throw error;
        this.log(`Blueprint: a check failed on ${node.$type}`, error);
        const reason = error instanceof Error ? error.message : String(error);
        accept('error', `Internal error in a Blueprint check (this is a bug, please report it): ${reason.split('\n')[0]}`,
            { node, code: INTERNAL_ERROR_CODE });
    }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
    return typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
}
