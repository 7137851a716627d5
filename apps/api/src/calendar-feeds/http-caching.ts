import { createHash } from 'node:crypto';

/** A strong validator: the hash of the exact bytes served. */
export const entityTag = (body: string) => `"${createHash('sha256').update(body).digest('base64url')}"`;

/** HTTP dates have whole seconds: a Last-Modified must be compared at that precision. */
export const toHttpSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

export interface Validators {
  etag: string;
  lastModified: Date;
}

/**
 * Whether a conditional GET may be answered 304 (RFC 9110, 13.2.2): If-None-Match decides when
 * present, compared weakly; If-Modified-Since is read only without it.
 */
export function isNotModified(headers: { ifNoneMatch?: string; ifModifiedSince?: string }, current: Validators): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return headers.ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(current.etag));
  }
  if (headers.ifModifiedSince !== undefined) {
    const since = Date.parse(headers.ifModifiedSince);
    return !Number.isNaN(since) && toHttpSeconds(current.lastModified).getTime() <= since;
  }
  return false;
}
