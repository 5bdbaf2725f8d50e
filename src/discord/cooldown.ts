/**
 * Per-user rate limit shared by slash commands, buttons, mentions and DMs: at most `limit`
 * requests in any `windowMs`. A user is told once per window that they are going too fast;
 * further refusals are silent, so a flood does not become a flood of notices.
 */
export interface CooldownOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

export type CooldownVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; notify: boolean };

interface UserWindow {
  hits: number[];
  notifiedAt: number;
}

export class Cooldown {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly users = new Map<string, UserWindow>();

  constructor(options: CooldownOptions = {}) {
    this.limit = options.limit ?? 5;
    this.windowMs = options.windowMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  take(userId: string): CooldownVerdict {
    const now = this.now();
    const since = now - this.windowMs;
    const user = this.users.get(userId) ?? { hits: [], notifiedAt: -Infinity };
    user.hits = user.hits.filter((t) => t > since);
    if (user.hits.length < this.limit) {
      user.hits.push(now);
      this.users.set(userId, user);
      this.forgetIdleUsers(since);
      return { allowed: true };
    }
    const oldest = user.hits[0] ?? now;
    const notify = user.notifiedAt <= since;
    if (notify) user.notifiedAt = now;
    this.users.set(userId, user);
    return { allowed: false, retryAfterMs: Math.max(0, oldest + this.windowMs - now), notify };
  }

  /** Keeps memory bounded by the users active in the last window. */
  private forgetIdleUsers(since: number): void {
    if (this.users.size < 1000) return;
    for (const [id, user] of this.users) {
      const last = user.hits[user.hits.length - 1] ?? -Infinity;
      if (last <= since && user.notifiedAt <= since) this.users.delete(id);
    }
  }
}
