import { ValidatorConstraint, type ValidatorConstraintInterface, type ValidationArguments } from 'class-validator';
import { isIsoDate } from '@fabrique/domain';

@ValidatorConstraint({ name: 'isoDate' })
export class IsoDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isIsoDate(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a calendar date written YYYY-MM-DD`;
  }
}
