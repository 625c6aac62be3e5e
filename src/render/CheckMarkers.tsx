import { CylinderGeometry, TorusGeometry } from 'three';
import { useAppStore } from '../state/appStore.ts';
import { fillMaterial } from './sharedMaterials.ts';

const ring = new TorusGeometry(1.2, 0.06, 6, 32);
const post = new CylinderGeometry(0.05, 0.05, 2.4, 6);

/**
 * Pins at check results that point at a place rather than a box (unlabelled clusters): a ring on
 * the ground and a post, amber for warnings, grey for info.
 */
export function CheckMarkers() {
  const results = useAppStore((s) => s.checks.results);
  const pins = results.filter((r) => r.location && !r.cuboidId && r.severity !== 'error');
  return (
    <group>
      {pins.map((r, i) => {
        const [x, y, z] = r.location!;
        const color = r.severity === 'warning' ? '#f5b93d' : '#8b95a7';
        return (
          <group key={`${r.ruleId}-${i}`} position={[x, y, z]}>
            <mesh geometry={ring} material={fillMaterial(color)} dispose={null} />
            <mesh geometry={post} material={fillMaterial(color)} position={[0, 0, 1.2]} rotation={[Math.PI / 2, 0, 0]} dispose={null} />
          </group>
        );
      })}
    </group>
  );
}
