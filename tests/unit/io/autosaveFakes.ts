import { ApiError } from '../../../src/io/apiClient.ts';
import type { AutosaveClock, SaveTarget } from '../../../src/io/autosave.ts';
import type { FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import { emptyAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';

/** A manual clock: timers fire only inside `advance`. */
export class FakeClock implements AutosaveClock {
  t = 1_000_000;
  private next = 1;
  private timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  pending(): number {
    return this.timers.size;
  }
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | null = null;
      for (const e of this.timers) if (e[1].at <= end && (!due || e[1].at < due[1].at)) due = e;
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
}

/** An in-memory server with the revision protocol (409 on a stale base). */
export class FakeServer implements SaveTarget {
  docs = new Map<string, FrameAnnotation>();
  calls: { frameId: string; baseRevision: number; doc: FrameAnnotation }[] = [];
  /** When set, the next save throws this (then it is cleared). */
  failNext: (Error & { status?: number }) | null = null;

  current(frameId: string): FrameAnnotation {
    return this.docs.get(frameId) ?? emptyAnnotation(frameId);
  }

  /** Someone else saves the frame. */
  saveAsOther(doc: FrameAnnotation): FrameAnnotation {
    const saved = { ...doc, revision: this.current(doc.frameId).revision + 1 };
    this.docs.set(doc.frameId, saved);
    return saved;
  }

  async saveAnnotation(frameId: string, doc: FrameAnnotation, baseRevision: number) {
    this.calls.push({ frameId, baseRevision, doc });
    await Promise.resolve();
    if (this.failNext) {
      const err = this.failNext;
      this.failNext = null;
      throw err;
    }
    const cur = this.current(frameId);
    if (cur.revision !== baseRevision) return { ok: false as const, conflict: true as const, current: cur };
    const saved = { ...doc, revision: cur.revision + 1 };
    this.docs.set(frameId, saved);
    return { ok: true as const, doc: saved };
  }
}

export function httpError(status: number, message: string): ApiError {
  return new ApiError(status, status === 0 ? 'network' : 'invalid_annotation', message);
}
