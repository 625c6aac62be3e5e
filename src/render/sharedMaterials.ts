import { LineBasicMaterial, MeshBasicMaterial } from 'three';

const lines = new Map<string, LineBasicMaterial>();
const fills = new Map<string, MeshBasicMaterial>();

/**
 * Box and marker materials shared by every object with the same look. Boxes come and go with every
 * frame switch; sharing (and never disposing) their few materials keeps their shader programs
 * alive instead of recompiling them each time.
 */
export function lineMaterial(color: string, opacity = 1): LineBasicMaterial {
  const key = `${color}/${opacity}`;
  let m = lines.get(key);
  if (!m) {
    m = new LineBasicMaterial({ color, transparent: opacity < 1, opacity });
    lines.set(key, m);
  }
  return m;
}

/** A flat (unlit) fill; translucent fills do not write depth so the points behind stay visible. */
export function fillMaterial(color: string, opacity = 1): MeshBasicMaterial {
  const key = `${color}/${opacity}`;
  let m = fills.get(key);
  if (!m) {
    m = new MeshBasicMaterial({ color, transparent: opacity < 1, opacity, depthWrite: opacity >= 1 });
    fills.set(key, m);
  }
  return m;
}

const overlays = new Map<string, MeshBasicMaterial>();

/** A flat fill drawn over everything else (no depth test): handles must stay grabbable inside a dense cloud. */
export function overlayMaterial(color: string): MeshBasicMaterial {
  let m = overlays.get(color);
  if (!m) {
    m = new MeshBasicMaterial({ color, depthTest: false, depthWrite: false });
    overlays.set(color, m);
  }
  return m;
}
