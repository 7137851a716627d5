import type { FieldError } from '@fabrique/contracts';
import { i18n } from '../i18n';

/**
 * The words for one field's problem in the user's language: the API names the rule broken (and its
 * bound), which has a translation here; a rule without one falls back to the API's English message.
 */
export function fieldErrorText(detail: FieldError): string {
  const key = `validation.${detail.rule}`;
  return detail.rule && i18n.exists(key) ? i18n.t(key, { limit: detail.limit, count: detail.limit }) : detail.message;
}
