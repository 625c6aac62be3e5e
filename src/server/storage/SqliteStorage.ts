import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FrameAnnotation, FrameStatus } from '../../domain/document/FrameAnnotation.ts';
import { migrateAnnotation } from '../../domain/document/migrations.ts';
import type {
  ActivityEntry,
  Assignment,
  AssignmentPatch,
  FrameState,
  RevisionInfo,
  RevisionSource,
  SaveAnnotationInput,
  SaveAnnotationResult,
  Storage,
} from './Storage.ts';
import { compactAutosaves, DEFAULT_AUTOSAVE_POLICY, type AutosavePolicy } from './revisionCompaction.ts';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './sqliteMigrations.ts';
import { SqliteUserStore } from './SqliteUserStore.ts';
import type { UserStore } from './UserStore.ts';

/** Open review flags of a frame sent back (rejected), read from its document: only those are parsed (rejected frames are few; a whole batch may wait in review). */
const OPEN_FLAGS_SQLITE = `CASE WHEN status = 'rejected' THEN (SELECT count(*) FROM json_each(doc, '$.flags') WHERE json_extract(value, '$.state') = 'open') ELSE 0 END AS open_flags`;

interface AnnotationRow {
  frame_id: string;
  revision: number;
  status: string;
  box_count: number;
  doc: string;
  label_dirty: number;
  updated_at: string;
  updated_by: string | null;
}

/**
 * `Storage` on one SQLite file (better-sqlite3, WAL, synchronous=FULL so that a committed save
 * survives a crash). Writes use `BEGIN IMMEDIATE`, so a CLI import running beside the server is
 * serialised by SQLite's lock rather than lost.
 */
export class SqliteStorage implements Storage {
  readonly file: string;
  readonly users: UserStore;
  /** How autosave revisions are compacted on each save (`revisionCompaction.ts`). */
  readonly autosaves: AutosavePolicy;
  private readonly db: Database.Database;

  private constructor(file: string, db: Database.Database, autosaves: AutosavePolicy) {
    this.file = file;
    this.db = db;
    this.autosaves = autosaves;
    this.users = new SqliteUserStore(db);
  }

  /**
   * Opens (creating if needed) the database at `file` (`':memory:'` for tests) and applies pending
   * schema migrations. `autosaves` bounds each frame's autosave history (default: the last 20 and
   * one per hour; review and import revisions are always kept).
   */
  static open(file: string, migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS, autosaves: AutosavePolicy = DEFAULT_AUTOSAVE_POLICY): SqliteStorage {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations);
    return new SqliteStorage(file, db, autosaves);
  }

  /** The applied schema versions, oldest first. */
  schemaVersions(): number[] {
    const rows = this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    return rows.map((r) => r.version);
  }

  async getAnnotation(frameId: string): Promise<FrameAnnotation | null> {
    const row = this.db.prepare('SELECT doc FROM annotations WHERE frame_id = ?').get(frameId) as { doc: string } | undefined;
    return row === undefined ? null : readDoc(row.doc);
  }

  async getRevision(frameId: string, revision: number): Promise<FrameAnnotation | null> {
    const row = this.db.prepare('SELECT doc FROM revisions WHERE frame_id = ? AND revision = ?').get(frameId, revision) as { doc: string } | undefined;
    return row === undefined ? null : readDoc(row.doc);
  }

  async listRevisions(frameId: string): Promise<RevisionInfo[]> {
    const rows = this.db.prepare('SELECT revision, saved_at, saved_by, source, box_count FROM revisions WHERE frame_id = ? ORDER BY revision').all(frameId) as {
      revision: number;
      saved_at: string;
      saved_by: string | null;
      source: string;
      box_count: number;
    }[];
    return rows.map((r) => ({
      revision: r.revision,
      savedAt: r.saved_at,
      savedBy: r.saved_by,
      source: r.source as RevisionSource,
      boxCount: r.box_count,
    }));
  }

  async saveAnnotation(input: SaveAnnotationInput): Promise<SaveAnnotationResult> {
    const run = this.db.transaction((): SaveAnnotationResult => {
      const frameId = input.doc.frameId;
      const row = this.db.prepare('SELECT revision, doc FROM annotations WHERE frame_id = ?').get(frameId) as { revision: number; doc: string } | undefined;
      const currentRevision = row?.revision ?? 0;
      if (currentRevision !== input.baseRevision) {
        return { ok: false, current: row === undefined ? null : readDoc(row.doc) };
      }
      const revision = currentRevision + 1;
      const at = new Date().toISOString();
      const doc: FrameAnnotation = { ...input.doc, revision };
      const text = JSON.stringify(doc);
      const boxCount = doc.cuboids.length;
      this.db
        .prepare(
          `INSERT INTO annotations (frame_id, revision, status, box_count, doc, label_dirty, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, 1, ?, ?)
           ON CONFLICT (frame_id) DO UPDATE SET revision = excluded.revision, status = excluded.status,
             box_count = excluded.box_count, doc = excluded.doc, label_dirty = 1,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(frameId, revision, doc.status, boxCount, text, at, input.user);
      this.db
        .prepare('INSERT INTO revisions (frame_id, revision, doc, box_count, source, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(frameId, revision, text, boxCount, input.source, at, input.user);
      if (input.source === 'save') compactAutosaves(this.db, frameId, revision, this.autosaves);
      if (input.assignment !== undefined) this.writeAssignment(frameId, input.assignment, at);
      this.insertActivity({
        at,
        user: input.user,
        action: input.action ?? input.source,
        frameId,
        revision,
        detail: { boxCount, status: doc.status, ...input.detail },
      });
      return { ok: true, doc };
    });
    return run.immediate();
  }

  async listFrameStates(): Promise<Map<string, FrameState>> {
    const rows = this.db
      .prepare(`SELECT frame_id, revision, status, box_count, label_dirty, updated_at, updated_by, ${OPEN_FLAGS_SQLITE} FROM annotations`)
      .all() as (Omit<AnnotationRow, 'doc'> & { open_flags: number })[];
    const states = new Map<string, FrameState>();
    for (const r of rows) {
      states.set(r.frame_id, {
        frameId: r.frame_id,
        revision: r.revision,
        status: r.status as FrameStatus,
        boxCount: r.box_count,
        openFlags: r.open_flags,
        labelDirty: r.label_dirty === 1,
        updatedAt: r.updated_at,
        updatedBy: r.updated_by,
      });
    }
    return states;
  }

  async listDirtyLabels(): Promise<string[]> {
    const rows = this.db.prepare('SELECT frame_id FROM annotations WHERE label_dirty = 1 ORDER BY frame_id').all() as { frame_id: string }[];
    return rows.map((r) => r.frame_id);
  }

  async markLabelWritten(frameId: string, revision: number): Promise<void> {
    this.db.prepare('UPDATE annotations SET label_dirty = 0 WHERE frame_id = ? AND revision = ?').run(frameId, revision);
  }

  async logActivity(entry: Omit<ActivityEntry, 'id' | 'at'> & { at?: string }): Promise<void> {
    this.insertActivity({ ...entry, at: entry.at ?? new Date().toISOString() });
  }

  async listActivity(query: { frameId?: string; limit?: number } = {}): Promise<ActivityEntry[]> {
    const limit = Math.max(1, Math.min(query.limit ?? 100, 10_000));
    const rows = (
      query.frameId === undefined
        ? this.db.prepare('SELECT * FROM activity ORDER BY id DESC LIMIT ?').all(limit)
        : this.db.prepare('SELECT * FROM activity WHERE frame_id = ? ORDER BY id DESC LIMIT ?').all(query.frameId, limit)
    ) as ActivityRow[];
    return rows.map(toActivity);
  }

  async listActivityRange(query: { from?: string; to?: string; frameId?: string } = {}): Promise<ActivityEntry[]> {
    const where: string[] = [];
    const args: string[] = [];
    if (query.from !== undefined) {
      where.push('at >= ?');
      args.push(query.from);
    }
    if (query.to !== undefined) {
      where.push('at <= ?');
      args.push(query.to);
    }
    if (query.frameId !== undefined) {
      where.push('frame_id = ?');
      args.push(query.frameId);
    }
    const sql = `SELECT * FROM activity${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at, id`;
    return (this.db.prepare(sql).all(...args) as ActivityRow[]).map(toActivity);
  }

  async getAssignment(frameId: string): Promise<Assignment> {
    const row = this.db.prepare('SELECT annotator, reviewer FROM assignments WHERE frame_id = ?').get(frameId) as
      { annotator: string | null; reviewer: string | null } | undefined;
    return { frameId, annotator: row?.annotator ?? null, reviewer: row?.reviewer ?? null };
  }

  async setAssignment(frameId: string, patch: AssignmentPatch, user: string | null): Promise<Assignment> {
    const run = this.db.transaction((): Assignment => {
      const at = new Date().toISOString();
      const next = this.writeAssignment(frameId, patch, at);
      this.insertActivity({ at, user, action: 'assign', frameId, revision: null, detail: { ...patch } });
      return next;
    });
    return run.immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private writeAssignment(frameId: string, patch: AssignmentPatch, at: string): Assignment {
    const row = this.db.prepare('SELECT annotator, reviewer FROM assignments WHERE frame_id = ?').get(frameId) as
      { annotator: string | null; reviewer: string | null } | undefined;
    const next: Assignment = {
      frameId,
      annotator: patch.annotator !== undefined ? patch.annotator : (row?.annotator ?? null),
      reviewer: patch.reviewer !== undefined ? patch.reviewer : (row?.reviewer ?? null),
    };
    this.db
      .prepare(
        `INSERT INTO assignments (frame_id, annotator, reviewer, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (frame_id) DO UPDATE SET annotator = excluded.annotator, reviewer = excluded.reviewer, updated_at = excluded.updated_at`,
      )
      .run(frameId, next.annotator, next.reviewer, at);
    return next;
  }

  private insertActivity(entry: Omit<ActivityEntry, 'id'>): void {
    this.db
      .prepare('INSERT INTO activity (at, user, action, frame_id, revision, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.user, entry.action, entry.frameId, entry.revision, JSON.stringify(entry.detail));
  }
}

interface ActivityRow {
  id: number;
  at: string;
  user: string | null;
  action: string;
  frame_id: string | null;
  revision: number | null;
  detail: string;
}

function toActivity(r: ActivityRow): ActivityEntry {
  return {
    id: r.id,
    at: r.at,
    user: r.user,
    action: r.action,
    frameId: r.frame_id,
    revision: r.revision,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}

function readDoc(text: string): FrameAnnotation {
  return migrateAnnotation(JSON.parse(text) as Record<string, unknown>) as unknown as FrameAnnotation;
}

function applyMigrations(db: Database.Database, migrations: readonly SqliteMigration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(`SqliteStorage: database schema version ${newest} is newer than this version of Cuboid understands (${known})`);
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}
