/**
 * Lexer errors in the words of the language: an unclosed label, a character that has no place in a
 * blueprint. (Chevrotain's default is "unexpected character: ->"<- at offset: 198".)
 */
import { DefaultLexerErrorMessageProvider } from 'langium';

export class BlueprintLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        const first = text.charAt(0);
        if (first === '"' || first === "'") {
            return `This label is not closed: add the closing ${first} on the same line (a label cannot span lines).`;
        }
        return `'${text}' has no meaning in a blueprint here; labels go in quotes ("…") and comments after //.`;
    }
}
