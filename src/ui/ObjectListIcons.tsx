/** A 12-pixel eye, struck through when `off` (hidden). Drawn in the current text colour. */
export function EyeIcon({ off }: { off: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.2">
      <path d="M1 6c1.4-2.4 3-3.5 5-3.5s3.6 1.1 5 3.5c-1.4 2.4-3 3.5-5 3.5S2.4 8.4 1 6z" />
      <circle cx="6" cy="6" r="1.5" fill={off ? 'none' : 'currentColor'} />
      {off ? <path d="M1.5 10.5l9-9" /> : null}
    </svg>
  );
}

/** A 12-pixel padlock, shut when `on` (locked). Drawn in the current text colour. */
export function LockIcon({ on }: { on: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.2">
      <rect x="2.5" y="5.5" width="7" height="5" rx="0.8" fill={on ? 'currentColor' : 'none'} />
      <path d={on ? 'M4 5.5V4a2 2 0 0 1 4 0v1.5' : 'M4 5.5V4a2 2 0 0 1 4 0'} />
    </svg>
  );
}
