/**
 * The rasteriser for hosts that cannot load a native binary per platform (the VS Code extension
 * ships one .vsix for every platform): resvg's WebAssembly build, which takes fonts as bytes.
 * The caller passes the initialised `@resvg/resvg-wasm` module, so this package does not depend on it.
 */
import type { SvgRasterizer } from './png.js';

export interface ResvgWasmModule {
    readonly Resvg: new (svg: string, options?: object) => { render(): { asPng(): Uint8Array; free?(): void }; free?(): void };
}

export function wasmRasterizer(module: ResvgWasmModule): SvgRasterizer {
    return (svg, settings) => {
        const renderer = new module.Resvg(svg, {
            fitTo: { mode: 'zoom', value: settings.scale },
            font: { fontBuffers: settings.fontBuffers, defaultFontFamily: settings.defaultFamily, sansSerifFamily: settings.defaultFamily },
            shapeRendering: 2,
            textRendering: 1,
            logLevel: 'off'
        });
        const image = renderer.render();
        const png = image.asPng();
        image.free?.();
        renderer.free?.();
        return png;
    };
}
