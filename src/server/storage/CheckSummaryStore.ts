import type { FrameCheckSummary } from '../../domain/api/wireTypes.ts';

/** An error a frame's check ended in, as stored: an HTTP error's fields, or a plain message. */
export type StoredCheckError = { status: number; error: string; detail: string; extra: Record<string, unknown> } | { message: string };

/** The result of one frame's check for the navigator: its counts, or the error it ended in. */
export type StoredCheckOutcome = { summary: FrameCheckSummary } | { error: StoredCheckError };

/** What `claim` found for one (frame, revision, dictionary version). */
export type CheckClaim =
  | { state: 'claimed' }
  | { state: 'done'; outcome: StoredCheckOutcome }
  /** Another process computes it; its claim lapses at `until` (epoch ms) if it never stores an outcome. */
  | { state: 'busy'; until: number };

/** A stored outcome with the revision and dictionary version it was computed for. */
export interface StoredCheckEntry {
  frameId: string;
  revision: number;
  dictionaryVersion: number;
  outcome: StoredCheckOutcome;
}

/**
 * Navigator check summaries shared by every replica on one database, so each (frame, revision,
 * dictionary version) is computed once: the first process claims it for a while, computes, and
 * stores the outcome; the others wait for it or, once the claim lapses (the claimer died), claim it.
 */
export interface CheckSummaryStore {
  /** Claims the computation for `ttlMs`, unless it is done or claimed by another process. */
  claim(frameId: string, revision: number, dictionaryVersion: number, ttlMs: number): Promise<CheckClaim>;
  /** Stores the outcome of a claimed computation (and forgets the frame's older outcomes). */
  store(frameId: string, revision: number, dictionaryVersion: number, outcome: StoredCheckOutcome): Promise<void>;
  /** Gives up a claim without an outcome (the pool was busy: nothing is known about the frame). */
  release(frameId: string, revision: number, dictionaryVersion: number): Promise<void>;
  /** The newest stored outcome of every frame. */
  listLatest(): Promise<StoredCheckEntry[]>;
}
