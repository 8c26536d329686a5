/**
 * Failed-login throttling per username and per client address. In memory: the app runs as one process,
 * and forgetting counts on restart is harmless.
 */
export const LOGIN_FAILURE_LIMIT = 5;
/** Higher per address: a whole office often shares one address, and one clerk's typos must not lock it. */
export const ADDRESS_FAILURE_LIMIT = 20;
export const LOGIN_LOCK_MS = 15 * 60 * 1000;

type Entry = { failures: number[] };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limit = LOGIN_FAILURE_LIMIT,
    private readonly addressLimit = ADDRESS_FAILURE_LIMIT,
    private readonly windowMs = LOGIN_LOCK_MS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const entry = this.entries.get(key);
    if (!entry) return [];
    const since = this.now() - this.windowMs;
    entry.failures = entry.failures.filter((at) => at > since);
    if (entry.failures.length === 0) this.entries.delete(key);
    return entry.failures;
  }

  private keys(username: string, address: string | null): string[] {
    return [`user:${username.toLowerCase()}`, ...(address ? [`addr:${address}`] : [])];
  }

  isLocked(username: string, address: string | null): boolean {
    return this.keys(username, address).some(
      (key) => this.recent(key).length >= (key.startsWith("addr:") ? this.addressLimit : this.limit),
    );
  }

  recordFailure(username: string, address: string | null): void {
    for (const key of this.keys(username, address)) {
      const entry = this.entries.get(key) ?? { failures: [] };
      entry.failures.push(this.now());
      this.entries.set(key, entry);
    }
  }

  /** A successful login clears the username's count, not the address's: one good account must not unlock guessing. */
  recordSuccess(username: string): void {
    this.entries.delete(`user:${username.toLowerCase()}`);
  }
}

export const LOGIN_THROTTLED = "LOGIN_THROTTLED";
