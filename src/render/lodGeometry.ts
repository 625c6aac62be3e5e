import { BufferGeometry, GLBufferAttribute, Sphere, Vector3 } from 'three';
import type { BufferAttribute } from 'three';
import type { MergedCloud } from '../io/mergedClouds.ts';

const BIG_SPHERE = new Sphere(new Vector3(), 1e5);

/**
 * Points copied to the GPU per upload step (1 MB of positions and time). The merged layer copies
 * one step, then waits for the GPU to take it (`afterGpu`) before the next, between frames, never
 * inside one: a 16 MB upload behind a busy GPU had blocked the main thread for 1–2 s in SwiftShader
 * (the command buffer waits for the GPU process to take it), and uploads done inside a frame cost
 * that frame their whole size.
 */
export const UPLOAD_STEP = 65_536;

/** The WebGL calls the merged cloud's buffers need (a stand-in in unit tests). */
export type BufferGl = Pick<
  WebGLRenderingContext,
  'createBuffer' | 'bindBuffer' | 'bufferData' | 'bufferSubData' | 'deleteBuffer' | 'ARRAY_BUFFER' | 'STATIC_DRAW' | 'FLOAT'
>;

/**
 * One merged cloud on the GPU: two buffers (x y z, and the sweep time) made once for the point
 * budget and filled range by range as points arrive, drawn as one geometry up to `shown` points.
 */
export interface MergedGpu {
  readonly key: string;
  readonly cloud: MergedCloud;
  readonly geometry: BufferGeometry;
  /** Points the buffers hold (16 B a point). */
  readonly capacity: number;
  /** Points copied to the GPU so far, from the start of the cloud's order. */
  uploaded: number;
  /** Points shown, at most `uploaded`; the geometry draws the first min(`shown`, `cap`). */
  shown: number;
  /** Most points drawn whatever is shown (`LodGeometry.cap`; Infinity: no cap). */
  cap: number;
}

/**
 * A page's merged-cloud GPU buffers, one per cloud key (see `createLodGeometry`). Each
 * `<CuboidEditor>` has its own, in its render state: two editors never share or free each other's.
 */
export interface LodGeometry {
  /** The cloud's GPU buffers, made (empty, for `capacity` points) on first call for this cloud. */
  of(cloud: MergedCloud, gl: BufferGl, capacity: number): MergedGpu;
  /** Copies the next points up to `upTo` (at most `step` of them) to the GPU; returns how many. */
  upload(gpu: MergedGpu, upTo: number, step?: number): number;
  /** Draws the first `n` points (at most those uploaded, and `cap`). */
  show(gpu: MergedGpu, n: number): void;
  /** Draws at most the first `n` points of what is shown, until capped again (Infinity: all). */
  cap(gpu: MergedGpu, n: number): void;
  /** Frees one merged cloud's GPU buffers. */
  disposeCloud(key: string): void;
  /** Bytes of merged-cloud vertex data on the GPU (16 B a point of capacity). */
  gpuBytes(): number;
  /** Frees every merged cloud's GPU buffers (the editor is unmounted). */
  dispose(): void;
}

interface Entry {
  gpu: MergedGpu;
  gl: BufferGl;
  buffers: [WebGLBuffer, WebGLBuffer];
}

/** The merged-cloud buffers of one page: its own map of clouds, freed by `dispose`. */
export function createLodGeometry(): LodGeometry {
  const entries = new Map<string, Entry>();

  const disposeCloud = (key: string): void => {
    const e = entries.get(key);
    if (!e) return;
    e.gpu.geometry.dispose();
    for (const b of e.buffers) e.gl.deleteBuffer(b);
    entries.delete(key);
  };

  const of: LodGeometry['of'] = (cloud, gl, capacity) => {
    const had = entries.get(cloud.key);
    if (had && had.gpu.cloud === cloud && had.gpu.capacity >= capacity) return had.gpu;
    if (had) disposeCloud(cloud.key);
    const size = Math.max(1, capacity);
    const make = (bytes: number): WebGLBuffer => {
      const b = gl.createBuffer() as WebGLBuffer;
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      // Allocated on the GPU without data: nothing crosses to the GPU process until `upload`.
      gl.bufferData(gl.ARRAY_BUFFER, bytes, gl.STATIC_DRAW);
      return b;
    };
    const buffers: [WebGLBuffer, WebGLBuffer] = [make(size * 12), make(size * 4)];
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    const geometry = new BufferGeometry();
    geometry.boundingSphere = BIG_SPHERE;
    // three draws a GLBufferAttribute (a buffer it does not own) as any attribute; its typings list only the others.
    geometry.setAttribute('position', new GLBufferAttribute(buffers[0], gl.FLOAT, 3, 4, size) as unknown as BufferAttribute);
    geometry.setAttribute('aValue', new GLBufferAttribute(buffers[1], gl.FLOAT, 1, 4, size) as unknown as BufferAttribute);
    geometry.setDrawRange(0, 0);
    const gpu: MergedGpu = { key: cloud.key, cloud, geometry, capacity: size, uploaded: 0, shown: 0, cap: Infinity };
    entries.set(cloud.key, { gpu, gl, buffers });
    return gpu;
  };

  const upload: LodGeometry['upload'] = (gpu, upTo, step = UPLOAD_STEP) => {
    const e = entries.get(gpu.key);
    if (!e || e.gpu !== gpu) return 0;
    const end = Math.min(upTo, gpu.cloud.received, gpu.capacity, gpu.uploaded + step);
    const { gl, buffers } = e;
    let copied = 0;
    // Batch by batch: a step may cross from one of the cloud's batches into the next.
    gpu.cloud.forEachRange(gpu.uploaded, end, (at, positions, time) => {
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers[0]);
      gl.bufferSubData(gl.ARRAY_BUFFER, at * 12, positions);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers[1]);
      gl.bufferSubData(gl.ARRAY_BUFFER, at * 4, time);
      copied += time.length;
    });
    if (copied > 0) gl.bindBuffer(gl.ARRAY_BUFFER, null);
    gpu.uploaded += copied;
    return copied;
  };

  return {
    of,
    upload,
    show(gpu, n) {
      gpu.shown = Math.max(0, Math.min(n, gpu.uploaded));
      gpu.geometry.setDrawRange(0, Math.min(gpu.shown, gpu.cap));
    },
    cap(gpu, n) {
      gpu.cap = Math.max(0, n);
      gpu.geometry.setDrawRange(0, Math.min(gpu.shown, gpu.cap));
    },
    disposeCloud,
    gpuBytes() {
      let n = 0;
      for (const e of entries.values()) n += e.gpu.capacity * 16;
      return n;
    },
    dispose() {
      for (const key of [...entries.keys()]) disposeCloud(key);
    },
  };
}

/** Points drawn once the cloud is refined to `budget`. */
export function lodLimit(count: number, budget: number): number {
  return Math.min(count, Math.max(0, budget));
}
