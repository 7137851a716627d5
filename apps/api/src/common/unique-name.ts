import type { DataSource } from 'typeorm';
import { AppException } from '@fabrique/errors';

/**
 * Names of sites and tracks are unique case-insensitively (a unique index on lower(name) backs it):
 * checked first so the admin gets a message naming the clash rather than a bare constraint error,
 * and a `details` entry on `name` (rule `unique`) so a form shows it next to the field.
 */
export async function assertNameFree(dataSource: DataSource, table: 'sites' | 'tracks', name: string, exceptId?: string): Promise<void> {
  const [clash] = (await dataSource.query(`SELECT id FROM ${table} WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2`, [
    name.trim(),
    exceptId ?? null,
  ])) as Array<{ id: string }>;
  if (!clash) return;
  const message = `A ${table.slice(0, -1)} named "${name}" already exists`;
  throw new AppException('conflict', message, [{ field: 'name', message, rule: 'unique' }]);
}
