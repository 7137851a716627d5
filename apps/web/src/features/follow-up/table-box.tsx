import type { ReactNode } from 'react';

/** A wide table that scrolls sideways on a phone: focusable, so the keyboard can scroll it too, and named after its caption. */
export function TableBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="follow-up__table" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
