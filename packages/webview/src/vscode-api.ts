/**
 * The part of the VS Code webview API the diagram uses. `acquireVsCodeApi()` may be called only once
 * per page, so `main.ts` calls it and binds the result in the container.
 */
export interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare global {
    function acquireVsCodeApi(): VsCodeApi;
}

export const BlueprintTypes = {
    VsCodeApi: Symbol('VsCodeApi')
};
