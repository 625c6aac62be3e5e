import { useEffect, useMemo } from 'react';
import { listTracks } from '../domain/sequence/tracks.ts';
import { useAppStore, useEditor } from '../render/EditorContext.ts';
import { classColor } from '../render/classColors.ts';
import { plural } from './plural.ts';
import { trackName } from '../domain/sequence/trackName.ts';

/**
 * Every track of the sequence with the frames it has boxes in. Picking a track selects its box in
 * the open frame and draws its boxes across frames in the main view (trajectory); picking a frame
 * opens it with the track's box selected.
 */
export function TracksPanel() {
  const open = useAppStore((s) => s.tracks.panelOpen);
  const status = useAppStore((s) => s.tracks.status);
  const frames = useAppStore((s) => s.tracks.frames);
  const selected = useAppStore((s) => s.tracks.selectedTrackId);
  const doc = useAppStore((s) => s.doc);
  const setTracks = useAppStore((s) => s.setTracks);
  const select = useAppStore((s) => s.select);
  const editor = useEditor();

  useEffect(() => {
    if (open) void editor.actions.run('reloadTracks');
  }, [editor, open, doc?.frameId]);

  // The open frame's boxes come from the live document, so edits show at once.
  const merged = useMemo(() => frames.map((f) => (doc && f.frameId === doc.frameId ? { ...f, cuboids: doc.cuboids } : f)), [frames, doc]);
  const tracks = useMemo(() => listTracks(merged), [merged]);
  // Two tracks can share a number (ids from different sessions): tell them apart by the id's end.
  const shortNames = useMemo(() => {
    const count = new Map<string, number>();
    for (const t of tracks) count.set(trackName(t.trackId), (count.get(trackName(t.trackId)) ?? 0) + 1);
    return new Map(
      tracks.map((t) => [
        t.trackId,
        (count.get(trackName(t.trackId)) ?? 0) > 1 ? `${trackName(t.trackId)} (${t.trackId.split('-').pop()?.slice(0, 4) ?? ''})` : trackName(t.trackId),
      ]),
    );
  }, [tracks]);

  const pickTrack = (trackId: string) => {
    setTracks({ selectedTrackId: trackId });
    const box = doc?.cuboids.find((c) => c.trackId === trackId);
    if (box) select([box.id]);
  };
  const pickFrame = async (trackId: string, frameId: string) => {
    setTracks({ selectedTrackId: trackId });
    await editor.actions.run('openFrame', frameId);
    const box = editor.store.getState().doc?.cuboids.find((c) => c.trackId === trackId);
    if (box) select([box.id]);
  };

  return (
    <section className="panel tracks" aria-label="Tracks" data-testid="tracks-panel">
      <h2>
        <button type="button" className="disclosure" onClick={() => setTracks({ panelOpen: !open })}>
          {open ? '▾' : '▸'} Tracks
        </button>{' '}
        <span className="muted">{open ? (status === 'loading' ? 'loading…' : `${tracks.length}`) : ''}</span>
      </h2>
      {open ? (
        <ul className="track-list">
          {tracks.map((t) => (
            <li key={t.trackId} className={t.trackId === selected ? 'track selected' : 'track'}>
              <button type="button" className="track-name" onClick={() => pickTrack(t.trackId)} data-testid={`track-${t.trackId}`}>
                <span className="swatch" style={{ background: classColor(t.label) }} />
                <span className="track-id" title={t.trackId}>
                  {shortNames.get(t.trackId) ?? trackName(t.trackId)}
                </span>
                <span className="muted track-label">{t.label}</span>
                {t.attentionCount > 0 ? <span className="attention">· {plural(t.attentionCount, 'needs attention', 'need attention')}</span> : null}
              </button>
              <button
                type="button"
                className="track-batch"
                onClick={() => {
                  setTracks({ selectedTrackId: t.trackId });
                  void editor.actions.run('openBatchView', { trackId: t.trackId });
                }}
                title="Batch view: this track's frames side by side (Shift+B)"
                data-testid={`track-batch-${t.trackId}`}
              >
                ▦
              </button>
              <span className="track-frames">
                {t.frameIds.map((f) => (
                  <button
                    key={f}
                    type="button"
                    className={`track-frame${f === doc?.frameId ? ' current' : ''}${t.keyframeIds.includes(f) ? ' key' : ''}${t.attentionIds.includes(f) ? ' attention' : ''}`}
                    onClick={() => void pickFrame(t.trackId, f)}
                    title={`Frame ${f}${t.keyframeIds.includes(f) ? ' (keyframe)' : ''}${t.attentionIds.includes(f) ? ': needs attention (the re-fit found too few points)' : ''}`}
                  >
                    {Number.isFinite(Number(f)) ? Number(f) : f}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
