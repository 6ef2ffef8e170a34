import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFile, readCorpus } from "../../src/ingestion/article-reader.js";
import { chunkDocument } from "../../src/ingestion/chunker.js";
import { decodeText } from "../../src/ingestion/decode.js";
import type { CorpusDocument } from "../../src/types.js";
import { FIXTURES } from "./paths.js";

function docOf(body: string, bodyOffset = 0): CorpusDocument {
  return { docId: "d1", file: "x.md", title: "T", source: "S", date: "2021-12-03", url: null, region: null, tags: ["t"], body, bodyOffset, hash: "h" };
}

const P = (n: number, s = "甲") => `${s.repeat(n - 1)}。`;

describe("chunkDocument", () => {
  it("merges small paragraphs up to maxChars and carries document metadata", () => {
    const body = `${P(40)}\n\n${P(40)}\n\n${P(40)}\n`;
    const chunks = chunkDocument(docOf(body), { maxChars: 90, minChars: 10 });
    expect(chunks.map((c) => c.text)).toEqual([`${P(40)}\n\n${P(40)}`, P(40)]);
    expect(chunks[1]).toMatchObject({ id: "article:d1#1", kind: "article", docId: "d1", chunk: 1, title: "T", source: "S", date: "2021-12-03", tags: ["t"] });
  });

  it("cuts a long paragraph at sentence ends into balanced pieces, never inside numbers or quotes", () => {
    const sentences = [
      "今年以来共侦破案件1,200起，破案率上升11.6%。",
      "“我们还对重点人、重点地排查登记。实施线上动态管控。”",
      "梁某说，将持续推进。",
      "据介绍，3.5万名群众参与了活动。",
      "活动取得了良好效果。",
    ];
    const body = sentences.join("");
    const chunks = chunkDocument(docOf(body), { maxChars: 60, minChars: 10 });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((c) => c.text).join("")).toBe(body);
    for (const c of chunks) {
      // each chunk is a run of whole sentences
      expect(sentences.some((s) => c.text.startsWith(s))).toBe(true);
      expect(c.text.length).toBeLessThanOrEqual(60);
    }
  });

  it("keeps an over-long quotation whole rather than cutting inside it", () => {
    const quote = `“${"不要转账，".repeat(20)}先核实。”`;
    const body = `${quote}民警说。后面还有一句话。`;
    const chunks = chunkDocument(docOf(body), { maxChars: 50, minChars: 10 });
    expect(chunks.some((c) => c.text.includes(quote))).toBe(true);
  });

  it("attaches heading-like lines to the chunk that follows", () => {
    const body = `导语一段，说明情况。\n\n严打犯罪保平安\n\n  “我来自首。”他到派出所投案。\n\n## 以防为先\n\n第二节正文。\n\n结尾小标题`;
    const chunks = chunkDocument(docOf(body), { maxChars: 20, minChars: 5 });
    expect(chunks.map((c) => c.text)).toEqual([
      "导语一段，说明情况。",
      "严打犯罪保平安\n\n  “我来自首。”他到派出所投案。",
      "以防为先\n\n第二节正文。",
      "结尾小标题",
    ]);
  });

  it("gives offsets in the whole file text (round trip) for every fixture document", async () => {
    const root = path.join(FIXTURES, "corpus");
    const { docs } = await readCorpus([root]);
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const fileText = decodeText(await readFile(path.join(root, doc.file))).text;
      const chunks = chunkDocument(doc, { maxChars: 40 });
      expect(chunks.length).toBeGreaterThan(0);
      for (const c of chunks) {
        expect(fileText.slice(c.start, c.end)).toBe(c.text);
        expect(c.start).toBeGreaterThanOrEqual(doc.bodyOffset);
        expect(c.file).toBe(doc.file);
      }
    }
  });

  it("keeps CRLF files exact", async () => {
    const root = path.join(FIXTURES, "corpus");
    const { doc } = await readArticleFile(root, "sub/drowning-crlf.txt");
    const fileText = decodeText(await readFile(path.join(root, "sub/drowning-crlf.txt"))).text;
    const chunks = chunkDocument(doc!, { maxChars: 30, minChars: 5 });
    for (const c of chunks) {
      expect(fileText.slice(c.start, c.end)).toBe(c.text);
      expect(c.text).toBe(c.text.trim());
    }
    const inline = docOf("第一段。\r\n\r\n第二段。\r\n", 7);
    const out = chunkDocument(inline, { maxChars: 4, minChars: 1 });
    expect(out.map((c) => c.text)).toEqual(["第一段。", "第二段。"]);
    expect(out[1].start).toBe(7 + "第一段。\r\n\r\n".length);
  });

  it("keeps a numbered list with its lead-in past maxChars (up to twice it), not past that", () => {
    const lead = `${"甲".repeat(30)}，需带：`;
    const items = [1, 2, 3, 4, 5].map((n) => `${n}. ${"乙".repeat(14)}；`);
    const body = `${lead}\n${items.join("\n")}\n${P(40)}\n`;
    const chunks = chunkDocument(docOf(body), { maxChars: 90, minChars: 10 });
    expect(chunks[0].text).toBe(`${lead}\n${items.join("\n")}`);
    expect(chunks[1].text).toBe(P(40));
    // A list longer than twice the bound is cut as before.
    const long = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `${n}. ${"乙".repeat(14)}；`);
    const cut = chunkDocument(docOf(`${lead}\n${long.join("\n")}\n`), { maxChars: 90, minChars: 10 });
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.every((c) => c.text.length <= 180)).toBe(true);
  });

  it("returns no chunks for a blank body", () => {
    expect(chunkDocument(docOf(" \n\n \u3000 "))).toEqual([]);
  });
});
