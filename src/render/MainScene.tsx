import { Grid, OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { MOUSE } from 'three';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from './EditorContext.ts';
import { selectDisplayedCuboids, selectPrimaryCuboid } from '../state/selectors.ts';
import { BoxHandles } from './BoxHandles.tsx';
import { PointCloudLayer } from './PointCloudLayer.tsx';
import { MergedCloudLayer } from './MergedCloudLayer.tsx';
import { MergedDetailFocus } from './MergedDetailFocus.tsx';
import { RangeRings } from './RangeRings.tsx';
import { FrameTheCloud } from './FrameTheCloud.tsx';
import { SceneBoxes } from './SceneBoxes.tsx';
import { SensorAxes } from './SensorAxes.tsx';
import { PICK_TARGETS } from './ToolInput.tsx';
import { useNearBoxGeometry } from './useNearBoxGeometry.ts';
import { CheckMarkers } from './CheckMarkers.tsx';
import { DismissalMarkers } from './DismissalMarkers.tsx';
import { TrajectoryView } from './TrajectoryView.tsx';
import { FlagPins } from './FlagPins.tsx';
import { WHEEL_ZOOM_SPEED } from './framing.ts';
import { PointTagSync } from './PointTagSync.tsx';
import { SliceCropHandles } from './SliceCropHandles.tsx';
import type { Cuboid } from '../domain/types.ts';

export interface MainSceneProps {
  frameId: string | null;
  errorIds?: Set<string>;
}

/**
 * The whole scene in the LiDAR frame (z up): perspective orbit view, or a bird's-eye top view with
 * x pointing up the screen. Ground grid, range rings, sensor axes, the points and every box.
 */
export function MainScene({ frameId, errorIds }: MainSceneProps) {
  const mode = useAppStore((s) => s.view.mainMode);
  const cuboids = useAppStore(useShallow(selectDisplayedCuboids));
  const selectedIds = useAppStore((s) => s.selectedIds);
  const primary = useAppStore(selectPrimaryCuboid);
  const tool = useAppStore((s) => s.tool.path.split('.')[0]);
  const decimated = useAppStore((s) => s.load.totalPoints > s.view.pointBudget);
  const mergedKey = useAppStore((s) => s.merge.key);
  const stale = useAppStore((s) => s.merge.stale);
  const onScreen = useAppStore((s) => s.merge.onScreen);
  const detailKey = useAppStore((s) => s.merge.detail?.key ?? null);
  // The open frame's own sweep is drawn until a merge (or a kept one) takes its place.
  const single = stale === null && (mergedKey === null || !onScreen);
  // Keyed siblings: the merged cloud on screen keeps its layer (and its points on the GPU) when it
  // becomes the kept one while the next merge loads out of sight.
  const mergedLayers = [
    stale ? <MergedCloudLayer key={stale.key} cloudKey={stale.key} transform={stale.matrix} thin={mergedKey !== null && !onScreen} highlight={null} /> : null,
    mergedKey ? <MergedCloudLayer key={mergedKey} cloudKey={mergedKey} hidden={!onScreen} revealAt={stale ? 'full' : 'first'} highlight={primary} /> : null,
    // Every merged point where the view looks closely, over the budgeted merge (`mergeDetail`).
    detailKey && mergedKey && onScreen ? <MergedCloudLayer key={detailKey} cloudKey={detailKey} highlight={primary} /> : null,
  ];
  return (
    <>
      {mode === 'top' ? (
        <>
          <OrthographicCamera makeDefault position={[15, 0, 80]} up={[1, 0, 0]} zoom={9} near={0.1} far={500} />
          <OrbitControls
            makeDefault
            target={[15, 0, 0]}
            enableRotate={false}
            enableDamping={false}
            zoomToCursor
            zoomSpeed={WHEEL_ZOOM_SPEED}
            screenSpacePanning
            mouseButtons={{ LEFT: (tool === 'draw' ? -1 : MOUSE.PAN) as MOUSE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }}
          />
        </>
      ) : (
        <>
          <PerspectiveCamera makeDefault up={[0, 0, 1]} position={[-22, -14, 18]} fov={55} near={0.1} far={2000} />
          <OrbitControls makeDefault target={[8, 0, -1]} enableDamping={false} zoomToCursor zoomSpeed={WHEEL_ZOOM_SPEED} />
        </>
      )}
      <Grid
        rotation={[Math.PI / 2, 0, 0]}
        position={[0, 0, -1.75]}
        infiniteGrid
        cellSize={1}
        sectionSize={10}
        cellColor="#1c2333"
        sectionColor="#2b3650"
        fadeDistance={160}
      />
      <FrameTheCloud />
      <RangeRings />
      <SensorAxes />
      {frameId ? mergedLayers : null}
      {frameId && mergedKey ? <MergedDetailFocus /> : null}
      {frameId && single ? <PointCloudLayer frameId={frameId} highlight={primary} /> : null}
      {frameId && primary && decimated && single ? <NearSelection frameId={frameId} box={primary} /> : null}
      {frameId && single ? <PointTagSync frameId={frameId} /> : null}
      <SliceCropHandles />
      <CheckMarkers />
      <DismissalMarkers />
      <TrajectoryView />
      <FlagPins />
      <group name={PICK_TARGETS}>
        <SceneBoxes cuboids={cuboids} selectedIds={selectedIds} errorIds={errorIds} />
        {primary && tool === 'select' ? <BoxHandles box={primary} kind="top" pixels={7} /> : null}
      </group>
    </>
  );
}

/** Full density around the selection when the overview is decimated (point budget). */
function NearSelection({ frameId, box }: { frameId: string; box: Cuboid }) {
  const colorMode = useAppStore((s) => s.view.colorMode);
  const near = useNearBoxGeometry(frameId, box, 6, colorMode);
  return <PointCloudLayer frameId={frameId} highlight={box} geometry={near} />;
}
