import { useDraft } from '../../ui/use-draft';

/**
 * A form's state kept as a draft (sessionStorage, see useDraft), for forms with more than one text:
 * the links of a submission, the grid of a review. A failed send or a reload loses nothing.
 */
export function useJsonDraft<T>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const [raw, setRaw, clear] = useDraft(key);
  return [parse(raw) ?? initial, (next) => setRaw(JSON.stringify(next)), clear];
}

function parse<T>(raw: string): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null; // written by an older version of the app: start again
  }
}
