import { createContext, useContext } from 'react';
import type { Editor } from '../actions/createEditor.ts';

/** The page's editor (store + tools + actions), provided once at the root. */
export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor: no EditorContext provider');
  return editor;
}
