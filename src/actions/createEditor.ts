import type { AppStore } from '../state/createAppStore.ts';
import { ToolManager, DEFAULT_TOOLS } from '../tools/ToolManager.ts';
import type { StateNodeClass } from '../tools/StateNode.ts';
import type { EditorServices } from '../tools/EditorServices.ts';
import type { Action } from './Action.ts';
import { ActionRegistry } from './ActionRegistry.ts';
import { DEFAULT_ACTIONS } from './defaultActions.ts';

export interface Editor {
  store: AppStore;
  /** Pointer/key input: `tools.handle(toolEvent)`. */
  tools: ToolManager;
  /** Commands: `actions.executeAction(id)`, `actions.handleKeyDown(e)`, `actions.listShortcuts()`. */
  actions: ActionRegistry;
  dispose: () => void;
}

export interface CreateEditorOptions {
  tools?: StateNodeClass[];
  actions?: readonly Action[];
}

/**
 * Wires a store, the tool state machines and the action registry together. No React: the app
 * calls it once with the page store and real services, tests with a fresh store and fakes.
 *
 * @example
 * const editor = createEditor(createAppStore(), services);
 * element.addEventListener('keydown', (e) => editor.actions.handleKeyDown(e));
 */
export function createEditor(store: AppStore, services: EditorServices, options: CreateEditorOptions = {}): Editor {
  const tools = new ToolManager(store, services, options.tools ?? DEFAULT_TOOLS);
  const actions = new ActionRegistry({ store, tools, services }, options.actions ?? DEFAULT_ACTIONS);
  return { store, tools, actions, dispose: () => tools.dispose() };
}
