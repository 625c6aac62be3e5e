import { useEffect, useRef, useState } from 'react';
import { MINUS_SIGNS, parseTypedNumber } from './parseTypedNumber.ts';

export interface NumberFieldProps {
  label: string;
  value: number;
  step?: number;
  digits?: number;
  onCommit: (value: number) => void;
  /** Told the field's label when what was typed is not a number (the field then shows the value again). */
  onInvalid?: (label: string) => void;
}

/** Characters a number can be typed with: anything else (a shortcut letter pressed by mistake) is dropped. */
const NOT_NUMERIC = /[^0-9.,+\-eE]/g;

/**
 * A numeric input that commits on Enter or blur (one undo step), and reverts bad or cleared text
 * and refused changes. A text field, not `type="number"`: Chromium's number input dropped the
 * comma of "3,5" and committed 35. A decimal comma is read as a point (`parseTypedNumber`);
 * other text that is no number is refused through `onInvalid`. ↑/↓ step the value as typed.
 */
export function NumberField({ label, value, step = 0.1, digits = 2, onCommit, onInvalid }: NumberFieldProps) {
  const [text, setText] = useState(value.toFixed(digits));
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => setText(value.toFixed(digits)), [value, digits]);
  const commit = () => {
    // Only what the user typed is committed: the shown text is the value rounded, and writing it
    // back (Enter or Tab without typing) would change the box. A cleared field shows the value again.
    if (text.trim() === '' || text === value.toFixed(digits)) {
      setText(value.toFixed(digits));
      return;
    }
    const v = parseTypedNumber(text);
    if (v === null) {
      onInvalid?.(label);
      setText(value.toFixed(digits));
      return;
    }
    if (Math.abs(v - value) > 1e-9) {
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
        type="text"
        inputMode="decimal"
        value={text}
        // A pasted minus sign is kept as '-' before the filter (it dropped it: −1.5 became +1.5).
        onChange={(e) => setText(e.target.value.replace(MINUS_SIGNS, '-').replace(NOT_NUMERIC, ''))}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(value.toFixed(digits));
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            const from = parseTypedNumber(text) ?? value;
            setText((from + (e.key === 'ArrowUp' ? step : -step)).toFixed(digits));
          }
        }}
        data-testid={`field-${label}`}
      />
    </label>
  );
}
