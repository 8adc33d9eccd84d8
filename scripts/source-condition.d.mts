export declare const SOURCE_CONDITION: '@blueprint/source';
export declare const ESBUILD_CONDITIONS: readonly string[];
