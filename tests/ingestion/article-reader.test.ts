import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFile, readCorpus } from "../../src/ingestion/article-reader.js";
import { decodeText } from "../../src/ingestion/decode.js";
import { FIXTURES } from "./paths.js";

const ROOT = path.join(FIXTURES, "corpus");

describe("readArticleFile", () => {
  it("reads a Markdown article with front matter", async () => {
    const { doc, warnings } = await readArticleFile(ROOT, "good.md");
    expect(warnings).toEqual([]);
    expect(doc).toMatchObject({
      file: "good.md",
      title: "夜间巡逻护平安",
      source: "某某县公安局",
      date: "2023-05-08",
      url: "https://example.invalid/article/1",
      region: "浙江省湖州市",
      tags: ["巡逻防控", "警保联控", "平安建设"],
    });
    expect(doc!.docId).toMatch(/^[0-9a-f]{12}$/);
    expect(doc!.hash).toMatch(/^[0-9a-f]{64}$/);
    const text = decodeText(await readFile(path.join(ROOT, "good.md"))).text;
    expect(text.slice(doc!.bodyOffset)).toBe(doc!.body);
    expect(doc!.body.trim().startsWith("入夏以来")).toBe(true);
  });

  it("uses the front-matter id and normalises a Chinese date", async () => {
    const { doc } = await readArticleFile(ROOT, "with-id.md");
    expect(doc?.docId).toBe("fixed-id-001");
    expect(doc?.date).toBe("2021-12-03");
    expect(doc?.source).toBeNull();
  });

  it("survives malformed front matter: warning, title from the # heading, YAML lines not in the body", async () => {
    const { doc, warnings } = await readArticleFile(ROOT, "bad-front-matter.md");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("bad-front-matter.md");
    expect(warnings[0]).toMatch(/front matter ignored/);
    expect(doc?.title).toBe("冬季取暖防火提示");
    expect(doc?.body.startsWith("---")).toBe(false);
    expect(doc?.bodyOffset).toBeGreaterThan(0);
    expect(doc?.source).toBeNull();
  });

  it("reads a GBK .txt: first line is the title, the rest is the body", async () => {
    const { doc, warnings } = await readArticleFile(ROOT, "holiday-safety-gbk.txt");
    expect(warnings).toEqual([]);
    expect(doc?.title).toBe("国庆假期出行安全提示");
    expect(doc?.body).toContain("开车不喝酒，喝酒不开车");
    expect(doc?.body).not.toContain("国庆假期出行安全提示");
    const text = decodeText(await readFile(path.join(ROOT, "holiday-safety-gbk.txt"))).text;
    expect(text.slice(doc!.bodyOffset)).toBe(doc!.body);
  });

  it("warns on an empty file, a missing file and an unsupported type", async () => {
    const empty = await readArticleFile(ROOT, "empty.md");
    expect(empty.doc).toBeNull();
    expect(empty.warnings[0]).toMatch(/empty\.md: file is empty/);
    const missing = await readArticleFile(ROOT, "nope.md");
    expect(missing.doc).toBeNull();
    expect(missing.warnings[0]).toContain("nope.md");
    const csv = await readArticleFile(ROOT, "notes.csv");
    expect(csv.doc).toBeNull();
    expect(csv.warnings[0]).toMatch(/not a \.md or \.txt/);
  });
});

describe("readCorpus", () => {
  it("reads the folder recursively, skipping README.md and dotfiles, with warnings for bad files", async () => {
    const { docs, warnings } = await readCorpus([ROOT]);
    expect(docs.map((d) => d.file).sort()).toEqual(
      ["bad-front-matter.md", "good.md", "holiday-safety-gbk.txt", "sub/drowning-crlf.txt", "with-id.md"].sort(),
    );
    expect(docs.some((d) => d.title.includes("隐藏"))).toBe(false);
    expect(warnings.some((w) => w.includes("empty.md"))).toBe(true);
    expect(warnings.some((w) => w.includes("notes.csv"))).toBe(true);
    expect(warnings.some((w) => w.includes("bad-front-matter.md"))).toBe(true);
  });

  it("keeps one copy when two roots hold the same document", async () => {
    const { docs, warnings } = await readCorpus([ROOT, ROOT]);
    expect(docs).toHaveLength(5);
    expect(warnings.filter((w) => w.includes("same document id"))).toHaveLength(5);
  });

  it("warns on a missing folder and an empty folder without throwing", async () => {
    const missingPath = path.join(FIXTURES, "does-not-exist");
    const missing = await readCorpus([missingPath]);
    expect(missing.docs).toEqual([]);
    expect(missing.warnings).toEqual([`${missingPath}: corpus folder does not exist`]);

    const dir = await mkdtemp(path.join(tmpdir(), "pufa-corpus-"));
    try {
      const empty = await readCorpus([dir]);
      expect(empty.docs).toEqual([]);
      expect(empty.warnings).toEqual([`${dir}: corpus folder has no .md or .txt articles`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
