import { invalidField } from './invalid-field.js';

type KeyValue = string | number | boolean | null;

/** The sort key of a page's last row, opaque to clients: base64url of a JSON array. */
export const encodeCursor = (key: readonly KeyValue[]): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/**
 * Reads a cursor back, checking each value against `shape` (`'date'`, `'uuid'`, `'number'`,
 * `'boolean'`): a tampered or foreign cursor is a 400 naming `cursor`, never a SQL error.
 */
export function decodeCursor(cursor: string, shape: readonly ('date' | 'uuid' | 'number' | 'boolean')[]): KeyValue[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((value, i) => {
      switch (shape[i]) {
        case 'date':
          return typeof value === 'string' && !Number.isNaN(Date.parse(value));
        case 'uuid':
          return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
        case 'number':
          return typeof value === 'number' && Number.isFinite(value);
        case 'boolean':
          return typeof value === 'boolean';
        default:
          return false;
      }
    });
  if (!valid) throw invalidField('cursor', 'cursor is not a cursor from this list');
  return key as KeyValue[];
}
