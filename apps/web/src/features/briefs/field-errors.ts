import { ApiError } from '../../api/api-error';

/** The API's problem with one field of a form ("links.1", "levels.0.level"), if it named that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}

/**
 * Whether every problem the API named is already shown next to a field of the form: then the form
 * does not repeat it as a whole. Anything else (a conflict, a lost connection) is shown above the button.
 */
export function shownByFields(error: unknown, isShown: (field: string) => boolean): boolean {
  return error instanceof ApiError && error.details.length > 0 && error.details.every((detail) => isShown(detail.field));
}
