import { useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import { Canvas } from '@react-three/fiber';
import { View } from '@react-three/drei';
import { useShallow } from 'zustand/react/shallow';
import type { Cuboid } from '../domain/types.ts';
import { useAppStore } from './EditorContext.ts';
import { selectDisplayedCuboids, selectPrimaryCuboid } from '../state/selectors.ts';
import { BoxCamera } from './BoxCamera.tsx';
import type { BoxViewKind } from './BoxCamera.tsx';
import { BoxHandles } from './BoxHandles.tsx';
import { MainScene } from './MainScene.tsx';
import { PointCloudLayer } from './PointCloudLayer.tsx';
import { SceneBoxes } from './SceneBoxes.tsx';
import { PICK_TARGETS, ToolInput } from './ToolInput.tsx';
import { useNearBoxGeometry } from './useNearBoxGeometry.ts';
import { RedrawOnChange } from './RedrawOnChange.tsx';
import { ClearCanvas } from './ClearCanvas.tsx';
import { WarmUpShaders } from './WarmUpShaders.tsx';
import { FlagPins } from './FlagPins.tsx';
import { BoxLabels } from './BoxLabels.tsx';
import { boxesInSlab, reachesSlab } from './detailSlab.ts';
import { isSoftwareRenderer, SOFTWARE_POINT_BUDGET } from './softwareRenderer.ts';

export interface WorkspaceProps {
  /** Ids of boxes with check errors, marked in every view. */
  errorIds?: Set<string>;
  /** Called once the WebGL canvas exists and its shaders are ready (the app starts streaming points after it). */
  onReady?: () => void;
}

const DETAILS: BoxViewKind[] = ['top', 'side', 'front'];

/**
 * The drawing surface: one WebGL canvas, scissored into the main 3D view and the top/side/front
 * close-ups of the selected box. Every view draws the same per-frame geometry.
 */
export function Workspace({ errorIds: given, onReady }: WorkspaceProps) {
  const errorKey = useAppStore((s) =>
    s.checks.results
      .filter((r) => r.severity === 'error' && r.cuboidId)
      .map((r) => r.cuboidId)
      .join(','),
  );
  const errorIds = useMemo(() => given ?? new Set(errorKey ? errorKey.split(',') : []), [given, errorKey]);
  const stage = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const side = useRef<HTMLDivElement>(null);
  const front = useRef<HTMLDivElement>(null);
  const refs: Record<BoxViewKind, RefObject<HTMLDivElement | null>> = { top, side, front };
  const frameId = useAppStore((s) => s.currentFrameId);
  const primary = useAppStore(selectPrimaryCuboid);
  const suggestPointBudget = useAppStore((s) => s.suggestPointBudget);
  return (
    // Focusable (not in the tab order) so that fields can hand the keyboard back to it (`focusViewport`).
    <div className="workspace" ref={stage} tabIndex={-1} data-viewport="" data-testid="viewport">
      <div className="view-main" ref={main} data-testid="view-main" />
      <div className="detail-column">
        {DETAILS.map((kind) => (
          <div key={kind} className="detail-view" ref={refs[kind]} data-testid={`view-${kind}`}>
            <span className="detail-title">{kind}</span>
            {primary ? null : <span className="detail-empty">Select a box</span>}
          </div>
        ))}
      </div>
      <Canvas
        className="stage-canvas"
        frameloop="demand"
        eventSource={stage as RefObject<HTMLElement>}
        gl={{ antialias: false, preserveDrawingBuffer: true }}
        onCreated={({ gl }) => {
          gl.setClearColor('#0d1117');
          // Checking every new shader program's link status blocks the page until the GPU process has
          // compiled it (hundreds of ms in software GL); builds skip the check, dev keeps it.
          gl.debug.checkShaderErrors = import.meta.env.DEV;
          // A software renderer pays for every drawn point on the CPU: a smaller point budget.
          if (isSoftwareRenderer(gl.getContext())) suggestPointBudget(SOFTWARE_POINT_BUDGET);
        }}
      >
        <ClearCanvas />
        <RedrawOnChange />
        <WarmUpShaders onDone={onReady} />
        <View track={main as RefObject<HTMLElement>} index={1}>
          <MainScene frameId={frameId} errorIds={errorIds} />
          <ToolInput view="main" target={main} />
          <BoxLabels target={main} />
        </View>
        {primary && frameId
          ? DETAILS.map((kind, i) => (
              <View key={kind} track={refs[kind] as RefObject<HTMLElement>} index={i + 2}>
                <DetailScene kind={kind} frameId={frameId} box={primary} errorIds={errorIds} />
                <ToolInput view={kind} target={refs[kind]} />
              </View>
            ))
          : null}
      </Canvas>
    </div>
  );
}

function DetailScene({ kind, frameId, box, errorIds }: { kind: BoxViewKind; frameId: string; box: Cuboid; errorIds?: Set<string> }) {
  const cuboids = useAppStore(useShallow(selectDisplayedCuboids));
  const selectedIds = useAppStore((s) => s.selectedIds);
  const margin = kind === 'top' ? 1.5 : 0.6;
  const colorMode = useAppStore((s) => s.view.colorMode);
  const near = useNearBoxGeometry(frameId, box, Math.max(margin, 1.5), colorMode);
  // With merged sweeps shown, the close-ups show the merged points (height colours: they carry no other value).
  const merged = useAppStore((s) => s.merge.status === 'ready' && s.merge.key !== null);
  // Like the points, only the boxes within the view's depth slab: not every box along the view axis.
  const shown = useMemo(() => boxesInSlab(cuboids, box, kind, margin), [cuboids, box, kind, margin]);
  const pinShows = useMemo(
    () => (at: readonly [number, number, number]) => reachesSlab({ center: [at[0], at[1], at[2]], size: [0, 0, 0], yaw: 0 }, box, kind, margin),
    [box, kind, margin],
  );
  return (
    <>
      <BoxCamera box={box} kind={kind} />
      <PointCloudLayer frameId={frameId} highlight={box} clipMargin={margin} sizeBoost={2} geometry={near} heightOnly={merged} />
      <group name={PICK_TARGETS}>
        <SceneBoxes cuboids={shown} selectedIds={selectedIds} errorIds={errorIds} fillOpacity={0.03} />
        <BoxHandles box={box} kind={kind} />
      </group>
      <FlagPins shows={pinShows} />
    </>
  );
}
