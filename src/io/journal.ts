import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import { migrateAnnotation } from '../domain/document/migrations.ts';

/** The part of `localStorage` the journal uses (tests pass a Map-backed fake). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Unsaved work of one frame. */
export interface JournalEntry {
  frameId: string;
  /** Server revision the work started from (the base its save must name). */
  baseRevision: number;
  doc: FrameAnnotation;
  /** Clock time (ms) of the write. */
  writtenAt: number;
}

/** A local version the user set aside by taking the server's version in a conflict. */
export interface RecoveryEntry {
  frameId: string;
  doc: FrameAnnotation;
  writtenAt: number;
}

/**
 * A local write-ahead journal of unsaved annotation work, one key per dataset and frame
 * (`cuboid:journal:<dataset>:<frame>`), plus a recovery slot per frame
 * (`cuboid:recovery:<dataset>:<frame>`). Writes are synchronous (localStorage), so a reload or
 * crash right after an edit still finds it. Corrupt or foreign values read as absent; a full
 * storage makes `write` return false instead of throwing.
 */
export interface Journal {
  write(entry: JournalEntry): boolean;
  read(frameId: string): JournalEntry | null;
  clear(frameId: string): void;
  writeRecovery(entry: RecoveryEntry): boolean;
  readRecovery(frameId: string): RecoveryEntry | null;
  clearRecovery(frameId: string): void;
}

const FORMAT = 1;

function looksLikeDoc(value: unknown, frameId: string): value is FrameAnnotation {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<FrameAnnotation>;
  return d.frameId === frameId && Array.isArray(d.cuboids) && typeof d.revision === 'number';
}

/** A journalled document brought to the current schema (work journalled before an upgrade), or null. */
function upgrade(doc: FrameAnnotation): FrameAnnotation | null {
  try {
    return migrateAnnotation(doc as unknown as Record<string, unknown>) as unknown as FrameAnnotation;
  } catch {
    return null;
  }
}

function parse(raw: string | null): Record<string, unknown> | null {
  if (raw === null) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === FORMAT ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Builds the journal of dataset `datasetId` over `storage`. */
export function createJournal(storage: KeyValueStorage, datasetId: string): Journal {
  const key = (kind: string, frameId: string) => `cuboid:${kind}:${datasetId}:${frameId}`;
  const put = (k: string, value: object): boolean => {
    try {
      storage.setItem(k, JSON.stringify({ format: FORMAT, ...value }));
      return true;
    } catch {
      return false;
    }
  };
  const remove = (k: string) => {
    try {
      storage.removeItem(k);
    } catch {
      // A storage that cannot remove cannot hold anything stale either; nothing to do.
    }
  };
  return {
    write: (entry) => put(key('journal', entry.frameId), entry),
    read: (frameId) => {
      const v = parse(storage.getItem(key('journal', frameId)));
      if (!v || typeof v.baseRevision !== 'number' || typeof v.writtenAt !== 'number' || !looksLikeDoc(v.doc, frameId)) return null;
      const doc = upgrade(v.doc);
      return doc && { frameId, baseRevision: v.baseRevision, doc, writtenAt: v.writtenAt };
    },
    clear: (frameId) => remove(key('journal', frameId)),
    writeRecovery: (entry) => put(key('recovery', entry.frameId), entry),
    readRecovery: (frameId) => {
      const v = parse(storage.getItem(key('recovery', frameId)));
      if (!v || typeof v.writtenAt !== 'number' || !looksLikeDoc(v.doc, frameId)) return null;
      const doc = upgrade(v.doc);
      return doc && { frameId, doc, writtenAt: v.writtenAt };
    },
    clearRecovery: (frameId) => remove(key('recovery', frameId)),
  };
}

/** A `KeyValueStorage` in memory (for tests, or when localStorage is unavailable). */
export function createMemoryStorage(): KeyValueStorage & { readonly size: number; keys(): string[] } {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    get size() {
      return map.size;
    },
    keys: () => [...map.keys()],
  };
}
