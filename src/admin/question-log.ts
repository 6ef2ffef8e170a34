/**
 * The question log and admin audit trail: one SQLite file (WAL) under the data dir, readable by
 * its owner only (file 0600, folder 0700; SQLite gives -wal and -shm the file's mode).
 *
 * What it keeps of a person: questions with personal data redacted (身份证号, 手机号 … → [手机号]),
 * a blocked question only as its moderation categories, and asker and actor ids only as
 * HMAC-SHA256 under a key kept outside the database (`log-key` beside it, 0600, or PUFA_LOG_KEY):
 * a copy of the file alone cannot tell whether a known WeChat id asked anything. Questions older
 * than the retention (PUFA_LOG_DAYS) are deleted at open and daily; `forget` deletes one person's.
 * Oversized and empty requests are only counted, per day and reason, so a flood cannot grow the
 * file. Deleted rows are overwritten (secure_delete). Times are ISO-8601 UTC strings, which sort
 * and compare as text.
 */
import { localDate } from "../text/dates.js";
import Database from "better-sqlite3";
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { childLogger } from "../logger.js";
import { redact, redactDeep } from "../safety/redact.js";

const log = childLogger("question-log");

export const SCHEMA_VERSION = 2;
/** Reasons whose requests are counted, never stored: nothing in them is worth keeping, and they come in floods. */
export const COUNTED_REASONS: ReadonlySet<string> = new Set(["too_long", "empty"]);
/** Longest question text stored (the engine refuses longer ones before this matters). */
export const MAX_STORED_CHARS = 1000;
export const DEFAULT_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;

export interface QuestionLogOptions {
  /** Key for hashing ids (PUFA_LOG_KEY); default: the `log-key` file beside the database, created when missing. */
  key?: string | null;
  /** Where the key file is (default: `log-key` in the database's folder). */
  keyFile?: string;
  /** Questions older than this many days are deleted (default 180). */
  retentionDays?: number;
  /** Clock, for tests. */
  now?: () => Date;
}
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
  /** Asked in a private chat (default) or a group; group-facing lists show only group questions. */
  private?: boolean;
  /** Moderation categories when the question was blocked: stored instead of its text. */
  moderated?: string[];
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
  private: boolean;
  /** The asker's feedback: true 有用, false 没用, null none. */
  useful: boolean | null;
}

/** Which questions a list shows. */
export interface ListOptions {
  /** Include questions asked in private chats (default true; false for lists shown in a group). */
  includePrivate?: boolean;
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
  private: number;
  useful: number | null;
}

/** What is stored instead of a blocked question's text. */
export function moderatedPlaceholder(categories: string[]): string {
  return `[已屏蔽:${categories.join("、") || "其他"}]`;
}

/** Creates the file with `mode` when missing, and takes group/other access away from an existing one. */
function restrict(file: string, mode: number): void {
  if (!existsSync(file)) closeSync(openSync(file, "a", mode));
  if ((statSync(file).mode & 0o777) !== mode) chmodSync(file, mode);
}


export class QuestionLog implements AuditSink {
  private readonly db: Database.Database;
  private readonly secret: Buffer;
  private readonly retentionDays: number;
  private readonly now: () => Date;
  private readonly sweeper: NodeJS.Timeout | null = null;

  constructor(
    readonly dbPath: string,
    options: QuestionLogOptions = {},
  ) {
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.now = options.now ?? (() => new Date());
    const onDisk = dbPath !== ":memory:";
    if (onDisk) {
      const dir = path.dirname(dbPath);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      tightenFolder(dir);
      restrict(dbPath, 0o600);
      for (const side of ["-wal", "-shm"]) if (existsSync(dbPath + side)) restrict(dbPath + side, 0o600);
    }
    this.db = new Database(dbPath);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    // WAL + NORMAL: no fsync per row (a flood of questions must not become a flood of syncs); still never corrupt.
    this.db.pragma("synchronous = NORMAL");
    // Deleted rows (retention, forget, the moved key) are overwritten, not left in free pages.
    this.db.pragma("secure_delete = ON");
    this.migrate();
    this.secret = this.loadSecret(options, onDisk ? (options.keyFile ?? path.join(path.dirname(dbPath), "log-key")) : null);
    this.sweep();
    if (onDisk) {
      this.sweeper = setInterval(() => {
        try {
          this.sweep();
        } catch (err) {
          log.error({ err }, "question log retention sweep failed");
        }
      }, DAY_MS);
      this.sweeper.unref(); // never keeps a finished command alive
    }
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
    if (version < 2) this.migrateToV2();
  }

  /** Version 2: private/useful columns, daily counters; stored questions redacted, counted reasons folded into counters. */
  private migrateToV2(): void {
    const migrate = this.db.transaction(() => {
      this.db.exec(`
        ALTER TABLE questions ADD COLUMN private INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE questions ADD COLUMN useful INTEGER;
        CREATE INDEX IF NOT EXISTS questions_asker ON questions(asker);
        CREATE TABLE IF NOT EXISTS rejections (
          day TEXT NOT NULL,
          channel TEXT NOT NULL,
          reason TEXT NOT NULL,
          count INTEGER NOT NULL,
          PRIMARY KEY (day, channel, reason)
        );
      `);
      const counted = [...COUNTED_REASONS];
      const marks = counted.map(() => "?").join(",");
      for (const r of this.db.prepare(`SELECT at, channel, reason FROM questions WHERE reason IN (${marks})`).all(...counted) as { at: string; channel: string; reason: string }[]) {
        this.count(r.reason, r.channel, new Date(r.at));
      }
      const folded = this.db.prepare(`DELETE FROM questions WHERE reason IN (${marks})`).run(...counted).changes;
      const update = this.db.prepare("UPDATE questions SET question = ? WHERE id = ?");
      for (const r of this.db.prepare("SELECT id, question FROM questions").all() as { id: number; question: string }[]) {
        const clean = redact(r.question).slice(0, MAX_STORED_CHARS);
        if (clean !== r.question) update.run(clean, r.id);
      }
      this.db.pragma("user_version = 2");
      return folded;
    });
    const folded = migrate();
    this.db.pragma("wal_checkpoint(TRUNCATE)"); // the unredacted pages leave the WAL too
    if (folded) log.info({ folded }, "question log: oversized and empty requests folded into daily counts");
  }

  private loadSecret(options: QuestionLogOptions, keyFile: string | null): Buffer {
    const legacy = this.db.prepare("SELECT value FROM meta WHERE key = 'id_secret'").get() as { value: string } | undefined;
    let secret: Buffer;
    if (options.key) secret = Buffer.from(options.key, "utf8");
    else if (!keyFile) secret = randomBytes(32);
    else secret = readOrCreateKey(keyFile, legacy ? Buffer.from(legacy.value, "hex") : randomBytes(32));
    if (legacy) {
      // A key inside the file lets anyone with a copy recompute a known id's hash: it moves out.
      if (options.key) log.warn("PUFA_LOG_KEY is set: askers hashed before with the key stored in the database no longer match");
      this.db.prepare("DELETE FROM meta WHERE key = 'id_secret'").run();
      this.db.pragma("wal_checkpoint(TRUNCATE)");
      this.db.exec("VACUUM");
      log.info({ keyFile }, "question log: hashing key moved out of the database");
    }
    return secret;
  }

  /** The stored form of a raw id (hex HMAC-SHA256). */
  hashId(rawId: string): string {
    return createHmac("sha256", this.secret).update(rawId, "utf8").digest("hex");
  }

  private count(reason: string, channel: string, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO rejections (day, channel, reason, count) VALUES (?, ?, ?, 1)
         ON CONFLICT (day, channel, reason) DO UPDATE SET count = count + 1`,
      )
      .run(localDate(at), channel, reason);
  }

  /**
   * Stores one question, redacted; returns its row id (for feedback), or null when the request was
   * only counted (oversized, empty).
   */
  record(entry: QuestionEntry): number | null {
    const at = toIso(entry.at);
    const channel = entry.channel.slice(0, 40);
    if (COUNTED_REASONS.has(entry.reason)) {
      this.count(entry.reason, channel, new Date(at));
      return null;
    }
    const question = entry.moderated ? moderatedPlaceholder(entry.moderated) : redact(entry.question.slice(0, MAX_STORED_CHARS * 2)).slice(0, MAX_STORED_CHARS);
    const info = this.db
      .prepare(
        `INSERT INTO questions (at, channel, asker, question, refused, reason, citations, latency_ms, private)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        at,
        channel,
        entry.askerId ? this.hashId(entry.askerId) : null,
        question,
        entry.refused ? 1 : 0,
        entry.reason,
        JSON.stringify(entry.citations ?? []),
        Math.max(0, Math.round(entry.latencyMs)),
        entry.private === false ? 0 : 1,
      );
    return Number(info.lastInsertRowid);
  }

  /** The asker's verdict on an answer (有用 / 没用); false when there is no such question (expired, forgotten). */
  feedback(entryId: number, useful: boolean): boolean {
    return this.db.prepare("UPDATE questions SET useful = ? WHERE id = ?").run(useful ? 1 : 0, entryId).changes > 0;
  }

  /** Deletes every question of one person (raw id, as the channel knows them); returns how many. */
  forget(rawId: string): number {
    const deleted = this.db.prepare("DELETE FROM questions WHERE asker = ?").run(this.hashId(rawId)).changes;
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    return deleted;
  }

  /** Deletes questions and counters older than the retention; returns how many questions went. */
  sweep(): number {
    const cutoff = new Date(this.now().getTime() - this.retentionDays * DAY_MS);
    const deleted = this.db.prepare("DELETE FROM questions WHERE at < ?").run(cutoff.toISOString()).changes;
    this.db.prepare("DELETE FROM rejections WHERE day < ?").run(localDate(cutoff));
    if (deleted) log.info({ deleted, days: this.retentionDays }, "question log: old questions deleted");
    return deleted;
  }

  /** Requests counted instead of stored, per reason (optionally since a time, by local day). */
  rejections(since?: Date | number | string): Record<string, number> {
    const day = since === undefined ? "" : localDate(new Date(toIso(since)));
    const out: Record<string, number> = {};
    for (const r of this.db.prepare("SELECT reason, SUM(count) AS n FROM rejections WHERE day >= ? GROUP BY reason").all(day) as { reason: string; n: number }[]) {
      out[r.reason] = r.n;
    }
    return out;
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
    // Counted requests are refusals too (by local day: that is all a counter knows of its time).
    const counted = this.rejections(since ?? undefined);
    let countedTotal = 0;
    for (const [reason, n] of Object.entries(counted)) {
      byReason[reason] = (byReason[reason] ?? 0) + n;
      countedTotal += n;
    }
    const now = options.now ?? new Date();
    const today =
      (this.db.prepare("SELECT COUNT(*) AS n FROM questions WHERE at >= ?").get(startOfLocalDay(now)) as { n: number }).n +
      Object.values(this.rejections(now)).reduce((a, b) => a + b, 0);
    return {
      since,
      total: totals.total + countedTotal,
      answered: totals.total - totals.refused,
      refused: totals.refused + countedTotal,
      today,
      askers: totals.askers,
      byReason,
      meanLatencyMs: Math.round(totals.latency),
    };
  }

  /** The latest refused questions, newest first. */
  recentRefused(limit = 20, options: ListOptions = {}): QuestionRow[] {
    const privacy = options.includePrivate === false ? "AND private = 0" : "";
    return (
      this.db.prepare(`SELECT * FROM questions WHERE refused = 1 ${privacy} ORDER BY at DESC, id DESC LIMIT ?`).all(limit) as RawQuestion[]
    ).map(toRow);
  }

  /** Questions with from <= at < to, oldest first. Either bound may be omitted. */
  between(from?: Date | number | string, to?: Date | number | string, options: ListOptions = {}): QuestionRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM questions
         WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) ${options.includePrivate === false ? "AND private = 0" : ""}
         ORDER BY at, id`,
      )
      .all({ from: from === undefined ? null : toIso(from), to: to === undefined ? null : toIso(to) }) as RawQuestion[];
    return rows.map(toRow);
  }

  audit(actor: string, action: string, detail: unknown = {}, at?: Date | number | string): void {
    this.db
      .prepare("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)")
      .run(toIso(at), this.hashId(actor), action, JSON.stringify(redactDeep(detail ?? {})));
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
    if (this.sweeper) clearInterval(this.sweeper);
    if (!this.db.open) return;
    // Fold the WAL back into the main file so a copied .sqlite is complete.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    this.db.close();
  }
}

/** The data folder is pufa's own (index, log, WeChat session): owner only. A folder we do not own (/tmp) is left alone. */
function tightenFolder(dir: string): void {
  const st = statSync(dir);
  if ((st.mode & 0o077) === 0 || st.uid !== process.getuid?.()) return;
  try {
    chmodSync(dir, st.mode & 0o700);
  } catch (err) {
    log.warn({ err, dir }, "could not restrict the data folder to its owner");
  }
}

/** What opening the log needs of a configuration (structural, so admin/ does not import config.ts, which imports admin/). */
export interface QuestionLogSettings {
  dataDir: string;
  log: { days: number; key: string | null };
}

/** The question log of a configuration: pufa.sqlite in the data folder, with its key and retention. */
export function openQuestionLog(config: QuestionLogSettings): QuestionLog {
  return new QuestionLog(path.join(config.dataDir, "pufa.sqlite"), { key: config.log.key, retentionDays: config.log.days });
}

/** The key file's key, or `initial` written there (0600) when there is none. Two processes starting at once agree on one. */
function readOrCreateKey(file: string, initial: Buffer): Buffer {
  try {
    writeFileSync(file, `${initial.toString("hex")}\n`, { flag: "wx", mode: 0o600 });
    return initial;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  restrict(file, 0o600);
  const hex = readFileSync(file, "utf8").trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file}: expected 64 hex characters (the question log's hashing key)`);
  return Buffer.from(hex, "hex");
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
    private: r.private !== 0,
    useful: r.useful === null ? null : r.useful === 1,
  };
}
