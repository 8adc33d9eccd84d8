/**
 * The index for one-shot batch runs (`blueprint check`, benchmarks): it skips the reverse-reference
 * index. That index serves "find references" and incremental relinking in an editor; a batch run
 * builds every document once and never asks, so computing it would only cost time and memory.
 */
import type { LangiumDocument } from 'langium';
import { BlueprintIndexManager } from './blueprint-index-manager.js';

export class BatchIndexManager extends BlueprintIndexManager {
    override async updateReferences(_document: LangiumDocument): Promise<void> {
        // Intentionally empty: see the class comment.
    }
}
