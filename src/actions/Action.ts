import type { AppState } from '../state/AppState.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { ToolManager } from '../tools/ToolManager.ts';
import type { EditorServices } from '../tools/EditorServices.ts';

/** A key press as actions see it (a DOM `KeyboardEvent` fits this shape). */
export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey?: boolean;
}

/**
 * What `perform` can reach. `input` is the key press that triggered the action, if any; `value`
 * is what a panel passes (excalidraw's formData), e.g. the numbers of the inspector's inputs.
 */
export interface ActionContext {
  store: AppStore;
  tools: ToolManager;
  services: EditorServices;
  input?: KeyInput;
  value?: unknown;
}

/**
 * What `perform` returns: a document change applied by the registry as exactly one undo step
 * (excalidraw's "patch + capture policy"), or nothing for actions that do not edit the document
 * through a patch (tool switches, navigation, undo itself, async work that commits later).
 * Commands that can fail without an exception (a refused review step, a bad login token) say so
 * with `ok: false`; `ActionRegistry.run` hands that to the caller (a form keeps its input).
 */
export type ActionResult = { docChange?: (doc: FrameAnnotation) => FrameAnnotation; ok?: boolean } | void;

export type ActionGroup = 'history' | 'edit' | 'create' | 'selection' | 'class' | 'attributes' | 'tools' | 'frames' | 'file' | 'help' | 'review' | 'session';

/**
 * A user command. Toolbar buttons, shortcuts and tests all run it through
 * `ActionRegistry.executeAction(id)`; its UI never carries logic of its own.
 */
export interface Action {
  /** camelCase id, e.g. 'deleteSelection'. */
  id: string;
  /** Short label for buttons and the help overlay; may depend on state (class names). */
  label: string | ((state: AppState) => string);
  /**
   * Key specs: a `KeyboardEvent.key` value with optional `ctrl+`, `shift+`, `alt+` prefixes
   * (`'Delete'`, `'ctrl+z'`, `'shift+ArrowUp'`, `'1'`, `'Space'`). `ctrl` also matches ⌘ (meta).
   * Letters match either case. For punctuation keys shift is ignored, since it picks the character.
   */
  keys: string[];
  group: ActionGroup;
  /** Whether the action can run now (buttons disable, keys fall through when false). */
  predicate?: (state: AppState) => boolean;
  /** Left out of the `?` overlay now (a number key past the end of the class palette). */
  unlisted?: (state: AppState) => boolean;
  /**
   * Presses of it in quick succession on the same selection (a held key's repeats included) are
   * one undo step: turning a box by 20° with E is one step back, not twenty (nudges, turns, resizes).
   */
  repeatable?: boolean;
  perform: (ctx: ActionContext) => ActionResult | Promise<ActionResult>;
}
