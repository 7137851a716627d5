/**
 * Every error code the API and the socket events may answer with, and its HTTP
 * status. Adding a code without a status does not compile.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  token_expired: 401,
  refresh_token_invalid: 401,
  refresh_token_reused: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invitation_used: 409,
  invitation_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one input: a body field ("email"), a query parameter, or a CSV line. */
export interface FieldError {
  field: string;
  /** In English, for developers and logs; clients show their own words for a known `rule`. */
  message: string;
  line?: number;
  /**
   * The rule the value broke, stable for clients to translate: class-validator's constraint names
   * (isNotEmpty, maxLength, min, isEmail, whitelistValidation…) or a service's own.
   */
  rule?: string;
  /** The rule's bound where it has one: the 200 of maxLength(200), the 1 of min(1). */
  limit?: number;
  /** Other values a client's sentence for the rule needs (a CSV cell, a line number), named by the rule. */
  params?: Record<string, string | number>;
}

/** The one JSON shape of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: FieldError[];
  /**
   * Why, finer than `code`, for an error that names no field (check_in_code_expired, not_on_site_now…):
   * stable for clients to word in their language, falling back to `message` when they do not know it.
   */
  reason?: string;
  /** Values a client's sentence for the reason needs (minutes to wait, a time), named by the reason. */
  params?: Record<string, string | number>;
}
