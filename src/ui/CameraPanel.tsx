import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { projectCuboidEdges } from '../domain/kitti/projectCuboidEdges.ts';
import { useAppStore, usePage } from '../render/EditorContext.ts';
import { selectDisplayedCuboids } from '../state/selectors.ts';
import { FIT, panBy, resizedWidth, zoomAbout, type ImageZoom } from './cameraZoom.ts';
import type { FrameCameraView } from '../services/cameraData.ts';
import { CameraTabs, cameraTabText, shownCamera } from './CameraTabs.tsx';
import { drawBoxes, drawFlags, drawPoints, insideHull } from './cameraOverlay.ts';
import './cameraPanel.css';

/** Panel width bounds and default, CSS pixels; the width is remembered across sessions. */
const MIN_WIDTH = 260;
const WIDTH_KEY = 'cuboid.cameraPanelWidth';
/** Zoom per wheel notch (deltaY 100) and per +/− button press. */
const WHEEL_STEP = 1.25;

/** The width the user gave the panel (null: the default, 62 % of the stage up to 760 px). */
function storedWidth(): number | null {
  const v = Number(window.localStorage.getItem(WIDTH_KEY));
  return Number.isFinite(v) && v >= MIN_WIDTH ? v : null;
}

/** The size used until the image has loaded when the server could not read it (a JPEG). */
const DEFAULT_SIZE: [number, number] = [1242, 375];

interface CamerasState {
  frameId: string;
  list: FrameCameraView[];
}

/**
 * One camera of the current frame (KITTI image_0–image_3, nuScenes CAM_*; tabs above the image, Y /
 * Shift+Y, the choice kept across frames) with every box projected through the same conversion the
 * KITTI export uses, with that camera's projection (edges clipped at the camera's near plane, so
 * boxes beside or behind the camera leave no artefacts). Shift+P adds the projected points
 * (depth-coloured) to check the calibration by eye. Clicking a projected box selects it; selected
 * boxes are drawn filled and thick, the others dimmed. The corner grip (top right) resizes the
 * panel; the wheel zooms the image about the cursor (up to 8×), a drag pans it, a double click
 * fits it again.
 */
export function CameraPanel() {
  const { loadCameras, projectFramePoints } = usePage().services.camera;
  const chosenName = useAppStore((s) => s.view.camera);
  const setCamera = useAppStore((s) => s.setCamera);
  const setCameraNames = useAppStore((s) => s.setCameraNames);
  const open = useAppStore((s) => s.view.cameraPanel);
  const showPoints = useAppStore((s) => s.view.cameraPoints);
  const frameId = useAppStore((s) => s.currentFrameId);
  const loaded = useAppStore((s) => s.load.status === 'done' && s.load.frameId === s.currentFrameId);
  const cuboids = useAppStore(useShallow(selectDisplayedCuboids));
  const flags = useAppStore((s) => s.doc?.flags);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const select = useAppStore((s) => s.select);
  const setCameraPanel = useAppStore((s) => s.setCameraPanel);
  const [cameras, setCameras] = useState<CamerasState | null>(null);
  /** The shown image's own size once loaded (`[width, height]` pixels), keyed by its URL. */
  const [natural, setNatural] = useState<{ url: string; size: [number, number] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [points, setPoints] = useState<Float32Array | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(storedWidth);
  const [zoom, setZoom] = useState<ImageZoom>(FIT);
  /** The drag in progress on the image (a pan) or on the grip (a resize); `moved`: more than a click. */
  const drag = useRef<{ kind: 'pan' | 'resize'; x: number; y: number; start: ImageZoom; width: number; moved: boolean } | null>(null);

  // The remembered camera when this frame has it, else its first (the choice is kept for the frames after).
  const list = cameras !== null && cameras.frameId === frameId ? cameras.list : null;
  const camera = list === null ? null : shownCamera(list, chosenName);
  const calib = camera?.calib ?? null;
  const imageUrl = camera?.imageUrl ?? null;
  const [w, h] = camera?.imageSize ?? (natural !== null && natural.url === imageUrl ? natural.size : DEFAULT_SIZE);

  useEffect(() => setZoom(FIT), [frameId, camera?.name]);

  // The wheel zooms the image (a native listener: React's wheel handlers cannot prevent scrolling).
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const factor = WHEEL_STEP ** (-e.deltaY / 100);
      setZoom((z) => zoomAbout(z, factor, e.clientX - r.left, e.clientY - r.top, r.width, r.height));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [open, frameId]);

  useEffect(() => {
    if (!open || !frameId) return;
    let live = true;
    setError(null);
    loadCameras(frameId)
      .then((l) => {
        if (!live) return;
        setCameras({ frameId, list: l });
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [open, frameId, loadCameras, setCameraNames]);

  useEffect(() => {
    setError(null);
  }, [imageUrl]);

  useEffect(() => {
    if (list !== null)
      setCameraNames(
        list.map((c) => c.name),
        camera?.name ?? null,
      );
  }, [list, camera, setCameraNames]);

  useEffect(() => {
    setPoints(null);
    if (!open || !showPoints || !loaded || calib === null || !frameId) return;
    let live = true;
    void projectFramePoints(frameId, calib).then((p) => live && setPoints(p));
    return () => {
      live = false;
    };
  }, [open, showPoints, loaded, calib, frameId, projectFramePoints]);

  const projected = useMemo(() => {
    if (calib === null) return [];
    return cuboids.map((box) => ({ box, edges: projectCuboidEdges(box, calib) }));
  }, [calib, cuboids]);

  useEffect(() => {
    const el = canvas.current;
    if (!el || !camera) return;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, el.width, el.height);
    if (points) drawPoints(ctx, points);
    drawBoxes(ctx, projected, selectedIds);
    if (calib && flags) drawFlags(ctx, flags, cuboids, calib);
  }, [camera, calib, projected, points, selectedIds, flags, cuboids, w, h]);

  if (!open || !frameId) return null;
  const box = () => frame.current?.getBoundingClientRect() ?? { left: 0, top: 0, width: 1, height: 1 };
  const zoomBy = (factor: number) => {
    const r = box();
    setZoom((z) => zoomAbout(z, factor, r.width / 2, r.height / 2, r.width, r.height));
  };
  const onPointerDown = (kind: 'pan' | 'resize') => (e: React.PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    // A pan captures the pointer only once it moves, so that a click still reaches the overlay.
    if (kind === 'resize') e.currentTarget.setPointerCapture(e.pointerId);
    const current = frame.current?.closest('.camera-panel')?.getBoundingClientRect().width ?? MIN_WIDTH;
    drag.current = { kind, x: e.clientX, y: e.clientY, start: zoom, width: current, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) > 3) {
      d.moved = true;
      if (d.kind === 'pan') e.currentTarget.setPointerCapture(e.pointerId);
    }
    if (d.kind === 'resize') {
      const stage = frame.current?.closest('.stage')?.getBoundingClientRect();
      setWidth(resizedWidth(d.width, dx, dy, w / h, MIN_WIDTH, Math.max(MIN_WIDTH, (stage?.width ?? 2000) - 24)));
    } else if (d.moved) {
      const r = box();
      setZoom(panBy(d.start, dx, dy, r.width, r.height));
    }
  };
  const onPointerUp = () => {
    const d = drag.current;
    if (d?.kind === 'resize' && width !== null) window.localStorage.setItem(WIDTH_KEY, String(width));
    // A pan is not a click: keep `drag` until the click handler has seen it. A resize ends here (the
    // grip has no click handler: a kept resize would go on resizing with every later move over the image).
    if (d && (!d.moved || d.kind === 'resize')) drag.current = null;
  };
  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    if (drag.current?.moved) {
      drag.current = null;
      return;
    }
    const r = e.currentTarget.getBoundingClientRect();
    const u = ((e.clientX - r.left) / r.width) * w;
    const v = ((e.clientY - r.top) / r.height) * h;
    const hit = projected.find(({ edges }) => edges.length > 0 && insideHull(edges, u, v));
    if (hit) select([hit.box.id]);
  };
  return (
    <div className="camera-panel" data-testid="camera-panel" style={{ width: width === null ? 'min(62%, 760px)' : `min(${width}px, calc(100% - 24px))` }}>
      <div className="camera-head">
        <span title={camera === null ? undefined : `${camera.label} · ${camera.file}`}>Camera</span>
        {list !== null && list.length > 1 ? <CameraTabs cameras={list} shown={camera?.name ?? null} onPick={setCamera} /> : null}
        {list !== null && list.length === 1 && camera !== null ? <span title={camera.file}>{camera.label}</span> : null}
        {list !== null && camera !== null && chosenName !== null && camera.name !== chosenName ? (
          <span className="muted" data-testid="camera-fallback">
            {`this frame has no ${cameraTabText(chosenName)}: showing ${cameraTabText(camera.name)}`}
          </span>
        ) : null}
        {list !== null && list.length === 0 ? <span className="muted">this frame has no camera image</span> : null}
        {camera !== null && camera.calib === null ? (
          <span className="muted camera-problem" title={camera.problem ?? undefined} data-testid="camera-problem">
            {camera.problem ?? 'no calibration: boxes cannot be projected'}
          </span>
        ) : null}
        {error ? (
          <span className="error camera-problem" title={error}>
            {error}
          </span>
        ) : null}
        <span className="camera-zoom-controls">
          <button
            type="button"
            onClick={() => zoomBy(1 / WHEEL_STEP)}
            disabled={zoom.scale <= 1}
            aria-label="Zoom the camera image out"
            title="Zoom out (wheel)"
          >
            −
          </button>
          <span className="muted" data-testid="camera-zoom" title="Zoom, relative to the whole image fitted in the panel">
            {zoom.scale <= 1 ? '×1' : `×${zoom.scale.toFixed(1)}`}
          </span>
          <button type="button" onClick={() => zoomBy(WHEEL_STEP)} aria-label="Zoom the camera image in" title="Zoom in (wheel)">
            +
          </button>
          <button type="button" onClick={() => setZoom(FIT)} disabled={zoom.scale <= 1} title="Fit the image (double click)">
            Fit
          </button>
        </span>
        <button type="button" className="camera-close" onClick={() => setCameraPanel(false)} aria-label="Close camera panel">
          ×
        </button>
        <span
          className="camera-grip"
          role="separator"
          aria-label="Resize the camera panel"
          title="Drag to resize"
          onPointerDown={onPointerDown('resize')}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          data-testid="camera-grip"
        />
      </div>
      <div
        className="camera-image"
        ref={frame}
        style={{ aspectRatio: `${w} / ${h}` }}
        onPointerDown={onPointerDown('pan')}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onDoubleClick={() => setZoom(FIT)}
        data-zoomed={zoom.scale > 1 ? '' : undefined}
      >
        <div className="camera-zoom" style={{ transform: `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})` }}>
          {camera !== null && !camera.hasImage ? <p className="camera-missing">{camera.file} is not in the dataset</p> : null}
          {imageUrl !== null && camera !== null && camera.hasImage ? (
            <img
              key={imageUrl}
              src={imageUrl}
              alt={`${camera.label} image of frame ${frameId}`}
              draggable={false}
              onLoad={(e) => {
                const img = e.currentTarget;
                if (img.naturalWidth > 0) setNatural({ url: imageUrl, size: [img.naturalWidth, img.naturalHeight] });
              }}
              onError={(e) => {
                // Not the browser's broken-image icon and alt text under the named error.
                e.currentTarget.hidden = true;
                setError(`No image for ${camera.name}: ${camera.file} could not be loaded.`);
              }}
            />
          ) : null}
          <canvas ref={canvas} width={w} height={h} onClick={onClick} data-testid="camera-overlay" data-camera={camera?.name} />
        </div>
      </div>
    </div>
  );
}
