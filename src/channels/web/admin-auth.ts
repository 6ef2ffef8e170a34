/**
 * Who may use the admin console: whoever knows PUFA_ADMIN_TOKEN. A login exchanges the secret for
 * a random session id in an HttpOnly, SameSite=Strict cookie; every state-changing request also
 * carries the session's CSRF token in a header (a form on another site can set neither). Scripts
 * may instead send `Authorization: Bearer <token>`, which no browser adds on its own.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "pufa_admin";
export const CSRF_HEADER = "x-csrf-token";

interface Session {
  csrf: string;
  expires: number;
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export class AdminAuth {
  private readonly sessions = new Map<string, Session>();
  private readonly secret: Buffer | null;

  constructor(
    token: string | null,
    private readonly ttlMs = 8 * 3600_000,
    private readonly now: () => number = Date.now,
  ) {
    this.secret = token ? digest(token) : null;
  }

  get enabled(): boolean {
    return this.secret !== null;
  }

  /** Constant-time comparison of hashes, so the answer time says nothing about the secret. */
  checkSecret(candidate: unknown): boolean {
    if (!this.secret || typeof candidate !== "string" || candidate === "") return false;
    return timingSafeEqual(digest(candidate), this.secret);
  }

  login(candidate: unknown): { id: string; csrf: string } | null {
    if (!this.checkSecret(candidate)) return null;
    this.prune();
    const id = randomBytes(32).toString("base64url");
    const csrf = randomBytes(24).toString("base64url");
    this.sessions.set(id, { csrf, expires: this.now() + this.ttlMs });
    return { id, csrf };
  }

  session(id: string | undefined): Session | null {
    if (!id) return null;
    const s = this.sessions.get(id);
    if (!s) return null;
    if (s.expires <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return s;
  }

  logout(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  private prune(): void {
    const t = this.now();
    for (const [id, s] of this.sessions) if (s.expires <= t) this.sessions.delete(id);
  }
}

/** Same length and bytes, in constant time. */
export function sameToken(a: string | undefined | null, b: string): boolean {
  if (typeof a !== "string") return false;
  return timingSafeEqual(digest(a), digest(b));
}
