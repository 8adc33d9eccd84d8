/**
 * The rasteriser for hosts that cannot load a native binary per platform (the VS Code extension
 * ships one .vsix for every platform, the service-blueprint package one tarball): resvg's
 * WebAssembly build, which takes fonts as bytes.
 */
import { readFile } from 'node:fs/promises';
import type { SvgRasterizer } from './png.js';

export interface ResvgWasmModule {
    readonly Resvg: new (svg: string, options?: object) => { render(): { asPng(): Uint8Array; free?(): void }; free?(): void };
}

/** A rasteriser on an initialised `@resvg/resvg-wasm` module. */
export function wasmRasterizer(module: ResvgWasmModule): SvgRasterizer {
    return (svgs, settings) => {
        const options = {
            fitTo: { mode: 'zoom', value: settings.scale },
            font: { fontBuffers: settings.fontBuffers, defaultFontFamily: settings.defaultFamily, sansSerifFamily: settings.defaultFamily },
            shapeRendering: 2,
            textRendering: 1,
            logLevel: 'off'
        };
        return svgs.map(svg => {
            const renderer = new module.Resvg(svg, options);
            const image = renderer.render();
            const png = image.asPng();
            image.free?.();
            renderer.free?.();
            return png;
        });
    };
}

let initialised: Promise<ResvgWasmModule> | undefined;

/**
 * `@resvg/resvg-wasm` initialised from the WebAssembly file at `wasmFile` (the module can be
 * initialised once per process, so the first file wins).
 */
export async function resvgWasmRasterizer(wasmFile: string): Promise<SvgRasterizer> {
    initialised ??= (async () => {
        const module = await import('@resvg/resvg-wasm');
        await module.initWasm(await readFile(wasmFile));
        return module;
    })();
    try {
        return wasmRasterizer(await initialised);
    } catch (error) {
        initialised = undefined;
        throw error;
    }
}
