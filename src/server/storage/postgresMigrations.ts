/** One versioned schema change of the PostgreSQL database. Applied in order, each in its own transaction. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema history of a team's PostgreSQL database (`cuboid serve --db URL`, `cuboid db migrate`).
 * Never edit an applied entry: append a new version. It holds what `.cuboid/cuboid.db` holds in the
 * embedded mode (`sqliteMigrations.ts`), with PostgreSQL types: instants are `timestamptz` (written
 * and read back as ISO-8601 UTC with milliseconds), documents and activity details are the same
 * JSON text as in SQLite (`text`, not `jsonb`, so that a document reads back byte for byte and a
 * detail holding `\u0000` is stored as SQLite stores it). The activity column `user` is `actor`
 * here (`user` is a reserved word).
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'annotations, revisions, activity, users, sessions, review assignments',
    sql: `
      CREATE TABLE annotations (
        frame_id    text PRIMARY KEY,
        revision    integer NOT NULL CHECK (revision > 0),
        status      text NOT NULL,
        box_count   integer NOT NULL,
        doc         text NOT NULL,
        label_dirty boolean NOT NULL DEFAULT true,
        updated_at  timestamptz NOT NULL,
        updated_by  text
      );
      CREATE INDEX annotations_dirty ON annotations (frame_id) WHERE label_dirty;
      CREATE TABLE revisions (
        frame_id  text NOT NULL,
        revision  integer NOT NULL,
        doc       text NOT NULL,
        box_count integer NOT NULL,
        source    text NOT NULL,
        saved_at  timestamptz NOT NULL,
        saved_by  text,
        PRIMARY KEY (frame_id, revision)
      );
      CREATE TABLE activity (
        id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at       timestamptz NOT NULL,
        actor    text,
        action   text NOT NULL,
        frame_id text,
        revision integer,
        detail   text NOT NULL DEFAULT '{}'
      );
      CREATE INDEX activity_frame ON activity (frame_id, id);
      CREATE INDEX activity_at ON activity (at, id);
      CREATE TABLE users (
        name         text PRIMARY KEY,
        role         text NOT NULL CHECK (role IN ('annotator', 'reviewer', 'lead')),
        token_lookup text NOT NULL UNIQUE,
        token_hash   text NOT NULL,
        created_at   timestamptz NOT NULL
      );
      CREATE TABLE sessions (
        id_hash    text PRIMARY KEY,
        user_name  text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_name);
      CREATE INDEX sessions_expiry ON sessions (expires_at);
      CREATE TABLE assignments (
        frame_id   text PRIMARY KEY,
        annotator  text,
        reviewer   text,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'navigator check summaries shared by every replica',
    sql: `
      CREATE TABLE check_summaries (
        frame_id           text NOT NULL,
        revision           integer NOT NULL,
        dictionary_version integer NOT NULL,
        outcome            text,
        claimed_until      timestamptz,
        computed_at        timestamptz,
        PRIMARY KEY (frame_id, revision, dictionary_version)
      );
    `,
  },
  {
    version: 3,
    name: 'the edge-case dictionary shared by every replica',
    sql: `
      CREATE TABLE edge_case_dictionary (
        id       smallint PRIMARY KEY CHECK (id = 1),
        version  integer NOT NULL,
        body     text NOT NULL,
        saved_at timestamptz NOT NULL
      );
    `,
  },
];
