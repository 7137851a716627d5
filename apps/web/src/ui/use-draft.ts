import { useState } from 'react';

const read = (storageKey: string) => sessionStorage.getItem(storageKey) ?? '';

/**
 * A text being typed, kept in sessionStorage under `key`: a lost connection, a failed send or a
 * reload of the page never loses it. `clear()` once the server has it.
 */
export function useDraft(key: string): [string, (value: string) => void, () => void] {
  const storageKey = `fabrique.draft.${key}`;
  const [draft, setDraft] = useState(() => ({ storageKey, value: read(storageKey) }));
  // Another key (another cohort or ticket): its own draft, read during render rather than in an effect.
  const value = draft.storageKey === storageKey ? draft.value : read(storageKey);
  const update = (next: string) => {
    setDraft({ storageKey, value: next });
    if (next) sessionStorage.setItem(storageKey, next);
    else sessionStorage.removeItem(storageKey);
  };
  return [value, update, () => update('')];
}
