import type { AppState } from '../state/AppState.ts';
import { selectIsInteracting } from '../state/selectors.ts';
import type { Action, ActionContext, ActionResult, KeyInput } from './Action.ts';
import { matchesKey, parseKeySpec, type KeySpec } from './keyMatching.ts';
import { listShortcuts, type ShortcutInfo } from './listShortcuts.ts';
import { joinsLastStep, repeatMemo, type RepeatMemo } from './repeatStep.ts';

export type { ShortcutInfo };

/** A keyboard event as `handleKeyDown` reads it; a DOM `KeyboardEvent` fits. */
export interface KeyDownEvent extends KeyInput {
  target?: unknown;
  repeat?: boolean;
  preventDefault?: () => void;
}

function isEditableTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const t = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown };
  const tag = typeof t.tagName === 'string' ? t.tagName.toUpperCase() : '';
  // A checkbox, radio or button takes no typing: shortcuts run from it (Space fits, D steps).
  if (tag === 'INPUT' && typeof t.type === 'string' && NOT_TYPED.has(t.type.toLowerCase())) return false;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t.isContentEditable === true;
}

/** Input types that take no typed text. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/**
 * The command registry (after excalidraw's ActionManager). Holds the actions, runs them
 * (`executeAction`), maps key presses to them (`handleKeyDown`) and lists shortcuts for the help
 * overlay (`listShortcuts`).
 */
export class ActionRegistry {
  private actions = new Map<string, { action: Action; specs: KeySpec[] }>();
  /** The last `repeatable` action applied (its target: the selection). */
  private lastRepeat: RepeatMemo | null = null;

  constructor(
    private readonly ctx: Omit<ActionContext, 'input' | 'value'>,
    actions: readonly Action[] = [],
  ) {
    for (const a of actions) this.register(a);
  }

  register(action: Action): void {
    if (this.actions.has(action.id)) throw new Error(`ActionRegistry: duplicate action id "${action.id}"`);
    this.actions.set(action.id, { action, specs: action.keys.map(parseKeySpec) });
  }

  get(id: string): Action | undefined {
    return this.actions.get(id)?.action;
  }

  list(): Action[] {
    return [...this.actions.values()].map((e) => e.action);
  }

  /** Whether action `id` exists and its predicate passes now. */
  isEnabled(id: string): boolean {
    const action = this.get(id);
    return action !== undefined && (action.predicate?.(this.ctx.store.getState()) ?? true);
  }

  /**
   * Runs action `id` if its predicate passes. A returned `docChange` is applied as one undo step;
   * async work is tracked by the tool manager (`tools.settle()` awaits it). `value` is passed to
   * actions that take one (see `updateCuboid`). Returns whether the action ran.
   */
  executeAction(id: string, input?: KeyInput, value?: unknown): boolean {
    const action = this.get(id);
    if (!action) throw new Error(`ActionRegistry: unknown action "${id}"`);
    if (!this.isEnabled(id)) return false;
    const ctx: ActionContext = { ...this.ctx, input, value };
    const result = action.perform(ctx);
    if (result instanceof Promise) {
      this.ctx.tools.track(result.then((r) => this.apply(r)));
    } else {
      this.apply(result, action);
    }
    return true;
  }

  /**
   * Runs action `id` (with `value`) and waits for it: true when it ran and did not report a failure
   * (`ok: false`), false when its predicate refused it. For panels that act on the outcome.
   */
  async run(id: string, value?: unknown): Promise<boolean> {
    const action = this.get(id);
    if (!action) throw new Error(`ActionRegistry: unknown action "${id}"`);
    if (!this.isEnabled(id)) return false;
    const outcome = action.perform({ ...this.ctx, value });
    const tracked = Promise.resolve(outcome).then((r) => {
      this.apply(r);
      return r;
    });
    this.ctx.tools.track(tracked);
    const result = await tracked;
    return result?.ok ?? true;
  }

  /**
   * Applies a result's document change as one undo step, or, for a `repeatable` action pressed
   * again within `REPEAT_WINDOW_MS` on the same selection with nothing else changing the document
   * in between, as part of the previous press's step (zundo's history paused while it applies).
   */
  private apply(result: ActionResult, action?: Action): void {
    if (!result?.docChange) return;
    const state = this.ctx.store.getState();
    const now = Date.now();
    const selection = state.selectedIds.join('\n');
    const join = joinsLastStep(this.lastRepeat, action, selection, state.doc, now);
    const history = this.ctx.store.temporal.getState();
    if (join) history.pause();
    try {
      state.applyDocChange(result.docChange);
    } finally {
      if (join) history.resume();
    }
    this.lastRepeat = repeatMemo(action, selection, this.ctx.store.getState().doc, now);
  }

  /** The enabled action a key press maps to, if any. */
  findActionForKey(input: KeyInput): Action | undefined {
    for (const { action, specs } of this.actions.values()) {
      if (specs.some((s) => matchesKey(s, input)) && this.isEnabled(action.id)) return action;
    }
    return undefined;
  }

  /**
   * The app's keydown handler. Ignores keys typed into inputs. Escape closes the help overlay,
   * else cancels the current gesture (or clears the selection). While a drag is in progress every
   * key goes to the tool only. Otherwise the first enabled matching action runs (and the event's
   * default is prevented); unmatched keys go to the active tool. Returns whether it was handled.
   */
  handleKeyDown(event: KeyDownEvent): boolean {
    if (isEditableTarget(event.target)) return false;
    const state = this.ctx.store.getState();
    if (event.key === 'Escape') {
      if (state.ui.helpOpen) state.setHelpOpen(false);
      else this.ctx.tools.handle({ type: 'cancel' });
      event.preventDefault?.();
      return true;
    }
    const mods = { shiftKey: event.shiftKey, altKey: event.altKey, ctrlKey: event.ctrlKey || event.metaKey === true };
    if (selectIsInteracting(state)) {
      this.ctx.tools.handle({ type: 'key_down', key: event.key, ...mods });
      return false;
    }
    const action = this.findActionForKey(event);
    if (!action) {
      this.ctx.tools.handle({ type: 'key_down', key: event.key, ...mods });
      return false;
    }
    event.preventDefault?.();
    this.executeAction(action.id, event);
    return true;
  }

  /** Every action that has keys, for the `?` overlay, in registration order. */
  listShortcuts(state: AppState = this.ctx.store.getState()): ShortcutInfo[] {
    return listShortcuts(state, this.list());
  }
}
