import { Matrix4, ShaderMaterial, Vector3 } from 'three';

/** Colour source of the point shader. */
export const COLOR_SOURCE = { attribute: 0, rgb: 1, height: 2, distance: 3 } as const;

const vertexShader = /* glsl */ `
  attribute float aValue;
  attribute vec3 aColor;
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
  varying vec3 vColor;

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
    float v = aValue;
    if (uSource == 2) v = position.z;
    if (uSource == 3) v = length(position.xy);
    float t = (v - uMin) / max(uMax - uMin, 1e-6);
    vColor = uSource == 1 ? aColor : ramp(t);
    vec3 local = (uBoxInverse * vec4(position, 1.0)).xyz;
    if (uClip && any(greaterThan(abs(local), uClipHalf))) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      gl_PointSize = 0.0;
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
 * One shader for every view: colour by a scalar through a ramp or by the file's rgb; points inside the
 * selected box highlighted; an optional box-local clip region for the side views.
 */
export function createPointMaterial(): ShaderMaterial {
  return new ShaderMaterial({
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
    },
  });
}
