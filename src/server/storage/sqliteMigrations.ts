/** One versioned schema change of `cuboid.db`. Applied in order, each in its own transaction. */
export interface SqliteMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema history of `.cuboid/cuboid.db`. Never edit an applied entry: append a new version.
 * Later issues add users, review flags and metrics tables here.
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'annotations, revisions, activity',
    sql: `
      CREATE TABLE annotations (
        frame_id    TEXT PRIMARY KEY,
        revision    INTEGER NOT NULL,
        status      TEXT NOT NULL,
        box_count   INTEGER NOT NULL,
        doc         TEXT NOT NULL,
        label_dirty INTEGER NOT NULL DEFAULT 1,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT
      );
      CREATE TABLE revisions (
        frame_id  TEXT NOT NULL,
        revision  INTEGER NOT NULL,
        doc       TEXT NOT NULL,
        box_count INTEGER NOT NULL,
        source    TEXT NOT NULL,
        saved_at  TEXT NOT NULL,
        saved_by  TEXT,
        PRIMARY KEY (frame_id, revision)
      );
      CREATE TABLE activity (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        at       TEXT NOT NULL,
        user     TEXT,
        action   TEXT NOT NULL,
        frame_id TEXT,
        revision INTEGER,
        detail   TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX activity_frame ON activity (frame_id, id);
      CREATE INDEX annotations_dirty ON annotations (label_dirty) WHERE label_dirty = 1;
    `,
  },
  {
    version: 2,
    name: 'users, sessions, review assignments',
    sql: `
      CREATE TABLE users (
        name         TEXT PRIMARY KEY,
        role         TEXT NOT NULL CHECK (role IN ('annotator', 'reviewer', 'lead')),
        token_lookup TEXT NOT NULL UNIQUE,
        token_hash   TEXT NOT NULL,
        created_at   TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id_hash    TEXT PRIMARY KEY,
        user_name  TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_name);
      CREATE TABLE assignments (
        frame_id   TEXT PRIMARY KEY,
        annotator  TEXT,
        reviewer   TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX activity_at ON activity (at);
    `,
  },
];
