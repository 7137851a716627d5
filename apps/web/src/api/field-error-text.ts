import type { FieldError } from '@fabrique/contracts';
import { i18n } from '../i18n';

/**
 * The words for one field's problem in the user's language: the API names the rule broken (and its
 * bound), which has a translation here; a rule without one falls back to the API's English message.
 */
export function fieldErrorText(detail: FieldError): string {
  const key = `validation.${detail.rule}`;
  // count picks the plural form ("1 caractère", "200 caractères") where the rule has one.
  const options = { limit: detail.limit, count: detail.limit ?? 0 };
  return detail.rule && i18n.exists(key, options) ? i18n.t(key, options) : detail.message;
}
