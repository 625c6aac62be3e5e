import { useMemo } from 'react';
import { useAppStore } from '../render/EditorContext.ts';
import { classColor } from '../render/classColors.ts';
import { NO_BOX_RGB } from '../render/boxTable.ts';

/** The legend of colour by box class: the frame's classes, and the grey of points in no box. */
export function ClassLegend() {
  const cuboids = useAppStore((s) => s.doc?.cuboids);
  const labels = useMemo(() => [...new Set((cuboids ?? []).map((c) => c.label))].sort(), [cuboids]);
  return (
    <div className="legend" data-testid="legend" data-covers-view="">
      <span className="legend-title">box class</span>
      <span className="legend-classes">
        {labels.map((l) => (
          <span key={l} className="legend-class">
            <span className="swatch" style={{ background: classColor(l) }} />
            {l}
          </span>
        ))}
        <span className="legend-class">
          <span className="swatch" style={{ background: `rgb(${NO_BOX_RGB.join(', ')})` }} />
          in no box
        </span>
      </span>
    </div>
  );
}
