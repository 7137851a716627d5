import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';

/**
 * The API's problem with one field, in the reader's language: these forms' own sentences for the
 * rules they know (by the rule the API names), else the app's words for the rule, else the API's.
 */
export function fieldError(error: unknown, field: string, t: TFunction<'threads'>, form: 'question' | 'reply' = 'question'): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const rule = error.details.find((detail) => detail.field === field)?.rule;
  if (field === 'title' && rule === 'minLength') return t('form.titleTooShort');
  if (field === 'title' && rule === 'maxLength') return t('form.titleTooLong');
  if (field === 'body' && rule === 'minLength') return form === 'reply' ? t('reply.empty') : t('form.bodyEmpty');
  if (field === 'body' && rule === 'maxLength') return t('form.bodyTooLong');
  return error.fieldError(field);
}

/** Whether every problem the API named is shown next to one of these fields: then the form does not repeat it. */
export function shownByFields(error: unknown, fields: readonly string[]): boolean {
  return error instanceof ApiError && error.details.length > 0 && error.details.every((detail) => fields.includes(detail.field));
}
