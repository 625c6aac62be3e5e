import { useMemo } from 'react';
import { Vector3 } from 'three';
import { ScreenSized } from './ScreenSized.tsx';

/** How long the x and y arrows are drawn, CSS pixels, at any zoom (modelled 3 m). */
const AXIS_PIXELS = 70;
const AXIS_MODEL_LENGTH = 3;

const ORIGIN = new Vector3(0, 0, 0);
const X = new Vector3(1, 0, 0);
const Y = new Vector3(0, 1, 0);
const Z = new Vector3(0, 0, 1);

/**
 * The LiDAR conventions at the sensor origin: x forward (red), y left (green), z up (blue),
 * and the positive yaw direction as a yellow quarter arc from +x towards +y. Drawn the same size
 * on screen at any zoom (`ScreenSized`), so a close look at the sensor is not covered by them.
 */
export function SensorAxes() {
  const arc = useMemo(() => {
    const values: number[] = [];
    for (let i = 0; i <= 24; i++) {
      const a = (i / 24) * (Math.PI / 2);
      values.push(1.6 * Math.cos(a), 1.6 * Math.sin(a), 0.02);
    }
    return new Float32Array(values);
  }, []);
  return (
    <ScreenSized position={[0, 0, 0]} modelHeight={AXIS_MODEL_LENGTH} pixels={AXIS_PIXELS} name="sensor-axes">
      <arrowHelper args={[X, ORIGIN, 3, 0xe5484d, 0.5, 0.3]} />
      <arrowHelper args={[Y, ORIGIN, 3, 0x46a758, 0.5, 0.3]} />
      <arrowHelper args={[Z, ORIGIN, 2, 0x3e63dd, 0.4, 0.25]} />
      <line>
        <bufferGeometry>
          <bufferAttribute attach="attributes-position" args={[arc, 3]} />
        </bufferGeometry>
        <lineBasicMaterial color="#f5d90a" />
      </line>
    </ScreenSized>
  );
}
