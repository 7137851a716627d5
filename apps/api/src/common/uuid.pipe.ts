import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppException } from '@fabrique/errors';

/** Route ids are UUIDs: anything else is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) {
      const field = metadata.data ?? 'id';
      throw new AppException('validation_failed', `${field} must be a UUID`, [{ field, message: `${field} must be a UUID` }]);
    }
    return value;
  }
}
