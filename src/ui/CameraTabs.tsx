import type { FrameCameraView } from '../services/cameraData.ts';

/**
 * The camera the panel shows: the chosen one when the frame has it, else the labels' camera
 * (KITTI `image_2`, nuScenes `CAM_FRONT`), else the first with an image, else the first.
 */
export function shownCamera<T extends { name: string; hasImage: boolean }>(cameras: readonly T[], chosen: string | null): T | null {
  return (
    cameras.find((c) => c.name === chosen) ??
    cameras.find((c) => c.hasImage && (c.name === 'image_2' || c.name === 'CAM_FRONT')) ??
    cameras.find((c) => c.hasImage) ??
    cameras[0] ??
    null
  );
}

/** A tab's short text: `image_3` → `3`, `CAM_FRONT_LEFT` → `FRONT LEFT`; the full label is its tooltip. */
export function cameraTabText(name: string): string {
  const kitti = /^image_0?(\d)$/.exec(name);
  if (kitti !== null) return `Cam ${kitti[1]}`;
  return name.replace(/^CAM_/, '').replace(/_/g, ' ');
}

/** The camera picker of the camera panel: one tab per camera of the frame (Y / Shift+Y step through them). */
export function CameraTabs({ cameras, shown, onPick }: { cameras: readonly FrameCameraView[]; shown: string | null; onPick: (name: string) => void }) {
  return (
    <span className="camera-tabs" role="tablist" aria-label="Camera">
      {cameras.map((c) => (
        <button
          key={c.name}
          type="button"
          role="tab"
          aria-selected={c.name === shown}
          className={c.name === shown ? 'active' : undefined}
          title={`${c.label} · ${c.file}${c.hasImage ? '' : ' (missing)'} — Y / Shift+Y`}
          onClick={() => onPick(c.name)}
          data-testid={`camera-tab-${c.name}`}
        >
          {cameraTabText(c.name)}
        </button>
      ))}
    </span>
  );
}
