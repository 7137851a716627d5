import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import { invalidField } from '../common/invalid-field.js';

export const IDEMPOTENCY_KEY = 'Idempotency-Key';

/** Absent, or a UUID the client generated once per command (anything else is a 400 naming the header). */
export function idempotencyKeyOf(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !isUUID(value)) throw invalidField(IDEMPOTENCY_KEY, `${IDEMPOTENCY_KEY} must be a UUID, generated once per command and sent again on retries`);
  return value;
}

/** The optional `Idempotency-Key` header, checked. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  idempotencyKeyOf(context.switchToHttp().getRequest<Request>().headers['idempotency-key']),
);
