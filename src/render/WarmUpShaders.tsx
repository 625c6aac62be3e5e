import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { BoxGeometry, BufferGeometry, EdgesGeometry, Float32BufferAttribute, LineSegments, Mesh, PerspectiveCamera, Points, Scene } from 'three';
import { createPointMaterial } from './pointMaterial.ts';
import { fillMaterial, lineMaterial } from './sharedMaterials.ts';

/**
 * Compiles the shader programs the views will need (points, box fills and edges, markers) as soon as
 * the canvas exists, with three's non-blocking `compileAsync`, so the first box or cluster pin that
 * appears while a large cloud streams does not stall the page on a shader link.
 */
export function WarmUpShaders() {
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    const scene = new Scene();
    const box = new BoxGeometry(1, 1, 1);
    const edges = new EdgesGeometry(box);
    const dots = new BufferGeometry();
    dots.setAttribute('position', new Float32BufferAttribute([0, 0, 0], 3));
    const points = createPointMaterial();
    scene.add(new Points(dots, points));
    scene.add(new Mesh(box, fillMaterial('#ffffff')));
    scene.add(new Mesh(box, fillMaterial('#ffffff', 0.06)));
    scene.add(new LineSegments(edges, lineMaterial('#ffffff')));
    scene.add(new LineSegments(edges, lineMaterial('#ffffff', 0.9)));
    const camera = new PerspectiveCamera();
    let live = true;
    void gl.compileAsync(scene, camera).finally(() => {
      if (!live) return;
      box.dispose();
      edges.dispose();
      dots.dispose();
    });
    return () => {
      live = false;
    };
  }, [gl]);
  return null;
}
