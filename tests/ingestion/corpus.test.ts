/** The project's own sample corpus (corpus/): readable, chunkable, and honest about its sources. */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../src/ingestion/article-reader.js";
import { chunkDocument } from "../../src/ingestion/chunker.js";
import { cleanCapturedPage } from "../../src/ingestion/clean-page.js";
import { decodeText } from "../../src/ingestion/decode.js";
import { HAS_LAWS, HAS_SEED, REPO_ROOT, SHARED_LAWS, SHARED_SEED } from "./paths.js";

const CORPUS = path.join(REPO_ROOT, "corpus");

describe("corpus/", () => {
  it("reads without warnings, skips its README, and chunks with exact offsets", async () => {
    const { docs, warnings } = await readCorpus([CORPUS]);
    expect(warnings).toEqual([]);
    expect(docs.length).toBeGreaterThanOrEqual(3);
    expect(docs.some((d) => d.file.toLowerCase() === "readme.md")).toBe(false);
    for (const doc of docs) {
      expect(doc.title).not.toBe("");
      const fileText = decodeText(await readFile(path.join(CORPUS, doc.file))).text;
      for (const c of chunkDocument(doc)) expect(fileText.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it("has the seed article with its metadata", async () => {
    const { docs } = await readCorpus([CORPUS]);
    const seed = docs.find((d) => d.title === "万宁公安构筑基层社会治理“平安前哨”");
    expect(seed).toMatchObject({ source: "法治日报", date: "2021-12-03", region: "海南省万宁市" });
    expect(seed?.tags).toEqual(expect.arrayContaining(["反诈", "扫黑除恶", "警保联控", "酒驾醉驾"]));
    expect(seed?.body).not.toMatch(/智慧普法平台|责任编辑/);
  });

  it("marks the sample articles as samples", async () => {
    const { docs } = await readCorpus([CORPUS]);
    const samples = docs.filter((d) => d.file.startsWith("sample-"));
    expect(samples.length).toBeGreaterThanOrEqual(2);
    for (const d of samples) expect(d.source).toBe("pufa 示例");
  });
});

describe.skipIf(!HAS_SEED)("corpus seed article vs ../shared seed", () => {
  it("is the cleaned capture, paragraph for paragraph", async () => {
    const { docs } = await readCorpus([CORPUS]);
    const seed = docs.find((d) => d.source === "法治日报");
    const expected = cleanCapturedPage(await readFile(SHARED_SEED, "utf8")).body;
    expect(seed?.body.trim()).toBe(expected);
  });
});

describe.skipIf(!HAS_LAWS)("law text quoted in the sample articles", () => {
  it("is word for word in the law library", async () => {
    const files = (await readdir(SHARED_LAWS, { recursive: true })).filter((f) => f.endsWith(".md"));
    const wanted = ["刑法", "道路交通安全法", "反电信网络诈骗法"];
    const texts = await Promise.all(
      files.filter((f) => wanted.some((w) => f.includes(w))).map((f) => readFile(path.join(SHARED_LAWS, f), "utf8")),
    );
    const samples = (await readdir(CORPUS)).filter((f) => f.startsWith("sample-"));
    let checked = 0;
    for (const f of samples) {
      const body = await readFile(path.join(CORPUS, f), "utf8");
      for (const m of body.matchAll(/规定[^“”。]{0,6}“([^“”]+)”/g)) {
        checked++;
        expect(texts.some((t) => t.includes(m[1])), `${f}: “${m[1]}”`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});
