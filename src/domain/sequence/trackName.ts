const NUMBERED = /^t(\d+)-.+$/;

/**
 * How a track is named for people: `t23-ugv8le` → "Track 23"; any other id → "Track " and its
 * first 8 characters. Show the full id beside it where two tracks could share a short name.
 */
export function trackName(trackId: string): string {
  const n = trackNumberOf(trackId);
  return n !== null ? `Track ${n}` : `Track ${trackId.slice(0, 8)}`;
}

/** The number of a track the app numbered (`t23-ugv8le` → 23), or null for any other id (or none). */
export function trackNumberOf(trackId: string | null): number | null {
  const m = trackId === null ? null : NUMBERED.exec(trackId);
  return m ? Number(m[1]) : null;
}
