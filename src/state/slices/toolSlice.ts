import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';

/**
 * A mirror of the tool state machine, written only by `ToolManager`: which tool is active and the
 * path of its active state (`'select.translating'`). Switch tools through the tool actions or
 * `toolManager.setTool`, not by writing here.
 */
export interface ToolSlice {
  tool: { id: string; path: string };
  setToolPath: (path: string) => void;
}

export const createToolSlice: StateCreator<AppState, [], [], ToolSlice> = (set, get) => ({
  tool: { id: 'select', path: 'select.idle' },
  setToolPath: (path) => {
    if (get().tool.path === path) return;
    set({ tool: { id: path.split('.')[0], path } });
  },
});
