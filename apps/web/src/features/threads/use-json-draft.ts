import { useDraft } from '../../ui/use-draft';

/** A form of several fields kept as one draft (sessionStorage, see useDraft): a reload or a failed send loses nothing. */
export function useJsonDraft<T extends object>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const [raw, setRaw, clear] = useDraft(key);
  return [{ ...initial, ...parse<T>(raw) }, (next) => setRaw(JSON.stringify(next)), clear];
}

function parse<T>(raw: string): Partial<T> | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Partial<T>;
  } catch {
    return null; // written by an older version of the app: start again
  }
}
