import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';

export interface ModalOverlayProps {
  /** The dialog's accessible name. */
  label: string;
  /** Called for a close key (Esc by default) and, with `closeOnBackdrop`, a click beside the card. */
  onClose: () => void;
  closeOnBackdrop?: boolean;
  /** Keys (`KeyboardEvent.key`) that close the dialog. */
  closeKeys?: readonly string[];
  role?: 'dialog' | 'alertdialog';
  /** Extra classes of the card (`overlay-card` is always set). */
  cardClassName?: string;
  testId?: string;
  children: ReactNode;
}

/** Open modals, innermost last: only the innermost one answers keys typed outside every dialog. */
const openModals: symbol[] = [];

/**
 * A modal dialog over the page. While it is open no key reaches the app's shortcuts (the action
 * registry listens on `window`, in the bubble phase): keys inside the dialog stop at its root, and
 * keys from outside it (focus left on `body`) are stopped on `window` in the capture phase. The card
 * takes focus when it opens unless a child already has it (`autoFocus`), and focus goes back where
 * it was when it closes.
 */
export function ModalOverlay({
  label,
  onClose,
  closeOnBackdrop = false,
  closeKeys = ['Escape'],
  role = 'dialog',
  cardClassName,
  testId,
  children,
}: ModalOverlayProps) {
  const cardRef = useRef<HTMLDivElement>(null);
  // The latest props, read from the window listener registered once.
  const latest = useRef({ onClose, closeKeys });
  useEffect(() => {
    latest.current = { onClose, closeKeys };
  });

  useEffect(() => {
    const me = Symbol(label);
    openModals.push(me);
    const before = document.activeElement;
    const card = cardRef.current;
    if (card && !card.contains(document.activeElement)) card.focus({ preventScroll: true });
    const onKeyCapture = (e: KeyboardEvent) => {
      if (openModals[openModals.length - 1] !== me) return;
      // Keys inside a dialog are handled (and stopped) by the dialog itself.
      if (e.target instanceof Element && e.target.closest('[data-modal]')) return;
      e.stopPropagation();
      if (latest.current.closeKeys.includes(e.key)) {
        e.preventDefault();
        latest.current.onClose();
      }
    };
    window.addEventListener('keydown', onKeyCapture, true);
    return () => {
      window.removeEventListener('keydown', onKeyCapture, true);
      openModals.splice(openModals.indexOf(me), 1);
      if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    };
    // The label is fixed for a dialog's life; the listener reads the rest from `latest`.
  }, [label]);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    e.stopPropagation();
    if (closeKeys.includes(e.key)) {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div
      className="overlay"
      role={role}
      aria-modal="true"
      aria-label={label}
      data-modal=""
      data-testid={testId}
      onClick={closeOnBackdrop ? onClose : undefined}
      onKeyDown={onKeyDown}
    >
      <div ref={cardRef} className={cardClassName ? `overlay-card ${cardClassName}` : 'overlay-card'} tabIndex={-1} onClick={(e) => e.stopPropagation()}>
        {children}
      </div>
    </div>
  );
}
