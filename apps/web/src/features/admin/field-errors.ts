import { ApiError } from '../../api/api-error';

interface Options {
  /** The name of the API's field as the form knows it (e.g. "rooms.2.name" → "nameTaken"). */
  keyOf?: (apiField: string) => string;
  /** A clash (409) names no field: the key of the form's sentence for it, e.g. a name already used. */
  clash?: string;
}

/**
 * The API names the field it refuses; the screen words the problem in the user's language, next to
 * that field. A refusal that names none of the form's fields is left to FormError, so none is lost.
 */
export function fieldErrors(error: unknown, words: Record<string, string>, options: Options = {}) {
  const shown = new Map<string, string>();
  if (error instanceof ApiError) {
    for (const detail of error.details) {
      const key = options.keyOf?.(detail.field) ?? detail.field;
      if (words[key]) shown.set(key, words[key]);
    }
    if (error.status === 409 && options.clash && words[options.clash]) shown.set(options.clash, words[options.clash]);
  }
  return {
    /** The sentence for the first of these keys the API complained about. */
    errorOf: (...keys: string[]) => keys.map((key) => shown.get(key)).find(Boolean),
    formError: shown.size > 0 ? null : error,
  };
}
