/**
 * The question log and admin audit trail: one SQLite file (WAL) under the data dir.
 * Asker and actor ids are stored only as HMAC-SHA256 with a per-install secret kept in the
 * meta table, so the file never holds a WeChat id in clear, yet the same person hashes the
 * same way (counting repeat askers, matching a known admin). Times are ISO-8601 UTC strings,
 * which sort and compare as text.
 */
import Database from "better-sqlite3";
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";

export const SCHEMA_VERSION = 1;

export interface QuestionEntry {
  /** When the question arrived (Date, epoch ms or ISO string); default now. */
  at?: Date | number | string;
  channel: string;
  /** Raw asker id (WeChat wxid, room member id …): hashed before it is stored. */
  askerId: string | null;
  question: string;
  refused: boolean;
  /** ReplyReason: "answered", "no_match", "out_of_scope" … */
  reason: string;
  /** Citation labels or passage ids shown in the reply. */
  citations: string[];
  latencyMs: number;
}

export interface QuestionRow {
  id: number;
  at: string;
  channel: string;
  /** HMAC of the asker id (hex), or null. */
  asker: string | null;
  question: string;
  refused: boolean;
  reason: string;
  citations: string[];
  latencyMs: number;
}

export interface QuestionStats {
  since: string | null;
  total: number;
  answered: number;
  refused: number;
  /** Questions since local midnight of `now`. */
  today: number;
  /** Distinct askers (by hash). */
  askers: number;
  /** Counts per reason, e.g. { answered: 10, no_match: 3 }. */
  byReason: Record<string, number>;
  /** Mean latency of all questions counted, ms (0 when none). */
  meanLatencyMs: number;
}

export interface AuditRow {
  id: number;
  at: string;
  /** HMAC of the actor id. */
  actor: string;
  action: string;
  detail: unknown;
}

/** What the corpus manager needs to write audit rows (QuestionLog implements it). */
export interface AuditSink {
  audit(actor: string, action: string, detail?: unknown, at?: Date | number | string): void;
}

export function toIso(at: Date | number | string | undefined): string {
  const d = at === undefined ? new Date() : at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) throw new Error(`invalid time: ${String(at)}`);
  return d.toISOString();
}

/** Start of the local calendar day containing `now`, as ISO UTC. */
export function startOfLocalDay(now: Date): string {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

interface RawQuestion {
  id: number;
  at: string;
  channel: string;
  asker: string | null;
  question: string;
  refused: number;
  reason: string;
  citations: string;
  latency_ms: number;
}

export class QuestionLog implements AuditSink {
  private readonly db: Database.Database;
  private readonly secret: Buffer;

  constructor(readonly dbPath: string) {
    if (dbPath !== ":memory:") mkdirSync(path.dirname(dbPath), { recursive: true });
    this.db = new Database(dbPath);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.migrate();
    this.secret = this.loadSecret();
  }

  private migrate(): void {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`${this.dbPath}: schema version ${version} is newer than this program (${SCHEMA_VERSION})`);
    }
    if (version < 1) {
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS questions (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          channel TEXT NOT NULL,
          asker TEXT,
          question TEXT NOT NULL,
          refused INTEGER NOT NULL,
          reason TEXT NOT NULL,
          citations TEXT NOT NULL,
          latency_ms INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS questions_at ON questions(at);
        CREATE TABLE IF NOT EXISTS audit (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          detail TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
        PRAGMA user_version = 1;
      `);
    }
  }

  private loadSecret(): Buffer {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'id_secret'").get() as { value: string } | undefined;
    if (row) return Buffer.from(row.value, "hex");
    const secret = randomBytes(32);
    // INSERT OR IGNORE + re-read: two processes opening a fresh file agree on one secret.
    this.db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('id_secret', ?)").run(secret.toString("hex"));
    const stored = this.db.prepare("SELECT value FROM meta WHERE key = 'id_secret'").get() as { value: string };
    return Buffer.from(stored.value, "hex");
  }

  /** The stored form of a raw id (hex HMAC-SHA256). */
  hashId(rawId: string): string {
    return createHmac("sha256", this.secret).update(rawId, "utf8").digest("hex");
  }

  record(entry: QuestionEntry): number {
    const info = this.db
      .prepare(
        `INSERT INTO questions (at, channel, asker, question, refused, reason, citations, latency_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        toIso(entry.at),
        entry.channel,
        entry.askerId ? this.hashId(entry.askerId) : null,
        entry.question,
        entry.refused ? 1 : 0,
        entry.reason,
        JSON.stringify(entry.citations ?? []),
        Math.max(0, Math.round(entry.latencyMs)),
      );
    return Number(info.lastInsertRowid);
  }

  stats(options: { since?: Date | number | string; now?: Date } = {}): QuestionStats {
    const since = options.since === undefined ? null : toIso(options.since);
    const where = since ? "WHERE at >= @since" : "";
    const params = since ? { since } : {};
    const totals = this.db
      .prepare(
        `SELECT COUNT(*) AS total, COALESCE(SUM(refused), 0) AS refused,
                COUNT(DISTINCT asker) AS askers, COALESCE(AVG(latency_ms), 0) AS latency
         FROM questions ${where}`,
      )
      .get(params) as { total: number; refused: number; askers: number; latency: number };
    const byReason: Record<string, number> = {};
    for (const r of this.db
      .prepare(`SELECT reason, COUNT(*) AS n FROM questions ${where} GROUP BY reason ORDER BY n DESC`)
      .all(params) as { reason: string; n: number }[]) {
      byReason[r.reason] = r.n;
    }
    const today = (
      this.db.prepare("SELECT COUNT(*) AS n FROM questions WHERE at >= ?").get(startOfLocalDay(options.now ?? new Date())) as {
        n: number;
      }
    ).n;
    return {
      since,
      total: totals.total,
      answered: totals.total - totals.refused,
      refused: totals.refused,
      today,
      askers: totals.askers,
      byReason,
      meanLatencyMs: Math.round(totals.latency),
    };
  }

  /** The latest refused questions, newest first. */
  recentRefused(limit = 20): QuestionRow[] {
    return (
      this.db.prepare("SELECT * FROM questions WHERE refused = 1 ORDER BY at DESC, id DESC LIMIT ?").all(limit) as RawQuestion[]
    ).map(toRow);
  }

  /** Questions with from <= at < to, oldest first. Either bound may be omitted. */
  between(from?: Date | number | string, to?: Date | number | string): QuestionRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM questions
         WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
         ORDER BY at, id`,
      )
      .all({ from: from === undefined ? null : toIso(from), to: to === undefined ? null : toIso(to) }) as RawQuestion[];
    return rows.map(toRow);
  }

  audit(actor: string, action: string, detail: unknown = {}, at?: Date | number | string): void {
    this.db
      .prepare("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)")
      .run(toIso(at), this.hashId(actor), action, JSON.stringify(detail ?? {}));
  }

  /** Audit rows, newest first. */
  auditTrail(limit = 100): AuditRow[] {
    return (
      this.db.prepare("SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT ?").all(limit) as {
        id: number;
        at: string;
        actor: string;
        action: string;
        detail: string;
      }[]
    ).map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
  }

  close(): void {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so a copied .sqlite is complete.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    this.db.close();
  }
}

function toRow(r: RawQuestion): QuestionRow {
  return {
    id: r.id,
    at: r.at,
    channel: r.channel,
    asker: r.asker,
    question: r.question,
    refused: r.refused === 1,
    reason: r.reason,
    citations: JSON.parse(r.citations) as string[],
    latencyMs: r.latency_ms,
  };
}
