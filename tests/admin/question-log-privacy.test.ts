/**
 * The question log's privacy, checked on the file as an attacker with a copy of it would see it:
 * modes, the hashing key's place, redaction before storage, retention, forget, counted floods.
 */
import Database from "better-sqlite3";
import { createHmac } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openQuestionLog, QuestionLog, type QuestionEntry } from "../../src/admin/question-log.js";
import { buildReport } from "../../src/admin/report.js";
import { loadConfig } from "../../src/config.js";

let dir: string;
let dataDir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "pufa-qlog-priv-"));
  dataDir = path.join(dir, "data");
  dbPath = path.join(dataDir, "pufa.sqlite");
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const RAW_ID = "wxid_lisi_5521";
const mode = (f: string) => statSync(f).mode & 0o777;
const files = () => ["", "-wal", "-shm"].map((s) => dbPath + s).filter(existsSync);
const diskBytes = () => Buffer.concat(files().map((f) => readFileSync(f)));

function entry(over: Partial<QuestionEntry> = {}): QuestionEntry {
  return { at: new Date(), channel: "wechat", askerId: RAW_ID, question: "醉驾怎么处罚？", refused: false, reason: "answered", citations: [], latencyMs: 10, ...over };
}

/** Every text value in every table of the database. */
function everyStoredText(): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    return tables.flatMap((t) => (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).flatMap((r) => Object.values(r).filter((v): v is string => typeof v === "string")));
  } finally {
    db.close();
  }
}

/** A version-1 database as the previous release left it: key in meta, questions verbatim, floods stored. */
function legacyDatabase(secretHex: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  chmodSync(dataDir, 0o755);
  const db = new Database(dbPath);
  db.pragma("journal_mode = WAL");
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE questions (id INTEGER PRIMARY KEY, at TEXT NOT NULL, channel TEXT NOT NULL, asker TEXT, question TEXT NOT NULL,
      refused INTEGER NOT NULL, reason TEXT NOT NULL, citations TEXT NOT NULL, latency_ms INTEGER NOT NULL);
    CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
    PRAGMA user_version = 1;
  `);
  db.prepare("INSERT INTO meta VALUES ('id_secret', ?)").run(secretHex);
  const hash = createHmac("sha256", Buffer.from(secretHex, "hex")).update(RAW_ID).digest("hex");
  const at = new Date().toISOString();
  const insert = db.prepare("INSERT INTO questions (at, channel, asker, question, refused, reason, citations, latency_ms) VALUES (?, 'wechat', ?, ?, ?, ?, '[]', 5)");
  insert.run(at, hash, "我手机13812345678被盗刷了怎么办", 1, "no_match");
  for (let i = 0; i < 50; i++) insert.run(at, hash, "很长".repeat(1000), 1, "too_long");
  db.close();
  chmodSync(dbPath, 0o644);
}

describe("question log files", () => {
  it("creates the data folder 0700, the database, its WAL and SHM 0600, and the key file 0600", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry());
    expect(mode(dataDir)).toBe(0o700);
    expect(files().map((f) => [path.basename(f), mode(f)])).toEqual([
      ["pufa.sqlite", 0o600],
      ["pufa.sqlite-wal", 0o600],
      ["pufa.sqlite-shm", 0o600],
    ]);
    expect(mode(path.join(dataDir, "log-key"))).toBe(0o600);
    log.close();
  });

  it("takes group and world access away from an existing folder and database", () => {
    new QuestionLog(dbPath).close();
    chmodSync(dataDir, 0o755);
    chmodSync(dbPath, 0o644);
    new QuestionLog(dbPath).close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(dbPath)).toBe(0o600);
  });
});

describe("the hashing key lives outside the database", () => {
  it("no table holds it, and a stored hash cannot be recomputed from the file alone", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry());
    log.audit("wxid_admin", "corpus.add", { title: "甲" });
    const stored = log.between()[0].asker!;
    log.close();
    const key = readFileSync(path.join(dataDir, "log-key"), "utf8").trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(createHmac("sha256", Buffer.from(key, "hex")).update(RAW_ID).digest("hex")).toBe(stored); // control: the key file does it
    const texts = everyStoredText();
    expect(texts.some((t) => t.includes(key))).toBe(false);
    for (const candidate of texts) {
      for (const k of [Buffer.from(candidate, "utf8"), ...(/^[0-9a-f]+$/i.test(candidate) ? [Buffer.from(candidate, "hex")] : [])]) {
        expect(createHmac("sha256", k).update(RAW_ID).digest("hex")).not.toBe(stored);
      }
    }
    expect(diskBytes().includes(Buffer.from(key))).toBe(false);
  });

  it("PUFA_LOG_KEY replaces the key file", () => {
    const key = "an office secret of some length";
    const log = openQuestionLog(loadConfig({ PUFA_LOG_KEY: key }, { data: dataDir }));
    expect(log.hashId(RAW_ID)).toBe(createHmac("sha256", key).update(RAW_ID).digest("hex"));
    log.close();
    expect(existsSync(path.join(dataDir, "log-key"))).toBe(false);
    expect(() => loadConfig({ PUFA_LOG_KEY: "short" })).toThrow(/PUFA_LOG_KEY/);
  });

  it("migrates a database that held its key: the key moves to log-key, old hashes still match, rows are redacted, floods become counts", () => {
    const secret = "ab".repeat(32);
    legacyDatabase(secret);
    expect(diskBytes().includes(Buffer.from(secret))).toBe(true); // control
    const log = new QuestionLog(dbPath);
    expect(readFileSync(path.join(dataDir, "log-key"), "utf8").trim()).toBe(secret);
    expect(mode(path.join(dataDir, "log-key"))).toBe(0o600);
    const rows = log.between();
    expect(rows.map((r) => r.question)).toEqual(["我手机[手机号]被盗刷了怎么办"]);
    expect(rows[0].asker).toBe(log.hashId(RAW_ID)); // the same person still hashes the same way
    expect(log.stats().byReason).toMatchObject({ no_match: 1, too_long: 50 });
    log.close();
    expect(everyStoredText().some((t) => t.includes(secret))).toBe(false);
    const bytes = diskBytes();
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from("13812345678"))).toBe(false);
    expect(mode(dbPath)).toBe(0o600);
    expect(mode(dataDir)).toBe(0o700);
  });
});

describe("what is stored of a question", () => {
  it("personal data is redacted before it reaches the file", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry({ question: "我叫王小明，身份证460102199003071234，电话139 1234 5678，被骗了怎么办", refused: true, reason: "no_match" }));
    log.audit("wxid_admin", "corpus.add", { title: "联系人13812345678" });
    expect(log.between()[0].question).toBe("我叫[姓名]，身份证[身份证号]，电话[手机号]，被骗了怎么办");
    expect(log.auditTrail()[0].detail).toEqual({ title: "联系人[手机号]" });
    const check = () => {
      const bytes = diskBytes();
      for (const secret of ["460102199003071234", "139 1234 5678", "王小明", "13812345678"]) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
      expect(bytes.includes(Buffer.from("被骗了怎么办"))).toBe(true); // control: the rest of the question is there
    };
    check(); // in the WAL while open
    log.close();
    check(); // and in the main file after the checkpoint
  });

  it("a blocked question is stored as its categories, not its text", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry({ question: "你个傻逼机器人", refused: true, reason: "moderated", moderated: ["辱骂"] }));
    expect(log.recentRefused(5).map((r) => r.question)).toEqual(["[已屏蔽:辱骂]"]);
    log.close();
    expect(diskBytes().includes(Buffer.from("傻逼"))).toBe(false);
  });

  it("oversized and empty requests are counted per day and reason, never stored: a flood does not grow the file", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry());
    log.close();
    const before = files().reduce((s, f) => s + statSync(f).size, 0);
    const flood = new QuestionLog(dbPath);
    const huge = "请问".repeat(3000);
    for (let i = 0; i < 3000; i++) expect(flood.record(entry({ question: huge, refused: true, reason: i % 10 ? "too_long" : "empty" }))).toBeNull();
    expect(flood.stats().byReason).toMatchObject({ answered: 1, too_long: 2700, empty: 300 });
    expect(flood.stats()).toMatchObject({ total: 3001, refused: 3000, today: 3001 });
    expect(flood.between()).toHaveLength(1);
    flood.close();
    const after = files().reduce((s, f) => s + statSync(f).size, 0);
    expect(after - before).toBeLessThan(64 * 1024); // 3,000 × 12 KB stored verbatim would be 36 MB
  });

  it("record returns the row id, and feedback stores 有用/没用 with it", () => {
    const log = new QuestionLog(dbPath);
    const id = log.record(entry())!;
    log.record(entry({ question: "另一个问题" }));
    expect(log.feedback(id, false)).toBe(true);
    expect(log.feedback(9999, true)).toBe(false);
    expect(log.between().map((r) => r.useful)).toEqual([false, null]);
    expect(log.feedback(id, true)).toBe(true);
    expect(log.between()[0].useful).toBe(true);
    log.close();
  });
});

describe("group-facing lists", () => {
  it("leave out questions asked in private chats when asked to", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry({ question: "私聊问的电动车被偷了怎么办", refused: true, reason: "no_match", private: true }));
    log.record(entry({ question: "群里问的电动车被偷了找谁", refused: true, reason: "no_match", private: false }));
    log.record(entry({ question: "没说在哪问的电动车丢了", refused: true, reason: "no_match" })); // unknown: private
    expect(log.recentRefused(10).map((r) => r.question)).toHaveLength(3);
    expect(log.recentRefused(10, { includePrivate: false }).map((r) => r.question)).toEqual(["群里问的电动车被偷了找谁"]);
    const report = buildReport(log, { includePrivate: false });
    expect(JSON.stringify(report)).not.toContain("私聊");
    expect(JSON.stringify(report)).not.toContain("没说在哪");
    expect(report.unanswered.map((g) => g.representative)).toEqual(["群里问的电动车被偷了找谁"]);
    expect(buildReport(log).totals.unanswered).toBe(3);
    log.close();
  });
});

describe("retention and forgetting", () => {
  it("deletes questions older than the retention when it opens", () => {
    const log = new QuestionLog(dbPath, { retentionDays: 30 });
    log.record(entry({ at: Date.now() - 40 * 86_400_000, question: "四十天前" }));
    log.record(entry({ at: Date.now() - 20 * 86_400_000, question: "二十天前" }));
    log.close();
    const again = new QuestionLog(dbPath, { retentionDays: 30 });
    expect(again.between().map((r) => r.question)).toEqual(["二十天前"]);
    again.close();
    expect(diskBytes().includes(Buffer.from("四十天前"))).toBe(false);
  });

  it("and once a day while it stays open, on a timer that keeps no process alive", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    const log = new QuestionLog(dbPath, { retentionDays: 30 });
    log.record(entry({ at: Date.now() - 29.5 * 86_400_000, question: "快过期的" }));
    log.record(entry({ question: "新的" }));
    expect((log as unknown as { sweeper: NodeJS.Timeout }).sweeper.hasRef()).toBe(false);
    vi.advanceTimersByTime(86_400_000);
    expect(log.between().map((r) => r.question)).toEqual(["新的"]);
    log.close();
  });

  it("PUFA_LOG_DAYS sets the retention (default 180)", () => {
    expect(loadConfig({}).log.days).toBe(180);
    expect(loadConfig({ PUFA_LOG_DAYS: "7" }).log.days).toBe(7);
    expect(() => loadConfig({ PUFA_LOG_DAYS: "forever" })).toThrow(/PUFA_LOG_DAYS/);
  });

  it("forget deletes one person's questions and nobody else's", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry({ question: "我的问题一" }));
    log.record(entry({ question: "我的问题二" }));
    log.record(entry({ askerId: "wxid_other", question: "别人的问题" }));
    expect(log.forget(RAW_ID)).toBe(2);
    expect(log.forget(RAW_ID)).toBe(0);
    expect(log.between().map((r) => r.question)).toEqual(["别人的问题"]);
    log.close();
    expect(diskBytes().includes(Buffer.from("我的问题"))).toBe(false);
  });
});

it("a key file that is not a key stops the log with its path", () => {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, "log-key"), "not a key\n");
  expect(() => new QuestionLog(dbPath)).toThrow(/log-key/);
});
