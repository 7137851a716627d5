import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@fabrique/contracts';
import { AppException } from './app-exception.js';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and names every bad one in the shared error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = [...new Set(details.map((detail) => detail.field))];
      return new AppException('validation_failed', `Invalid ${fields.join(', ')}: ${details[0]?.message ?? 'bad input'}`, details);
    },
  });
}
