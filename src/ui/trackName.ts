const NUMBERED = /^t(\d+)-.+$/;

/**
 * How the UI names a track for people: `t23-ugv8le` → "Track 23"; any other id → its first 8
 * characters. Show the full id in a tooltip, since two tracks may share a short name.
 */
export function trackName(trackId: string): string {
  const m = NUMBERED.exec(trackId);
  return m ? `Track ${Number(m[1])}` : trackId.slice(0, 8);
}
