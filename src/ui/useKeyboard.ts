import { useEffect } from 'react';
import type { Editor } from '../actions/createEditor.ts';

/** Keyboard-first: every key press goes to the action registry (the same actions the buttons run). */
export function useKeyboard(editor: Editor): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => editor.actions.handleKeyDown(e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor]);
}
