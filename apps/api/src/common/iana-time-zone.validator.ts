import { ValidatorConstraint, type ValidatorConstraintInterface, type ValidationArguments } from 'class-validator';
import { isIanaTimeZone } from '@fabrique/domain';

@ValidatorConstraint({ name: 'ianaTimeZone' })
export class IanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isIanaTimeZone(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an IANA time zone such as Europe/Paris`;
  }
}
