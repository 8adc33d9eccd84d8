/**
 * Sprotty's model factory, with its check of which schema properties an element may not take (its
 * accessors, `children`, `parent`, `index`) answered once per element class and property name.
 * Sprotty walks the element's prototype chain for every property of every element on every update;
 * at 1,000 steps that walk was ~10 ms of each redraw while typing. The answer depends only on the
 * class (an instance's own properties are data properties, checked as Sprotty does).
 */
import { injectable } from 'inversify';
import { SModelFactory, type SModelElementImpl } from 'sprotty';

@injectable()
export class BlueprintModelFactory extends SModelFactory {
    private readonly reservedByClass = new Map<object, Map<string, boolean>>();

    protected override isReserved(element: SModelElementImpl, propertyName: string): boolean {
        if (Object.prototype.hasOwnProperty.call(element, propertyName)) return super.isReserved(element, propertyName);
        const prototype = Object.getPrototypeOf(element) as object | null;
        if (prototype === null) return super.isReserved(element, propertyName);
        let reserved = this.reservedByClass.get(prototype);
        if (!reserved) this.reservedByClass.set(prototype, reserved = new Map());
        let answer = reserved.get(propertyName);
        if (answer === undefined) reserved.set(propertyName, answer = super.isReserved(element, propertyName));
        return answer;
    }
}
