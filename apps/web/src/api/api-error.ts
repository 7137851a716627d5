import type { ErrorBody, FieldError } from '@fabrique/contracts';
import { fieldErrorText } from './field-error-text';

/** An answer of the API that is not 2xx, with its JSON error body; or no answer at all (`offline`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? (status === 0 ? 'offline' : `HTTP ${status}`));
  }

  get code(): string {
    return this.body?.code ?? (this.status === 0 ? 'offline' : 'internal');
  }

  /** The problem with one field (or CSV line), to show next to it, in the user's language when the rule is known. */
  fieldError(field: string): string | undefined {
    const detail = this.body?.details?.find((candidate) => candidate.field === field);
    return detail && fieldErrorText(detail);
  }

  get details(): FieldError[] {
    return this.body?.details ?? [];
  }
}
