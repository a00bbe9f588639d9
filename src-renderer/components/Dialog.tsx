// A modal dialog on the native <dialog> element: showModal() gives focus trapping, Escape to close
// and an inert background for free, with no focus-management code of our own to get wrong.
import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ open, title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    // onClose fires for Escape (the native cancel) as well as for dialog.close(); the parent's
    // state follows, so the two cannot disagree.
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby="dialog-title" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          Close<span className="visually-hidden"> {title}</span>
        </button>
      </div>
      {open && children}
    </dialog>
  );
}
