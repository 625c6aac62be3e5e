import { useEffect, useMemo, useRef, useState } from 'react';
import { orderedInterval, withEnd } from '../domain/pointcloud/sliceAndCrop.ts';
import { parseTypedNumber } from './parseTypedNumber.ts';
import { useAppStore, usePage } from '../render/EditorContext.ts';
import { classColor } from '../render/classColors.ts';
import type { Interval } from '../state/slices/visibilitySlice.ts';
import './visibilityControls.css';

/** Bounds of the height slice (metres from the sensor's frame origin) and of the range crop (metres): past any scan. */
const HEIGHT_BOUND = 100;
const RANGE_BOUND = 1000;

/** Ground height under the sensor when the ground model is not known yet (LiDAR z, metres). */
const GROUND_FALLBACK_Z = -1.7;
/** Range crop a new crop starts with (metres from the sensor): everything within 40 m (a near limit is typed in). */
const DEFAULT_CROP: Interval = { min: null, max: 40 };

/**
 * What the viewer shows: hide the ground, a height slice and a range crop (also draggable in the
 * main view), the classes whose boxes and points are hidden, and the point size. None of it is
 * saved with the labels.
 */
export function VisibilityControls() {
  const { io, editor } = usePage();
  const vis = useAppStore((s) => s.visibility);
  const frameId = useAppStore((s) => s.currentFrameId);
  const cuboids = useAppStore((s) => s.doc?.cuboids);
  const pointSize = useAppStore((s) => s.view.pointSize);
  const setPointSize = useAppStore((s) => s.setPointSize);
  const setHeightSlice = useAppStore((s) => s.setHeightSlice);
  const setRangeCrop = useAppStore((s) => s.setRangeCrop);
  const setClassHidden = useAppStore((s) => s.setClassHidden);
  const resetVisibility = useAppStore((s) => s.resetVisibility);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of cuboids ?? []) m.set(c.label, (m.get(c.label) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [cuboids]);
  const sliceOn = vis.heightSlice.min !== null || vis.heightSlice.max !== null;
  // Where the frame's points lie (all of them): a slice or crop beside that hides them, which says so.
  const heights = useAppStore((s) => s.load.ranges.heightSpan);
  const cropOn = vis.rangeCrop.min !== null || vis.rangeCrop.max !== null;
  const reach = useAppStore((s) => s.load.ranges.reach);
  const groundZ = () => (frameId ? io.groundCache.groundZ(frameId, 0, 0) : null) ?? GROUND_FALLBACK_Z;
  const hiddenCount = vis.hiddenClasses.length + vis.hiddenBoxIds.length;
  // The last limit field typed into: a typed end that passes the one typed just before swaps with it (`withEnd`).
  const lastTyped = useRef<string | null>(null);
  const typed = (field: string): boolean => {
    const other = field.endsWith('min') ? field.replace(/min$/, 'max') : field.replace(/max$/, 'min');
    const justTyped = lastTyped.current === other;
    lastTyped.current = field;
    return justTyped;
  };

  return (
    <section className="panel visibility" aria-label="Visibility" data-testid="visibility-controls">
      <h2>
        Visibility
        {sliceOn || cropOn || vis.hideGround || hiddenCount > 0 ? (
          <button type="button" className="vis-reset" onClick={resetVisibility} title="Show everything and clear the slice and crop">
            show all
          </button>
        ) : null}
      </h2>
      <label className="vis-row">
        <input type="checkbox" checked={vis.hideGround} onChange={() => void editor.actions.executeAction('toggleHideGround')} data-testid="vis-hide-ground" />
        Hide ground <kbd>Shift+G</kbd>
      </label>
      <div className="vis-row">
        <label>
          <input
            type="checkbox"
            checked={sliceOn}
            onChange={() => {
              // A new slice keeps what stands on the ground up to a van's roof, and cuts trees and ceilings.
              const g = groundZ();
              lastTyped.current = null;
              setHeightSlice(sliceOn ? { min: null, max: null } : { min: round(g + 0.2), max: round(g + 2.5) });
            }}
            data-testid="vis-slice"
          />
          Height z
        </label>
        <EndFields
          name="z"
          interval={vis.heightSlice}
          bounds={[-HEIGHT_BOUND, HEIGHT_BOUND]}
          onEnd={(end, v) => setHeightSlice(withEnd(vis.heightSlice, end, v, typed(`z ${end}`)))}
        />
        <span className="muted">m</span>
      </div>
      <div className="vis-row">
        <label>
          <input
            type="checkbox"
            checked={cropOn}
            onChange={() => {
              lastTyped.current = null;
              setRangeCrop(cropOn ? { min: null, max: null } : DEFAULT_CROP);
            }}
            data-testid="vis-crop"
          />
          Range
        </label>
        <EndFields
          name="range"
          interval={vis.rangeCrop}
          bounds={[0, RANGE_BOUND]}
          onEnd={(end, v) => setRangeCrop(withEnd(vis.rangeCrop, end, v, typed(`range ${end}`)))}
        />
        <span className="muted">m</span>
      </div>
      {sliceOn && heights !== undefined && sliceMisses(vis.heightSlice, heights) ? (
        <p className="vis-hint vis-warn" data-testid="vis-slice-empty">
          {`The height slice hides the points: this frame's lie between ${heights[0].toFixed(1)} and ${heights[1].toFixed(1)} m.`}
        </p>
      ) : null}
      {cropOn && reach !== undefined && sliceMisses(vis.rangeCrop, reach) ? (
        <p className="vis-hint vis-warn" data-testid="vis-crop-empty">
          {`The range crop hides the points: this frame's lie ${reach[0].toFixed(1)} to ${reach[1].toFixed(1)} m from the sensor.`}
        </p>
      ) : null}
      {sliceOn || cropOn ? <p className="muted vis-hint">Drag the cyan (height) and amber (range) knobs in the main view.</p> : null}
      <label className="vis-row">
        Point size
        <input type="range" min={1} max={8} step={0.5} value={pointSize} onChange={(e) => setPointSize(Number(e.target.value))} data-testid="vis-point-size" />
        <output>{pointSize}</output>
      </label>
      {counts.length > 0 ? (
        <div className="vis-classes" role="group" aria-label="Classes shown">
          {counts.map(([label, n]) => {
            const hidden = vis.hiddenClasses.includes(label);
            return (
              <button
                key={label}
                type="button"
                className={hidden ? 'vis-class hidden' : 'vis-class'}
                aria-pressed={!hidden}
                onClick={() => setClassHidden(label)}
                title={hidden ? `Show ${label} boxes and their points` : `Hide ${label} boxes and their points`}
                data-testid={`vis-class-${label}`}
              >
                <span className="swatch" style={{ background: classColor(label) }} />
                <span className="vis-class-name">{label}</span> <span className="muted">{n}</span>
              </button>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}

/** Whether a height slice (or a range crop) lies wholly above or below the frame's heights (or distances) `[lo, hi]` (either end open). */
function sliceMisses(slice: Interval, [lo, hi]: readonly [number, number]): boolean {
  const { min, max } = orderedInterval(slice);
  return (min !== null && min > hi) || (max !== null && max < lo);
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The two ends of an interval (`NAME min` – `NAME max`), each a `LimitField` within `bounds`. */
function EndFields({
  name,
  interval,
  bounds,
  onEnd,
}: {
  name: string;
  interval: { min: number | null; max: number | null };
  bounds: readonly [number, number];
  onEnd: (end: 'min' | 'max', value: number | null) => void;
}) {
  return (
    <>
      <LimitField label={`${name} min`} value={interval.min} min={bounds[0]} max={bounds[1]} onChange={(v) => onEnd('min', v)} />
      <span className="muted">–</span>
      <LimitField label={`${name} max`} value={interval.max} min={bounds[0]} max={bounds[1]} onChange={(v) => onEnd('max', v)} />
    </>
  );
}

/** A number for a message: short, never in exponent form past 1e21. */
function fmtLimit(v: number): string {
  return Math.abs(v) >= 1e6 ? v.toExponential(1) : String(round(v));
}

/** A limit in metres within [min, max]: empty means none; commits on Enter or blur, bad text reverts, a value past a bound is set to it with a message. */
function LimitField({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: number | null;
  min: number;
  max: number;
  onChange: (v: number | null) => void;
}) {
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const committedByEnter = useRef(false);
  const showMessage = useAppStore((s) => s.showMessage);
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    const t = text.trim();
    if (t === '') {
      if (value !== null) onChange(null);
      return;
    }
    const v = parseTypedNumber(t);
    if (v === null) {
      showMessage(`${label}: what was typed is not a number (decimals take a point: 3.5): not changed.`, 'warning');
      setText(shown);
      return;
    }
    // Past its bounds it is set to the bound, saying so (a range starts at 0; 1e9 put the knobs off screen).
    const next = Math.min(max, Math.max(min, v));
    if (next !== v)
      showMessage(`${label}: ${fmtLimit(v)} m is past ${next === min ? 'the lowest' : 'the highest'} it takes: set to ${fmtLimit(next)} m.`, 'warning');
    if (next !== value) onChange(next);
    else setText(shown);
  };
  return (
    <input
      className="vis-limit"
      type="text"
      inputMode="decimal"
      placeholder="none"
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        // Enter committed already (and blurred the field): committing its text again would undo a swap of the ends.
        if (committedByEnter.current) committedByEnter.current = false;
        else commit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          commit();
          committedByEnter.current = true;
          e.currentTarget.blur();
          committedByEnter.current = false;
        }
        if (e.key === 'Escape') setText(shown);
      }}
      data-testid={`vis-${label.replace(' ', '-')}`}
    />
  );
}
