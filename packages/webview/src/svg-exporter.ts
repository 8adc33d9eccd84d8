/**
 * Sprotty's SVG export with the computed styles written as SVG presentation attributes instead of
 * a `style` attribute: the result needs no style sheet, and the webview's CSP (no `'unsafe-inline'`
 * styles) has nothing to block while the copy is built.
 */
import { injectable } from 'inversify';
import { SvgExporter } from 'sprotty';

/** The CSS properties the diagram's style sheet sets that SVG also accepts as attributes. */
const PRESENTATION_PROPERTIES = [
    'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
    'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
    'dominant-baseline', 'visibility', 'display', 'paint-order'
];

@injectable()
export class BlueprintSvgExporter extends SvgExporter {
    protected override copyStyles(source: Element, target: Element, skippedProperties: string[]): void {
        const sourceStyle = getComputedStyle(source);
        const targetStyle = getComputedStyle(target);
        for (const property of PRESENTATION_PROPERTIES) {
            if (skippedProperties.includes(property)) {
                continue;
            }
            const value = sourceStyle.getPropertyValue(property);
            if (value && targetStyle.getPropertyValue(property) !== value) {
                target.setAttribute(property, value);
            }
        }
        for (let i = 0; i < source.childNodes.length; i++) {
            const sourceChild = source.childNodes[i];
            const targetChild = target.childNodes[i];
            // The copy lives in another document (an iframe), so `instanceof Element` fails there.
            if (sourceChild.nodeType === Node.ELEMENT_NODE && targetChild?.nodeType === Node.ELEMENT_NODE) {
                this.copyStyles(sourceChild as Element, targetChild as Element, []);
            }
        }
    }
}
