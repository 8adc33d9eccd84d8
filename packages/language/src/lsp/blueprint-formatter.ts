import type { AstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';

export class BlueprintFormatter extends AbstractFormatter {
    protected format(_node: AstNode): void {
    }
}
