import type { AppState } from '../state/AppState.ts';
import type { Action, ActionGroup } from './Action.ts';
import { DEFAULT_ACTIONS } from './defaultActions.ts';
import { formatKeySpec } from './keyMatching.ts';

/** One row of the `?` overlay. */
export interface ShortcutInfo {
  id: string;
  label: string;
  group: ActionGroup;
  /** Raw key specs (`'ctrl+z'`). */
  keys: string[];
  /** The same for display (`'Ctrl+Z'`). */
  display: string[];
  /** Whether the action can run in `state`. */
  enabled: boolean;
}

/**
 * The rows of the `?` overlay: every action with keys, in registration order, with labels
 * resolved against `state` (class names come from the palette), but those `unlisted` now.
 */
export function listShortcuts(state: AppState, actions: readonly Action[] = DEFAULT_ACTIONS): ShortcutInfo[] {
  return actions
    .filter((a) => a.keys.length > 0 && a.unlisted?.(state) !== true)
    .map((a) => ({
      id: a.id,
      label: typeof a.label === 'function' ? a.label(state) : a.label,
      group: a.group,
      keys: [...a.keys],
      display: a.keys.map(formatKeySpec),
      enabled: a.predicate?.(state) ?? true,
    }));
}
