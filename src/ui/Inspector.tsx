import { useEffect, useState } from 'react';
import type { Cuboid } from '../domain/types.ts';
import { selectPrimaryCuboid } from '../state/selectors.ts';
import type { CuboidPatch } from '../domain/document/cuboidOps.ts';
import { useEditor, useAppStore, usePage } from '../render/EditorContext.ts';
import { NumberField } from './NumberField.tsx';
import { showRefusal } from '../actions/updateCuboid.ts';
import { plural } from './plural.ts';

const RAD = 180 / Math.PI;
const SOURCE_LABEL: Record<string, string> = { import: 'imported', fit: 'fitted', manual: 'drawn' };

/** The selected box (the last picked, when several are, as it says): class, position, size, yaw, KITTI attributes, and the live points-inside count. */
export function Inspector() {
  const box = useAppStore(selectPrimaryCuboid);
  const selected = useAppStore((s) => s.selectedIds.length);
  const palette = useAppStore((s) => s.classes.palette);
  const frameId = useAppStore((s) => s.currentFrameId);
  const points = usePointsInside(frameId, box);
  const editor = useEditor();
  const locked = useAppStore((s) => s.editLock);
  if (!box) {
    return (
      <section className="panel" aria-label="Box">
        <h2>Box</h2>
        <p className="muted">
          {locked === null
            ? 'No box selected. Press F and click an object, or B and drag in the top view.'
            : `No box selected. Click a box to see it. ${locked}`}
        </p>
      </section>
    );
  }
  const set = (patch: CuboidPatch) => void editor.actions.executeAction('updateCuboid', undefined, { id: box.id, patch });
  const notANumber = (label: string) => showRefusal(editor.store, `${label}: what was typed is not a number (decimals take a point: 3.5): not changed.`);
  const vec = (k: 'center' | 'size', i: number, v: number) => {
    const next = [...box[k]] as [number, number, number];
    next[i] = v;
    set({ [k]: next });
  };
  return (
    <section className="panel inspector" aria-label="Box" data-testid="inspector">
      <h2>
        Box <span className="muted">· {SOURCE_LABEL[box.source] ?? box.source}</span>
        {box.attributes.keyframe === true ? (
          <span className="muted" data-testid="inspector-keyframe" title="A keyframe of its track (K): propagation never overwrites it">
            {' '}
            · keyframe
          </span>
        ) : null}
      </h2>
      {selected > 1 ? (
        <p className="muted inspector-many" data-testid="inspector-many">
          {`${selected} boxes selected: these fields show and change the last one picked; keys (class, arrows, Q/E, Delete) act on all.`}
        </p>
      ) : null}
      <label className="row">
        Class
        <select value={box.label} onChange={(e) => set({ label: e.target.value })} data-testid="inspector-class">
          {[...new Set([...palette, box.label])].map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <div className="grid3">
        {(['x', 'y', 'z'] as const).map((a, i) => (
          <NumberField key={a} label={a} value={box.center[i]} step={0.05} onCommit={(v) => vec('center', i, v)} onInvalid={notANumber} />
        ))}
        {(['l', 'w', 'h'] as const).map((a, i) => (
          <NumberField key={a} label={a} value={box.size[i]} step={0.05} onCommit={(v) => vec('size', i, v)} onInvalid={notANumber} />
        ))}
        <NumberField label="yaw °" value={box.yaw * RAD} step={1} digits={1} onCommit={(v) => set({ yaw: v / RAD })} onInvalid={notANumber} />
      </div>
      <div className="grid2">
        <label
          className="num"
          title="label_2 writes at least the share of the box's 2D outline that camera 2 does not see (1 outside it), whatever is chosen here"
        >
          Truncated
          <select value={String(box.attributes.truncated)} onChange={(e) => set({ attributes: { truncated: Number(e.target.value) } })}>
            {[0, 0.25, 0.5, 0.75, 1].map((v) => (
              <option key={v} value={String(v)}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="num">
          Occluded
          <select value={String(box.attributes.occluded)} onChange={(e) => set({ attributes: { occluded: Number(e.target.value) } })}>
            <option value="0">0 visible</option>
            <option value="1">1 partly</option>
            <option value="2">2 largely</option>
            <option value="3">3 unknown</option>
          </select>
        </label>
      </div>
      <p className="points-inside" data-testid="points-inside">
        {points === null ? '… points' : plural(points, 'point')} inside
      </p>
    </section>
  );
}

function usePointsInside(frameId: string | null, box: Cuboid | null): number | null {
  const [count, setCount] = useState<number | null>(null);
  const { countPointsInBox } = usePage().services;
  useEffect(() => {
    if (!frameId || !box) return;
    let live = true;
    void countPointsInBox(frameId, box).then((n) => {
      if (live) setCount(n);
    });
    return () => {
      live = false;
    };
  }, [frameId, box, countPointsInBox]);
  return count;
}
