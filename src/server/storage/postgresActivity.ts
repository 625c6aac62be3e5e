import type pg from 'pg';
import type { ActivityEntry } from './Storage.ts';

/** A pool or a client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/** Appends one entry to the activity log. */
export async function insertActivity(c: Queryable, entry: Omit<ActivityEntry, 'id'>): Promise<void> {
  await c.query('INSERT INTO activity (at, actor, action, frame_id, revision, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
    entry.at,
    entry.user,
    entry.action,
    entry.frameId,
    entry.revision,
    JSON.stringify(entry.detail),
  ]);
}

/** The activity table's columns, in `ActivityRow`'s order. */
export const ACTIVITY_COLUMNS = 'id, at, actor, action, frame_id, revision, detail';

export interface ActivityRow {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  frame_id: string | null;
  revision: number | null;
  detail: string;
}

/** A row of the activity table as the storage API's entry. */
export function toActivity(r: ActivityRow): ActivityEntry {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    user: r.actor,
    action: r.action,
    frameId: r.frame_id,
    revision: r.revision,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}
