import { useEffect } from 'react';
import type { Editor } from '../actions/createEditor.ts';
import { appStore } from '../state/appStore.ts';

/**
 * Keyboard-first: every key press goes to the action registry (the same actions the buttons run);
 * Escape cancels the current gesture; T toggles the main view between 3D and top.
 */
export function useKeyboard(editor: Editor): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const editable = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
      if (e.key === 'Escape' && !editable) {
        if (appStore.getState().ui.helpOpen) appStore.getState().setHelpOpen(false);
        else editor.tools.handle({ type: 'cancel' });
        return;
      }
      if (!editable && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 't' || e.key === 'T')) {
        const s = appStore.getState();
        s.setMainMode(s.view.mainMode === 'top' ? 'perspective' : 'top');
        e.preventDefault();
        return;
      }
      editor.actions.handleKeyDown(e);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor]);
}
