const NUMBERED = /^t(\d+)-.+$/;

/**
 * How a track is named for people: `t23-ugv8le` → "Track 23"; any other id → "Track " and its
 * first 8 characters. Show the full id beside it where two tracks could share a short name.
 */
export function trackName(trackId: string): string {
  const m = NUMBERED.exec(trackId);
  return m ? `Track ${Number(m[1])}` : `Track ${trackId.slice(0, 8)}`;
}
