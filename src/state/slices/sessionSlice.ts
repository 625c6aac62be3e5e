import type { StateCreator } from 'zustand';
import type { Role } from '../../domain/review/Role.ts';
import type { AppState } from '../AppState.ts';

/** `single` = no login needed (everyone a lead); `auth` = log in; `locked` = the server has no users. */
export type SessionMode = 'single' | 'auth' | 'locked';

/** Who is using the page. `mode` null until the server answered. */
export interface SessionState {
  status: 'loading' | 'ready' | 'error';
  mode: SessionMode | null;
  user: { name: string; role: Role } | null;
  /** Why the server could not be asked (status `error`). */
  error: string | null;
  /** Why the last login failed. */
  loginError: string | null;
  busy: boolean;
}

/** The page's session: outlives a logout and is never part of the undo history. */
export interface SessionSlice {
  session: SessionState;
  setSession: (patch: Partial<SessionState>) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: { status: 'loading', mode: null, user: null, error: null, loginError: null, busy: false },
  setSession: (patch) => set((s) => ({ session: { ...s.session, ...patch } })),
});

/** Whether the user may edit the SOP (a lead, or anyone on a single-user server). */
/** A signed-in reviewer: reviews, never edits boxes (the review panel leads their right column). */
export const selectIsReviewer = (s: AppState): boolean => s.session.mode === 'auth' && s.session.user?.role === 'reviewer';
export const selectIsLead = (s: AppState): boolean => s.session.mode === 'single' || s.session.user?.role === 'lead';
