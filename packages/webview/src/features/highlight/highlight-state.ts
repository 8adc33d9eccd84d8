import { injectable } from 'inversify';
import type { HighlightMode } from '@blueprint/protocol';

/** The highlight mode; written only by `SetHighlightCommand`, so it changes in step with the rendered model. */
@injectable()
export class HighlightState {
    mode: HighlightMode = 'none';
}
