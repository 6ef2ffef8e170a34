/**
 * Who may use the admin console: whoever knows PUFA_ADMIN_TOKEN. A login exchanges the secret for
 * a random session id in an HttpOnly, SameSite=Strict cookie; every state-changing request also
 * carries the session's CSRF token in a header (a form on another site can set neither). Scripts
 * may instead send `Authorization: Bearer <token>`, which no browser adds on its own.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

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
  private readonly password: { salt: Buffer; key: Buffer } | null;

  /** `passwordHash`: "scrypt:<salt hex>:<key hex>" (see hashAdminPassword), so the environment need not hold the password. */
  constructor(
    secrets: { token: string | null; passwordHash?: string | null },
    private readonly ttlMs = 8 * 3600_000,
    private readonly now: () => number = Date.now,
  ) {
    this.secret = secrets.token ? digest(secrets.token) : null;
    const m = /^scrypt:([0-9a-f]+):([0-9a-f]+)$/.exec(secrets.passwordHash ?? "");
    this.password = m ? { salt: Buffer.from(m[1], "hex"), key: Buffer.from(m[2], "hex") } : null;
  }

  get enabled(): boolean {
    return this.secret !== null || this.password !== null;
  }

  /** Constant-time comparisons, so the answer time says nothing about the secret. */
  checkSecret(candidate: unknown): boolean {
    if (typeof candidate !== "string" || candidate === "") return false;
    if (this.secret && timingSafeEqual(digest(candidate), this.secret)) return true;
    if (!this.password) return false;
    const key = scryptSync(candidate, this.password.salt, this.password.key.length);
    return timingSafeEqual(key, this.password.key);
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

/** The PUFA_ADMIN_PASSWORD_HASH value for a password. */
export function hashAdminPassword(password: string, salt: Buffer = randomBytes(16)): string {
  return `scrypt:${salt.toString("hex")}:${scryptSync(password, salt, 32).toString("hex")}`;
}
