import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A modal dialog (WAI-ARIA dialog pattern): labelled by its title, focus moved in on open
 * (`data-autofocus`, else the first control), Tab kept inside, Esc closes, and focus given back
 * to where it was. Esc is marked handled (preventDefault) so the window's shortcut map
 * (../app/useShortcuts.ts) does not also act on it.
 */
export interface DialogProps {
  labelledBy: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** extra state for styling (e.g. `data-kind="verifying"`) */
  kind?: string;
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export function Dialog({ labelledBy, onClose, children, className, kind }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    const first =
      dialog?.querySelector<HTMLElement>('[data-autofocus]:not([disabled])') ??
      dialog?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      // only when focus fell with the dialog: if the app already moved it on (a new screen
      // after login), that wins
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && before && before.isConnected && before !== document.body) before.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      trapTab(event);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={['dialog', className].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        data-kind={kind}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}

/** Keeps Tab inside the dialog: focus is never lost behind it. */
function trapTab(event: KeyboardEvent<HTMLDivElement>): void {
  const focusable = event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
