import { Canvas } from '@react-three/fiber';
import { GizmoHelper, GizmoViewport, Grid, OrbitControls } from '@react-three/drei';
import { PointCloudLayer } from './PointCloudLayer.tsx';
import { RangeRings } from './RangeRings.tsx';
import { SensorAxes } from './SensorAxes.tsx';

export interface ViewportProps {
  frameId: string | null;
}

/** The main 3D view: LiDAR frame with z up, orbit controls, ground grid, range rings, axis gizmo. */
export function Viewport({ frameId }: ViewportProps) {
  return (
    <Canvas
      className="viewport"
      camera={{ up: [0, 0, 1], position: [-22, -14, 18], fov: 55, near: 0.1, far: 2000 }}
      gl={{ antialias: false, preserveDrawingBuffer: true }}
      onCreated={({ gl }) => gl.setClearColor('#0d1117')}
      data-testid="viewport"
    >
      <OrbitControls makeDefault target={[8, 0, -1]} enableDamping={false} />
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
      <RangeRings />
      <SensorAxes />
      {frameId ? <PointCloudLayer frameId={frameId} /> : null}
      <GizmoHelper alignment="bottom-right" margin={[70, 70]}>
        <GizmoViewport axisColors={['#e5484d', '#46a758', '#3e63dd']} labelColor="white" />
      </GizmoHelper>
    </Canvas>
  );
}
