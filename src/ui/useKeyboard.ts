import { useEffect } from 'react';
import type { Editor } from '../actions/createEditor.ts';
import { fieldKeyOutcome, fieldKindOf } from './fieldKeys.ts';
import { focusViewport } from './focusViewport.ts';

/**
 * Keyboard-first: every key press goes to the action registry (the same actions the buttons run).
 * Keys typed into a form field stay there, except (see `fieldKeyOutcome`): Enter and Esc hand the
 * keyboard back to the viewport once the field has committed or reverted, and a shortcut the field
 * cannot take (a letter in a number field, a key in a drop-down) makes the field let go and runs.
 * A drop-down hands the keyboard back once an option is picked, a button once it is clicked with the
 * mouse. Dialogs stop their own keys
 * before they reach `window`.
 */
export function useKeyboard(editor: Editor): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const kind = fieldKindOf(e.target);
      if (kind === null) {
        editor.actions.handleKeyDown(e);
        return;
      }
      const field = e.target as Element;
      const outcome = fieldKeyOutcome(kind, e, editor.actions.findActionForKey(e) !== undefined);
      if (outcome === 'release') {
        // After the field's own Enter / Esc handling and the form's submit, which follow this listener.
        window.setTimeout(() => focusViewport(field), 0);
      } else if (outcome === 'shortcut') {
        e.preventDefault();
        focusViewport(field);
        const { key, shiftKey, ctrlKey, altKey, metaKey, repeat } = e;
        editor.actions.handleKeyDown({ key, shiftKey, ctrlKey, altKey, metaKey, repeat, target: null, preventDefault: () => undefined });
      }
    };
    const onChange = (e: Event) => {
      if (fieldKindOf(e.target) !== 'select' || (e.target as Element).closest('[data-modal]')) return;
      focusViewport(e.target as Element);
    };
    // A button clicked with the mouse keeps no focus: Space or Enter would press it again behind
    // the shortcut (Space fits at the cursor, and would also resubmit a "Submit" clicked before).
    const onClick = (e: MouseEvent) => {
      if (e.detail === 0 || !(e.target instanceof Element)) return;
      const button = e.target.closest('button');
      if (button === null || button.closest('[data-modal]') !== null) return;
      focusViewport(button);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('change', onChange);
    window.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('change', onChange);
      window.removeEventListener('click', onClick);
    };
  }, [editor]);
}
