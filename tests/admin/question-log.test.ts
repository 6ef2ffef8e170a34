import Database from "better-sqlite3";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QuestionLog, SCHEMA_VERSION, type QuestionEntry } from "../../src/admin/question-log.js";

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "pufa-qlog-"));
  dbPath = path.join(dir, ".pufa", "pufa.sqlite");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const RAW_ID = "wxid_zhangsan_8842x";
const ROOM_ID = "1234567@chatroom";

function entry(over: Partial<QuestionEntry> = {}): QuestionEntry {
  return {
    at: "2024-06-01T02:00:00.000Z",
    channel: "wechat",
    askerId: RAW_ID,
    question: "醉驾怎么处罚？",
    refused: false,
    reason: "answered",
    citations: ["中华人民共和国刑法 第一百三十三条之一"],
    latencyMs: 120,
    ...over,
  };
}

/** Every byte the database keeps on disk: main file, WAL and shared memory. */
function diskBytes(): Buffer {
  return Buffer.concat(["", "-wal", "-shm"].map((s) => dbPath + s).filter(existsSync).map((f) => readFileSync(f)));
}

describe("QuestionLog", () => {
  it("creates the file under the data dir, in WAL mode, with a schema version", () => {
    const log = new QuestionLog(dbPath);
    log.close();
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("records questions with ISO times and reads them back by range, oldest first", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry({ at: new Date("2024-06-01T01:00:00Z"), question: "一" }));
    log.record(entry({ at: Date.parse("2024-06-02T01:00:00Z"), question: "二", refused: true, reason: "no_match", citations: [] }));
    log.record(entry({ at: "2024-06-03T01:00:00Z", question: "三" }));
    const rows = log.between("2024-06-01T12:00:00Z", "2024-06-03T00:00:00Z");
    expect(rows.map((r) => r.question)).toEqual(["二"]);
    expect(rows[0]).toMatchObject({ at: "2024-06-02T01:00:00.000Z", refused: true, reason: "no_match", citations: [], channel: "wechat" });
    expect(log.between().map((r) => r.question)).toEqual(["一", "二", "三"]);
    log.close();
  });

  it("keeps refusals and lists the latest first", () => {
    const log = new QuestionLog(dbPath);
    log.record(entry({ at: "2024-06-01T01:00:00Z", question: "早的", refused: true, reason: "no_match" }));
    log.record(entry({ at: "2024-06-01T02:00:00Z", question: "答了" }));
    log.record(entry({ at: "2024-06-01T03:00:00Z", question: "晚的", refused: true, reason: "out_of_scope" }));
    expect(log.recentRefused(10).map((r) => [r.question, r.reason])).toEqual([
      ["晚的", "out_of_scope"],
      ["早的", "no_match"],
    ]);
    expect(log.recentRefused(1)).toHaveLength(1);
    log.close();
  });

  it("stats: totals, answered/refused, reasons, distinct askers, today", () => {
    const log = new QuestionLog(dbPath);
    const now = new Date(2024, 5, 10, 15, 0, 0); // local time
    const todayMorning = new Date(2024, 5, 10, 9, 0, 0);
    const yesterday = new Date(2024, 5, 9, 23, 0, 0);
    log.record(entry({ at: yesterday, askerId: "a", latencyMs: 100 }));
    log.record(entry({ at: todayMorning, askerId: "b", refused: true, reason: "no_match", latencyMs: 300 }));
    log.record(entry({ at: todayMorning, askerId: "b", refused: true, reason: "out_of_scope", latencyMs: 200 }));
    log.record(entry({ at: new Date(2024, 4, 1), askerId: "c" }));
    const all = log.stats({ now });
    expect(all).toMatchObject({ since: null, total: 4, answered: 2, refused: 2, today: 2, askers: 3 });
    expect(all.byReason).toEqual({ answered: 2, no_match: 1, out_of_scope: 1 });
    const recent = log.stats({ since: new Date(2024, 5, 1), now });
    expect(recent).toMatchObject({ total: 3, answered: 1, refused: 2, askers: 2, meanLatencyMs: 200 });
    log.close();
  });

  it("never stores the raw asker id: HMAC with a per-install secret, stable across reopening", () => {
    let log = new QuestionLog(dbPath);
    log.record(entry({ askerId: RAW_ID }));
    log.audit(ROOM_ID, "corpus.list", { total: 0 });
    // Checked while open (WAL holds the rows) and after close (checkpointed into the main file).
    expect(diskBytes().includes(Buffer.from(RAW_ID))).toBe(false);
    const hash = log.hashId(RAW_ID);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    log.close();
    const bytes = diskBytes();
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(RAW_ID))).toBe(false);
    expect(bytes.includes(Buffer.from(ROOM_ID))).toBe(false);
    expect(bytes.includes(Buffer.from(RAW_ID, "utf16le"))).toBe(false);
    // Control: the question text itself is there, so the search would have found the id.
    expect(bytes.includes(Buffer.from("醉驾怎么处罚"))).toBe(true);

    log = new QuestionLog(dbPath, { retentionDays: 36_500 }); // the 2024 row outlives the default 180 days
    expect(log.hashId(RAW_ID)).toBe(hash);
    expect(log.between()[0].asker).toBe(hash);
    log.close();

    const other = new QuestionLog(path.join(dir, "other", "pufa.sqlite"));
    expect(other.hashId(RAW_ID)).not.toBe(hash); // another install (data folder), another key
    other.close();
  });

  it("audit rows: who (hashed), when, what", () => {
    const log = new QuestionLog(dbPath);
    log.audit("wxid_admin", "corpus.add", { title: "甲" }, "2024-06-01T00:00:00Z");
    log.audit("wxid_admin", "corpus.remove", { docId: "abc" }, "2024-06-02T00:00:00Z");
    const rows = log.auditTrail();
    expect(rows.map((r) => r.action)).toEqual(["corpus.remove", "corpus.add"]);
    expect(rows[1]).toMatchObject({ at: "2024-06-01T00:00:00.000Z", actor: log.hashId("wxid_admin"), detail: { title: "甲" } });
    log.close();
  });

  it("refuses a database written by a newer schema", () => {
    new QuestionLog(dbPath).close();
    const db = new Database(dbPath);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new QuestionLog(dbPath)).toThrow(/schema version/);
  });
});
