import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addToCorpus, contentHash, CorpusWriter, EmptyArticleError, listCorpus, removeFromCorpus } from "../../src/admin/corpus-manager.js";
import { importFile } from "../../src/admin/importers/index.js";
import type { ImportedArticle } from "../../src/admin/importers/types.js";
import { QuestionLog } from "../../src/admin/question-log.js";
import { parseFrontMatter } from "../../src/ingestion/front-matter.js";
import { readCorpus } from "../../src/ingestion/article-reader.js";

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/admin");

let dir: string;
let corpus: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "pufa-corpus-"));
  corpus = path.join(dir, "corpus");
  mkdirSync(corpus);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const served = () => readdirSync(corpus).filter((f) => !f.startsWith("."));
const history = () => (existsSync(path.join(corpus, ".history")) ? readdirSync(path.join(corpus, ".history")).filter((f) => !f.startsWith(".")) : []);
const frontMatterOf = (rel: string) => parseFrontMatter(readFileSync(path.join(corpus, rel), "utf8")).data;

function article(over: Partial<ImportedArticle> = {}): ImportedArticle {
  return {
    title: "电动车防盗小贴士",
    source: "临江市公安局",
    date: "2024-03-01",
    url: null,
    authors: [],
    body: "停放电动车时，请尽量停在有监控的地方。\n\n加装防盗锁，不要把钥匙留在车上。",
    format: "md",
    ...over,
  };
}

describe("addToCorpus", () => {
  it("writes <date>-<slug>.md with front matter, and the corpus reader serves it under the same id", async () => {
    const imported = await importFile(path.join(FIX, "article.docx"));
    const now = new Date("2024-03-20T08:00:00Z");
    const r = addToCorpus(corpus, imported, { now });
    expect(r.action).toBe("added");
    expect(r.file).toMatch(/^2024-03-15-.+\.md$/);
    expect(r.file).toContain("刷单返利");
    const data = frontMatterOf(r.file);
    expect(data).toMatchObject({
      id: r.docId,
      title: imported.title,
      source: "平安临江",
      date: "2024-03-15",
      format: "docx",
      imported_at: now.toISOString(),
      content_hash: contentHash(imported.body),
    });
    const { docs } = await readCorpus([corpus]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ docId: r.docId, title: imported.title, source: "平安临江", date: "2024-03-15" });
    expect(docs[0].body.trim()).toBe(imported.body);
  });

  it("re-importing the same file creates nothing; whitespace-only differences are the same content", async () => {
    const imported = await importFile(path.join(FIX, "site-page-gbk.html"));
    const first = addToCorpus(corpus, imported);
    const again = addToCorpus(corpus, await importFile(path.join(FIX, "site-page-gbk.html")));
    expect(again).toMatchObject({ action: "duplicate", docId: first.docId, file: first.file });
    const spaced = addToCorpus(corpus, { ...imported, title: "另一个标题", body: imported.body.replace(/\n\n/g, "\n\n  \n").replace(/，/g, ", ") });
    expect(spaced.action).toBe("duplicate");
    expect(served()).toEqual([first.file]);
    expect(history()).toEqual([]);
  });

  it("a newer version with the same title and source replaces the served one, which moves to .history", async () => {
    const old = addToCorpus(corpus, article());
    const newer = addToCorpus(corpus, article({ date: "2024-05-01", body: "新版：停车请上锁。\n\n夜间请把电动车推进车棚。" }), {
      now: new Date("2024-05-02T00:00:00Z"),
    });
    expect(newer.action).toBe("replaced");
    expect(newer.replaced?.map((r) => r.docId)).toEqual([old.docId]);
    expect(served()).toEqual([newer.file]);
    expect(history()).toHaveLength(1);
    const hist = frontMatterOf(newer.replaced![0].historyFile);
    expect(hist).toMatchObject({ id: old.docId, history_reason: "replaced", replaced_by: newer.docId, original_file: old.file });

    const { docs } = await readCorpus([corpus]);
    expect(docs.map((d) => d.docId)).toEqual([newer.docId]); // history is not served
  });

  it("an older version is stored in history only and says so", async () => {
    const current = addToCorpus(corpus, article({ date: "2024-05-01" }));
    const older = addToCorpus(corpus, article({ date: "2023-01-01", body: "旧版内容：电动车要上锁。" }));
    expect(older.action).toBe("outdated");
    expect(older.file.startsWith(".history/")).toBe(true);
    expect(older.existing).toMatchObject({ docId: current.docId, date: "2024-05-01" });
    expect(served()).toEqual([current.file]);
    expect(frontMatterOf(older.file)).toMatchObject({ history_reason: "outdated", superseded_by: current.docId, date: "2023-01-01" });
    const { docs } = await readCorpus([corpus]);
    expect(docs.map((d) => d.docId)).toEqual([current.docId]);
    // Importing the same old version again keeps no second copy.
    expect(addToCorpus(corpus, article({ date: "2023-01-01", body: "旧版内容：电动车要上锁。" }))).toMatchObject({ action: "outdated", file: older.file });
    expect(history()).toHaveLength(1);
  });

  it("refuses an article without text (a scanned PDF)", () => {
    expect(() => addToCorpus(corpus, article({ body: "  \n\n " }))).toThrow(EmptyArticleError);
    expect(served()).toEqual([]);
  });

  it("the same title from another source is a different article", () => {
    addToCorpus(corpus, article());
    const other = addToCorpus(corpus, article({ source: "临江日报", body: "另一家媒体的报道内容。" }));
    expect(other.action).toBe("added");
    expect(served()).toHaveLength(2);
  });

  it("writes audit rows through the log, with the actor hashed", () => {
    const log = new QuestionLog(path.join(dir, "pufa.sqlite"));
    try {
      addToCorpus(corpus, article(), { actor: "wxid_admin01", audit: log });
      addToCorpus(corpus, article(), { actor: "wxid_admin01", audit: log });
      const rows = log.auditTrail();
      expect(rows.map((r) => (r.detail as { action: string }).action)).toEqual(["duplicate", "added"]);
      expect(rows.every((r) => r.action === "corpus.add" && r.actor === log.hashId("wxid_admin01"))).toBe(true);
    } finally {
      log.close();
    }
  });
});

describe("removeFromCorpus and listCorpus", () => {
  it("lists served documents newest first", () => {
    const a = addToCorpus(corpus, article({ title: "甲", date: "2023-01-01", body: "甲的内容。" }));
    const b = addToCorpus(corpus, article({ title: "乙", date: "2024-01-01", body: "乙的内容。" }));
    const c = addToCorpus(corpus, article({ title: "丙", date: null, body: "丙的内容。" }));
    const list = listCorpus(corpus);
    expect(list.map((e) => e.id)).toEqual([b.docId, a.docId, c.docId]);
    expect(list[0]).toMatchObject({ title: "乙", source: "临江市公安局", date: "2024-01-01", kind: "article", file: b.file });
    expect(c.file.startsWith("undated-")).toBe(true);
  });

  it("removes by id (or unique id prefix) into .history with a removal record", async () => {
    const a = addToCorpus(corpus, article());
    const b = addToCorpus(corpus, article({ title: "第二篇", body: "第二篇的内容。" }));
    const r = removeFromCorpus(corpus, a.docId.slice(0, 6), { now: new Date("2024-06-01T00:00:00Z") });
    expect(r).toMatchObject({ removed: true, docId: a.docId, file: a.file });
    expect(frontMatterOf(r.historyFile!)).toMatchObject({ id: a.docId, history_reason: "removed", history_at: "2024-06-01T00:00:00.000Z" });
    expect(listCorpus(corpus).map((e) => e.id)).toEqual([b.docId]);
    expect((await readCorpus([corpus])).docs.map((d) => d.docId)).toEqual([b.docId]);

    expect(removeFromCorpus(corpus, "nosuchid").removed).toBe(false);
    expect(removeFromCorpus(corpus, b.file).removed).toBe(true);
    expect(listCorpus(corpus)).toEqual([]);
  });

  it("sees hand-placed files (no id in front matter, or .txt) under the reader's ids", async () => {
    writeFileSync(path.join(corpus, "hand.md"), "---\ntitle: 手写文章\n---\n\n手写文章的正文。\n");
    writeFileSync(path.join(corpus, "note.txt"), "纯文本标题\n纯文本正文。\n");
    const { docs } = await readCorpus([corpus]);
    const listed = listCorpus(corpus);
    expect(listed.map((e) => e.id).sort()).toEqual(docs.map((d) => d.docId).sort());
    // And the same body imported again is a duplicate of the hand-placed file.
    expect(addToCorpus(corpus, article({ title: "别的标题", body: "手写文章的正文。" })).action).toBe("duplicate");
  });
});

describe("CorpusWriter (a batch of adds)", () => {
  it("scans the folder once: later adds compare with its memory, not a re-scan of every file", () => {
    const first = addToCorpus(corpus, article());
    const writer = new CorpusWriter(corpus);
    // Gone from disk after the scan: a writer that re-scanned per add would not see it any more.
    rmSync(path.join(corpus, first.file));
    expect(writer.add(article()).action).toBe("duplicate");
  });

  it("keeps its memory up to date within the batch: a repeat is a duplicate, a newer version replaces the earlier import", () => {
    const writer = new CorpusWriter(corpus);
    const a = writer.add(article());
    expect(a.action).toBe("added");
    expect(writer.add(article({ format: "txt" })).action).toBe("duplicate");
    const newer = writer.add(article({ date: "2024-04-01", body: "新版：停放电动车时，请停在有监控的地方，并加装防盗锁。" }));
    expect(newer.action).toBe("replaced");
    expect(newer.replaced?.map((r) => r.file)).toEqual([a.file]);
    expect(writer.add(article({ date: "2024-02-01", body: "旧版：电动车要上锁。" })).action).toBe("outdated");
    expect(served()).toEqual([newer.file]);
    // What the writer remembered is what a fresh scan finds.
    expect(new CorpusWriter(corpus).add(article({ date: "2024-04-01", body: "新版：停放电动车时，请停在有监控的地方，并加装防盗锁。" })).action).toBe("duplicate");
  });
});
