import type { StateCreator } from 'zustand';
import type { AppState } from '../AppState.ts';

export type MessageLevel = 'info' | 'warning' | 'error';

/** A button a message offers: runs action `actionId` (with `value`) of the action registry. */
export interface MessageAction {
  label: string;
  actionId: string;
  value?: unknown;
}

export interface UiMessage {
  /** Increments per message, so that the same text shown twice is still a new message. */
  id: number;
  text: string;
  level: MessageLevel;
  action?: MessageAction;
}

/** Transient UI state that tools and actions drive (the panels render it). */
export interface UiSlice {
  ui: { helpOpen: boolean; message: UiMessage | null };
  setHelpOpen: (open: boolean) => void;
  toggleHelp: () => void;
  /** Shows a short message to the user (toast / status line). */
  showMessage: (text: string, level?: MessageLevel, action?: MessageAction) => void;
  dismissMessage: () => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  ui: { helpOpen: false, message: null },
  setHelpOpen: (helpOpen) => set((s) => ({ ui: { ...s.ui, helpOpen } })),
  toggleHelp: () => set((s) => ({ ui: { ...s.ui, helpOpen: !s.ui.helpOpen } })),
  showMessage: (text, level = 'info', action) =>
    set((s) => ({ ui: { ...s.ui, message: { id: (s.ui.message?.id ?? 0) + 1, text, level, ...(action ? { action } : {}) } } })),
  dismissMessage: () => set((s) => ({ ui: { ...s.ui, message: null } })),
});
