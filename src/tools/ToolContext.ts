import type { AppStore } from '../state/createAppStore.ts';
import type { EditorServices } from './EditorServices.ts';
import type { PointerEvent } from './ToolEvent.ts';

/** What every state node can reach: the store, the injected services and a few manager hooks. */
export interface ToolContext {
  store: AppStore;
  services: EditorServices;
  /** Registers async work (a fit) so that `ToolManager.settle()` can await it. */
  track: (work: Promise<unknown>) => void;
  /** The last pointer event seen in any view (for keyboard commands "at the cursor"). */
  lastPointer: () => PointerEvent | null;
  /** Publishes the active path to the store; called by `StateNode.transition`. */
  publishPath: () => void;
}
