import { useEffect, useState } from 'react';

export interface NumberFieldProps {
  label: string;
  value: number;
  step?: number;
  digits?: number;
  onCommit: (value: number) => void;
}

/** A numeric input that commits on Enter or blur (one undo step), and reverts bad text. */
export function NumberField({ label, value, step = 0.1, digits = 2, onCommit }: NumberFieldProps) {
  const [text, setText] = useState(value.toFixed(digits));
  useEffect(() => setText(value.toFixed(digits)), [value, digits]);
  const commit = () => {
    const v = Number(text);
    if (Number.isFinite(v) && Math.abs(v - value) > 1e-9) onCommit(v);
    else setText(value.toFixed(digits));
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
