import { useEffect, type RefObject } from 'react';
import type { Editor } from '../actions/createEditor.ts';
import { fieldKeyOutcome, fieldKindOf } from './fieldKeys.ts';
import { focusViewport } from './focusViewport.ts';

interface KeyboardHandlers {
  keydown: (e: KeyboardEvent) => void;
  change: (e: Event) => void;
  click: (e: MouseEvent) => void;
}

/**
 * Keyboard-first: every key press goes to the action registry (the same actions the buttons run).
 * Keys typed into a form field stay there, except (see `fieldKeyOutcome`): Enter and Esc hand the
 * keyboard back to the viewport of `root` once the field has committed or reverted, a shortcut
 * the field cannot take (a letter on a slider, a key in a drop-down) makes the field let go and
 * runs, and a letter typed into a number field is dropped (a typo mid-entry runs nothing). A drop-down hands the keyboard back once an option is picked, a checkbox once
 * it is toggled, a button once it is clicked with the mouse; a key pressed on a checkbox runs its shortcut. Dialogs stop their own keys before they reach the editor.
 */
function keyboardHandlers(editor: Editor, root: () => HTMLElement | null): KeyboardHandlers {
  return {
    keydown: (e) => {
      // A dialog handles (and stops) its own keys; they pass the editor's element on their way up.
      if (e.target instanceof Element && e.target.closest('[data-modal]')) return;
      const kind = fieldKindOf(e.target);
      if (kind === null) {
        editor.actions.handleKeyDown(e);
        return;
      }
      const field = e.target as Element;
      const outcome = fieldKeyOutcome(kind, e, editor.actions.findActionForKey(e) !== undefined);
      if (outcome === 'release') {
        // After the field's own Enter / Esc handling and the form's submit, which follow this listener.
        window.setTimeout(() => focusViewport(field, root()), 0);
      } else if (outcome === 'ignore') {
        e.preventDefault();
      } else if (outcome === 'shortcut') {
        e.preventDefault();
        focusViewport(field, root());
        const { key, shiftKey, ctrlKey, altKey, metaKey, repeat } = e;
        editor.actions.handleKeyDown({ key, shiftKey, ctrlKey, altKey, metaKey, repeat, target: null, preventDefault: () => undefined });
      }
    },
    // A drop-down, checkbox or radio changed (with the mouse, mostly) hands the keyboard back:
    // Space would toggle the box again behind the shortcut (a fit at the cursor).
    change: (e) => {
      if ((fieldKindOf(e.target) !== 'select' && !isToggle(e.target)) || (e.target as Element).closest('[data-modal]')) return;
      focusViewport(e.target as Element, root());
    },
    // A button clicked with the mouse keeps no focus: Space or Enter would press it again behind
    // the shortcut (Space fits at the cursor, and would also resubmit a "Submit" clicked before).
    click: (e) => {
      if (e.detail === 0 || !(e.target instanceof Element)) return;
      const button = e.target.closest('button');
      if (button === null || button.closest('[data-modal]') !== null) return;
      focusViewport(button, root());
    },
  };
}

/** A checkbox or a radio button. */
function isToggle(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio');
}

/** Events the editor's own element has handled (`useKeyboard`), so the page's listener (`usePageKeys`) does not handle them again. */
const seenInside = new WeakSet<Event>();

/** The editor's keys, listened to on its own element `rootRef` (never on `window`). */
export function useKeyboard(editor: Editor, rootRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = rootRef.current;
    if (!el) return undefined;
    const h = keyboardHandlers(editor, () => rootRef.current);
    const keydown = (e: KeyboardEvent) => {
      seenInside.add(e);
      h.keydown(e);
    };
    const change = (e: Event) => {
      seenInside.add(e);
      h.change(e);
    };
    const click = (e: MouseEvent) => {
      seenInside.add(e);
      h.click(e);
    };
    el.addEventListener('keydown', keydown);
    el.addEventListener('change', change);
    el.addEventListener('click', click);
    return () => {
      el.removeEventListener('keydown', keydown);
      el.removeEventListener('change', change);
      el.removeEventListener('click', click);
    };
  }, [editor, rootRef]);
}

/**
 * For a host that gives the whole page to one editor (the app): keys pressed with the focus outside
 * the editor's element (on the page body, or in a panel portalled to `document.body`) go to it too.
 */
export function usePageKeys(editor: Editor, rootRef: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const h = keyboardHandlers(editor, () => rootRef.current);
    // Handled inside already: its target may have left the page since (D re-renders the checks
    // panel, removing a focused section header), and would then look outside: D ran twice.
    const outside = (e: Event) => !seenInside.has(e) && !(e.target instanceof Node && rootRef.current?.contains(e.target));
    const keydown = (e: KeyboardEvent) => outside(e) && h.keydown(e);
    const change = (e: Event) => outside(e) && h.change(e);
    const click = (e: MouseEvent) => outside(e) && h.click(e);
    window.addEventListener('keydown', keydown);
    window.addEventListener('change', change);
    window.addEventListener('click', click);
    return () => {
      window.removeEventListener('keydown', keydown);
      window.removeEventListener('change', change);
      window.removeEventListener('click', click);
    };
  }, [editor, rootRef, enabled]);
}
