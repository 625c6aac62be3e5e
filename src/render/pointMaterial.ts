import { ShaderMaterial } from 'three';

/** Colour source of the point shader. */
export const COLOR_SOURCE = { attribute: 0, rgb: 1, height: 2, distance: 3 } as const;

const vertexShader = /* glsl */ `
  attribute float aValue;
  attribute vec3 aColor;
  uniform float uSize;
  uniform float uMin;
  uniform float uMax;
  uniform int uSource;
  varying vec3 vColor;

  vec3 ramp(float t) {
    // A perceptual blue → cyan → green → yellow → red ramp (piecewise linear).
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
    vec4 mv = modelViewMatrix * vec4(position, 1.0);
    gl_Position = projectionMatrix * mv;
    gl_PointSize = uSize;
  }
`;

const fragmentShader = /* glsl */ `
  varying vec3 vColor;
  void main() {
    gl_FragColor = vec4(vColor, 1.0);
  }
`;

/** One shader for every view: colour by a scalar through a ramp, or by the file's rgb. */
export function createPointMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      uSize: { value: 2 },
      uMin: { value: -2 },
      uMax: { value: 2 },
      uSource: { value: COLOR_SOURCE.height },
    },
  });
}
