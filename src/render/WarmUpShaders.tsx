import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { BoxGeometry, BufferGeometry, EdgesGeometry, Float32BufferAttribute, LineSegments, Mesh, PerspectiveCamera, Points, Scene } from 'three';
import type { Object3D, ShaderMaterial, WebGLRenderer } from 'three';
import { createPointMaterial } from './pointMaterial.ts';
import { fillMaterial, lineMaterial, overlayMaterial } from './sharedMaterials.ts';

/**
 * Per renderer, the warm-up's point material, never disposed, so the program it linked stays for
 * the real layers; weakly held, so an unmounted editor's renderer takes it with it.
 */
const keepAlive = new WeakMap<WebGLRenderer, ShaderMaterial>();

export interface WarmUpShadersProps {
  /** Called once the programs are linked and have been used once (then streaming may start). */
  onDone?: () => void;
}

/**
 * Gets the shader programs the views will need (points, box fills and edges, handles) ready as
 * soon as the canvas exists, before any points stream: compiles them with three's `compileAsync`,
 * then draws them once, off-screen (behind the camera), because a program's first draw reads its
 * uniforms back from the GPU process. That read waits for everything queued before it; done
 * while a 5M-point cloud is being uploaded and drawn it stalled the page for 50–270 ms.
 */
export function WarmUpShaders({ onDone }: WarmUpShadersProps) {
  const gl = useThree((s) => s.gl);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const scene = new Scene();
    const box = new BoxGeometry(1, 1, 1);
    const edges = new EdgesGeometry(box);
    const dots = new BufferGeometry();
    dots.setAttribute('position', new Float32BufferAttribute([0, 0, 0], 3));
    let points = keepAlive.get(gl);
    if (points === undefined) {
      points = createPointMaterial();
      keepAlive.set(gl, points);
    }
    const objects: Object3D[] = [
      new Points(dots, points),
      new Mesh(box, fillMaterial('#ffffff')),
      new Mesh(box, fillMaterial('#ffffff', 0.06)),
      new Mesh(box, overlayMaterial('#ffffff')),
      new LineSegments(edges, lineMaterial('#ffffff')),
      new LineSegments(edges, lineMaterial('#ffffff', 0.9)),
    ];
    for (const o of objects) {
      // Behind the camera and never culled: every draw call is made, nothing reaches the screen.
      o.position.set(0, 0, 10);
      o.frustumCulled = false;
      scene.add(o);
    }
    const camera = new PerspectiveCamera();
    let live = true;
    void gl
      .compileAsync(scene, camera)
      .catch(() => undefined)
      .then(() => {
        if (!live) return;
        const autoClear = gl.autoClear;
        gl.autoClear = false;
        try {
          gl.render(scene, camera);
        } finally {
          gl.autoClear = autoClear;
        }
      })
      .finally(() => {
        box.dispose();
        edges.dispose();
        dots.dispose();
        // `points` is kept: disposing the only material using a program deletes the program.
        if (live) done.current?.();
      });
    return () => {
      live = false;
    };
  }, [gl]);
  return null;
}
