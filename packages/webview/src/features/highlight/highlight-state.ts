import { injectable } from 'inversify';
import type { HighlightMode } from '../../protocol.js';

/** The highlight mode; written only by `SetHighlightCommand`, so it changes in step with the rendered model. */
@injectable()
export class HighlightState {
    mode: HighlightMode = 'none';
}
