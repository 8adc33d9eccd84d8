/**
 * Files of the workspace that could not be read as blueprints (unreadable, too large, binary, not
 * UTF-8). The file system provider of the host records them and hands the language an empty text
 * instead of failing; validation turns each into one diagnostic on that file.
 */
import type { URI } from 'langium';

export class FileProblems {
    private readonly problems = new Map<string, string>();

    record(uri: URI, problem: string): void {
        this.problems.set(uri.toString(), problem);
    }

    clear(uri: URI): void {
        this.problems.delete(uri.toString());
    }

    get(uri: URI): string | undefined {
        return this.problems.get(uri.toString());
    }
}
