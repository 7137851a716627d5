import type { ErrorBody } from '@fabrique/contracts';
import { ApiError } from './api-error';
import { exclusively, session } from './session-store';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

let refreshing: Promise<boolean> | null = null;

/**
 * A new access token from the refresh token, once at a time: concurrent 401s share one refresh,
 * and other tabs wait for the lock then find the token already rotated (they reuse it).
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= exclusively('fabrique.refresh', async () => {
    const token = session.refresh;
    if (!token) return false;
    const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: token }) }).catch(() => null);
    if (!response) throw new ApiError(0, null);
    if (!response.ok) {
      // Another tab rotated it meanwhile: its token is in storage now, ours was the old one.
      if (session.refresh !== token) return refreshSession();
      session.clear();
      return false;
    }
    session.set((await response.json()) as Tokens);
    return true;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as is with this content type (CSV), instead of JSON. */
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the API with the session's token, refreshing it once on 401; throws ApiError on anything but 2xx. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if (!session.access && session.refresh) await refreshSession();
  let response = await send(path, options);
  if (response.status === 401 && session.refresh && (await refreshSession())) response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, (json as ErrorBody | null) ?? null);
  return (json ?? text) as T;
}

/** The file of a CSV export, with the session's token. */
/**
 * Fetches a file with the session's token (a plain link would not carry it) and hands it to the
 * browser under the name the server gives in Content-Disposition, as a link with `download` would.
 */
export async function downloadFile(path: string): Promise<void> {
  if (!session.access && session.refresh) await refreshSession();
  let response = await send(path, {});
  if (response.status === 401 && (await refreshSession())) response = await send(path, {});
  if (!response.ok) throw new ApiError(response.status, safeJson(await response.text()) as ErrorBody | null);
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later rather than at once: the browser may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (session.access) headers.authorization = `Bearer ${session.access}`;
  let body: string | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.text;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, null); // no answer: offline, or the server is down
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const response = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }).catch(() => null);
  if (!response) throw new ApiError(0, null);
  const json = safeJson(await response.text());
  if (!response.ok) throw new ApiError(response.status, json as ErrorBody);
  session.set(json as Tokens);
}

export async function signOut(): Promise<void> {
  const refreshToken = session.refresh;
  session.clear();
  if (refreshToken) await fetch('/api/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
}
