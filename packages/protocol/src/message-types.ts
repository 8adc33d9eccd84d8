/**
 * Typed message descriptors: a method name that carries its parameter and result types. Not
 * vscode-jsonrpc's `RequestType` classes: the tree holds two copies of vscode-jsonrpc (Langium's and
 * vscode-languageserver's), whose classes are nominally different types, and the webview must not
 * load JSON-RPC at all. Each side sends and handles these through its own connection by `method`.
 */
export interface RequestDescriptor<P, R> {
    readonly method: string;
    /** Types only: never set. */
    readonly types?: { readonly params: P; readonly result: R };
}

export interface NotificationDescriptor<P> {
    readonly method: string;
    /** Types only: never set. */
    readonly types?: { readonly params: P };
}

export function request<P, R>(method: string): RequestDescriptor<P, R> {
    return { method };
}

export function notification<P>(method: string): NotificationDescriptor<P> {
    return { method };
}

/** The parameters and the result of a descriptor, for handlers. */
export type ParamsOf<T> = T extends RequestDescriptor<infer P, unknown> ? P : T extends NotificationDescriptor<infer P> ? P : never;
export type ResultOf<T> = T extends RequestDescriptor<unknown, infer R> ? R : never;
