import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldError } from '@fabrique/contracts';
import { AppException } from './app-exception.js';

/** The numeric bound of a rule on a DTO's property (maxLength(200) gives 200), read from class-validator's metadata. */
function limitOf(target: object | undefined, property: string, rule: string): number | undefined {
  if (!target) return undefined;
  const rules = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const bound = rules.find((metadata) => metadata.propertyName === property && metadata.name === rule)?.constraints?.[0];
  return typeof bound === 'number' ? bound : undefined;
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => {
      const limit = limitOf(error.target, error.property, rule);
      return { field, message, rule, ...(limit === undefined ? {} : { limit }) };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and names every bad one in the shared error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The DTO instance on each error, to read its rules' bounds; never the value (it is not echoed back).
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = [...new Set(details.map((detail) => detail.field))];
      return new AppException('validation_failed', `Invalid ${fields.join(', ')}: ${details[0]?.message ?? 'bad input'}`, details);
    },
  });
}
