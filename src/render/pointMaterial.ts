import { Matrix4, ShaderMaterial, Vector3, Vector4 } from 'three';
import type { Texture } from 'three';
import { NO_LIMIT } from '../domain/pointcloud/sliceAndCrop.ts';

/** Colour source of the point shader; `boxClass` is the class colour of the box a point is in. */
export const COLOR_SOURCE = { attribute: 0, rgb: 1, height: 2, distance: 3, boxClass: 4 } as const;

/** Heights (metres, LiDAR frame) the height ramp spans when the frame gave none: the point layers and their legend. */
export const DEFAULT_HEIGHT_RANGE: readonly [number, number] = [-2.5, 1.5];

/** Texels per row of the box table (`uBoxTable`): box number k − 1 is at (k − 1) mod 256, ⌊(k − 1) / 256⌋. */
export const BOX_TABLE_WIDTH = 256;

const vertexShader = /* glsl */ `
  attribute float aValue;
  attribute vec3 aColor;
  // The box a point falls in (0: none, k: box table entry k - 1) and whether it is ground (1),
  // both computed in the worker; absent attributes read as 0.
  attribute float aBox;
  attribute float aGround;
  // 1: hidden by the ground or hidden-box filters as the worker worked out for these points (the
  // close-ups' gathered points, which have no per-frame tags); absent reads as 0.
  attribute float aHidden;
  uniform float uSize;
  uniform float uMin;
  uniform float uMax;
  uniform int uSource;
  // World → box-local transform of the highlighted (selected) box, and its half extents.
  uniform mat4 uBoxInverse;
  uniform vec3 uBoxHalf;
  uniform bool uHighlight;
  // Optional clip region in the same box-local frame (side views show only the box's slab).
  uniform bool uClip;
  uniform vec3 uClipHalf;
  // Height slice and range crop: zMin, zMax, rMin, rMax (LiDAR frame, metres).
  uniform vec4 uLimits;
  uniform bool uHideGround;
  // Per box: class colour (rgb) and whether its points show (a = 1) or are hidden (a = 0).
  uniform sampler2D uBoxTable;
  uniform bool uUseBoxTable;
  // Colour of the points outside every box when colouring by box class.
  uniform vec3 uNoBoxColor;
  varying vec3 vColor;

  void hidePoint() {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
  }

  vec3 ramp(float t) {
    t = clamp(t, 0.0, 1.0);
    vec3 c0 = vec3(0.18, 0.20, 0.60);
    vec3 c1 = vec3(0.10, 0.60, 0.85);
    vec3 c2 = vec3(0.30, 0.80, 0.35);
    vec3 c3 = vec3(0.95, 0.85, 0.20);
    vec3 c4 = vec3(0.90, 0.25, 0.15);
    if (t < 0.25) return mix(c0, c1, t / 0.25);
    if (t < 0.5) return mix(c1, c2, (t - 0.25) / 0.25);
    if (t < 0.75) return mix(c2, c3, (t - 0.5) / 0.25);
    return mix(c3, c4, (t - 0.75) / 0.25);
  }

  void main() {
    // Where the point is drawn: a merged cloud kept from the last frame is moved into the open
    // one by its model matrix, and is sliced, cropped, coloured and highlighted there.
    vec3 p = (modelMatrix * vec4(position, 1.0)).xyz;
    float v = aValue;
    if (uSource == 2) v = p.z;
    if (uSource == 3) v = length(p.xy);
    float t = (v - uMin) / max(uMax - uMin, 1e-6);
    vColor = uSource == 1 ? aColor : ramp(t);
    float r = length(p.xy);
    if (p.z < uLimits.x || p.z > uLimits.y || r < uLimits.z || r > uLimits.w || (uHideGround && aGround > 0.5) || aHidden > 0.5) {
      hidePoint();
      return;
    }
    if (uSource == 4) vColor = uNoBoxColor;
    if (uUseBoxTable && aBox > 0.5) {
      int b = int(aBox + 0.5) - 1;
      vec4 entry = texelFetch(uBoxTable, ivec2(b % ${BOX_TABLE_WIDTH}, b / ${BOX_TABLE_WIDTH}), 0);
      if (entry.a < 0.5) {
        hidePoint();
        return;
      }
      if (uSource == 4) vColor = entry.rgb;
    }
    vec3 local = (uBoxInverse * vec4(p, 1.0)).xyz;
    if (uClip && any(greaterThan(abs(local), uClipHalf))) {
      hidePoint();
      return;
    }
    float size = uSize;
    if (uHighlight && all(lessThanEqual(abs(local), uBoxHalf))) {
      vColor = vec3(1.0, 0.42, 0.85);
      size = uSize + 1.5;
    }
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    gl_PointSize = size;
  }
`;

const fragmentShader = /* glsl */ `
  varying vec3 vColor;
  void main() {
    gl_FragColor = vec4(vColor, 1.0);
  }
`;

/**
 * One shader for every view: colour by a scalar through a ramp, by the file's rgb or by the class of
 * the box a point is in; points inside the selected box highlighted; an optional box-local clip
 * region for the side views; the visibility filters (height slice, range crop, ground, hidden
 * boxes and classes) applied per point on the GPU.
 */
export function createPointMaterial(): ShaderMaterial {
  const material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      uSize: { value: 2 },
      uMin: { value: -2 },
      uMax: { value: 2 },
      uSource: { value: COLOR_SOURCE.height },
      uBoxInverse: { value: new Matrix4() },
      uBoxHalf: { value: new Vector3() },
      uHighlight: { value: false },
      uClip: { value: false },
      uClipHalf: { value: new Vector3(1, 1, 1) },
      uLimits: { value: new Vector4(-NO_LIMIT, NO_LIMIT, 0, NO_LIMIT) },
      uHideGround: { value: false },
      uBoxTable: { value: null as Texture | null },
      uUseBoxTable: { value: false },
      uNoBoxColor: { value: new Vector3(0.36, 0.38, 0.42) },
    },
  });
  // A geometry without these attributes reads 0 for them (no box, not ground, value 0), whatever
  // another program left in the attribute slot.
  Object.assign(material.defaultAttributeValues as Record<string, number[]>, { aBox: [0], aGround: [0], aHidden: [0], aValue: [0] });
  return material;
}
