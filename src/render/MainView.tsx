import { Grid, OrbitControls, PerspectiveCamera, View } from '@react-three/drei';
import type { ReactNode } from 'react';
import { RangeRings } from './RangeRings.tsx';
import { SensorAxes } from './SensorAxes.tsx';

export interface MainViewProps {
  children?: ReactNode;
  /** Lets tools own the left button during a drag (orbit stays on right/middle). */
  orbitEnabled?: boolean;
}

/** The perspective view of the whole scene: LiDAR frame with z up, ground grid, range rings, sensor axes. */
export function MainView({ children, orbitEnabled = true }: MainViewProps) {
  return (
    <View className="view view-main" data-testid="view-main">
      <PerspectiveCamera makeDefault up={[0, 0, 1]} position={[-22, -14, 18]} fov={55} near={0.1} far={2000} />
      <OrbitControls makeDefault target={[8, 0, -1]} enableDamping={false} enabled={orbitEnabled} />
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
      {children}
    </View>
  );
}
