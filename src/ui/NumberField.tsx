import { useEffect, useRef, useState } from 'react';

export interface NumberFieldProps {
  label: string;
  value: number;
  step?: number;
  digits?: number;
  onCommit: (value: number) => void;
}

/** A numeric input that commits on Enter or blur (one undo step), and reverts bad or cleared text and refused changes. */
export function NumberField({ label, value, step = 0.1, digits = 2, onCommit }: NumberFieldProps) {
  const [text, setText] = useState(value.toFixed(digits));
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => setText(value.toFixed(digits)), [value, digits]);
  const commit = () => {
    // Only what the user typed is committed: the shown text is the value rounded, and writing it
    // back (Enter or Tab without typing) would change the box. A cleared field is no number
    // (Number('') is 0): it shows the value again.
    const v = text.trim() === '' || text === value.toFixed(digits) ? Number.NaN : Number(text);
    if (Number.isFinite(v) && Math.abs(v - value) > 1e-9) {
      onCommit(v);
      // A refused change (a locked box, a frame locked for review) leaves the value as it was:
      // the field shows it again instead of the number typed. (An accepted one re-renders first.)
      setTimeout(() => setText(latest.current.toFixed(digits)), 0);
    } else setText(value.toFixed(digits));
  };
  return (
    <label className="num">
      <span>{label}</span>
      <input
        type="number"
        step={step}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(value.toFixed(digits));
        }}
        data-testid={`field-${label}`}
      />
    </label>
  );
}
