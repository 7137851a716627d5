/**
 * Where the session lives in the browser: the access token (15 minutes) in memory only, the
 * refresh token in localStorage so that a reload keeps the learner signed in. The API rotates the
 * refresh token on every use and revokes the whole session when a used one comes back, so two
 * tabs must not refresh at once: a Web Lock serialises them, and each reads the newest token.
 */
const REFRESH_KEY = 'fabrique.refreshToken';

type Listener = (signedIn: boolean) => void;

class SessionStore {
  private accessToken: string | null = null;
  private listeners = new Set<Listener>();

  get access(): string | null {
    return this.accessToken;
  }

  get refresh(): string | null {
    return localStorage.getItem(REFRESH_KEY);
  }

  get signedIn(): boolean {
    return this.refresh !== null;
  }

  set(tokens: { accessToken: string; refreshToken: string }): void {
    this.accessToken = tokens.accessToken;
    localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    this.emit();
  }

  clear(): void {
    this.accessToken = null;
    localStorage.removeItem(REFRESH_KEY);
    this.emit();
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.signedIn);
  }
}

export const session = new SessionStore();

/** Runs `work` alone across this browser's tabs (or alone in this tab where Web Locks are missing). */
export async function exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(name, work);
  return work();
}
