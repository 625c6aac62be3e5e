import { useEffect, useState } from 'react';
import type { FramePose } from '../domain/poses/Pose.ts';
import type { ApiClient } from '../io/apiClient.ts';
import { usePage } from './EditorContext.ts';

const loaded = new WeakMap<ApiClient, Promise<Record<string, FramePose>>>();

/**
 * The dataset's ego poses by frame id (`GET /api/poses`, asked once per API client), or null while
 * they load, when the dataset has none, or when the request failed (views then stay in each
 * frame's sensor frame).
 */
export function useEgoPoses(): Record<string, FramePose> | null {
  const { io } = usePage();
  const [poses, setPoses] = useState<Record<string, FramePose> | null>(null);
  useEffect(() => {
    let live = true;
    let p = loaded.get(io.api);
    if (!p) {
      p = io.api.getPoses().then((r) => r.frames);
      p.catch(() => loaded.delete(io.api));
      loaded.set(io.api, p);
    }
    p.then(
      (frames) => live && setPoses(Object.keys(frames).length > 0 ? frames : null),
      () => live && setPoses(null),
    );
    return () => {
      live = false;
    };
  }, [io]);
  return poses;
}
