import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractiveParts, joinParts, type Excerpt } from "../../src/answer/layout.js";
import { DEFAULT_PROMPTS_DIR, Prompts } from "../../src/answer/prompts.js";
import { hardSplit, sentenceAtoms, splitReplyParts, splitText } from "../../src/channels/reply-splitter.js";
import type { ArticlePassage, ReplyParts } from "../../src/types.js";

const squash = (s: string) => s.replace(/\s+/g, "");

/** A small seeded PRNG (mulberry32) so generated replies are the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLAUSES = ["醉酒驾驶机动车的", "处拘役", "并处罚金", "情节严重的", "由公安机关交通管理部门约束至酒醒", "吊销机动车驾驶证", "五年内不得重新取得", "依法追究刑事责任"];

function sentence(rand: () => number): string {
  const n = 1 + Math.floor(rand() * 4);
  const parts = Array.from({ length: n }, () => CLAUSES[Math.floor(rand() * CLAUSES.length)]);
  return parts.join("，") + ["。", "；", "！", "？"][Math.floor(rand() * 4)];
}

const DISCLAIMER = "（以上内容摘自公开的法律法规和普法资料，仅供学习参考，不构成法律意见。）";

/** An engine-shaped reply as parts: numbered excerpts [n]「…」 (or 「…」[n]) in one or two sections, sources, disclaimer. */
function reply(rand: () => number, markerAfter = false): { parts: ReplyParts; excerpts: string[] } {
  const count = 1 + Math.floor(rand() * 5);
  const excerpts = Array.from({ length: count }, (_, i) => {
    const body = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => sentence(rand)).join("");
    return markerAfter ? `「${body}」[${i + 1}]` : `[${i + 1}]「${body}」${rand() < 0.3 ? "……" : ""}`;
  });
  const cut = rand() < 0.5 ? count : Math.max(1, Math.floor(count / 2));
  const body = [excerpts.slice(0, cut).join("\n\n"), excerpts.slice(cut).join("\n\n")].filter(Boolean);
  const sources = `来源：\n${excerpts.map((_, i) => `[${i + 1}] 《中华人民共和国道路交通安全法》第九十一条`).join("\n")}`;
  return { parts: { body, sources, notes: [DISCLAIMER] }, excerpts };
}

const tailOf = (parts: ReplyParts) => [parts.sources, ...parts.notes].join("\n\n");

describe("splitText", () => {
  it("returns a short text as one message, trimmed", () => {
    expect(splitText("  你好。\n", 100)).toEqual(["你好。"]);
    expect(splitText("   ", 100)).toEqual([]);
  });

  it("rejects a limit too small to hold anything sensible", () => {
    expect(() => splitText("你好", 5)).toThrow(RangeError);
    expect(() => splitReplyParts({ body: ["你好"], sources: "", notes: [] }, 5)).toThrow(RangeError);
  });

  it("cuts at sentence ends, not mid-sentence, when sentences fit", () => {
    const text = "第一句话比较长一些，说的是醉驾。第二句话也不短，说的是罚款。第三句话讲的是拘留和吊销驾照。";
    expect(splitText(text, 36)).toEqual(["第一句话比较长一些，说的是醉驾。第二句话也不短，说的是罚款。", "第三句话讲的是拘留和吊销驾照。"]);
  });

  it("never cuts inside 「…」 even at a 。 and keeps 」[n] together", () => {
    const excerpt = "「醉酒驾驶机动车的，处拘役。并处罚金。情节严重的，依法追究刑事责任。」[2]";
    const text = `引言一句话说在前面。${excerpt}后面还有一句话。`;
    const parts = splitText(text, excerpt.length + 2);
    expect(parts.filter((p) => p.includes(excerpt))).toHaveLength(1);
    expect(parts.every((p) => !p.startsWith("[2]"))).toBe(true);
  });
});

describe("splitReplyParts", () => {
  it("sends a reply that fits as one message: exactly the reply's text", () => {
    const parts = { body: ["[1]「醉酒驾驶机动车的，处拘役。」"], sources: "来源：\n[1] 某法", notes: [DISCLAIMER] };
    expect(splitReplyParts(parts, 1500)).toEqual([joinParts(parts)]);
  });

  it("keeps every generated reply's invariants over many sizes and limits", () => {
    const rand = prng(20250301);
    let multiPart = 0;
    for (let round = 0; round < 300; round++) {
      const { parts, excerpts } = reply(rand, round % 3 === 0);
      const limit = 120 + Math.floor(rand() * 500);
      const messages = splitReplyParts(parts, limit);

      for (const m of messages) expect(m.length).toBeLessThanOrEqual(limit);
      expect(squash(messages.join(""))).toBe(squash(joinParts(parts))); // nothing lost, nothing added, order kept
      if (messages.length > 1) multiPart++;
      // Every excerpt that fits in a message is whole in one message, together with its [n].
      for (const e of excerpts) {
        if (e.length > limit) continue;
        expect(messages.some((m) => m.includes(e))).toBe(true);
      }
      // The sources and what follows them come last.
      const tail = tailOf(parts);
      if (tail.length <= limit) {
        expect(messages.at(-1)?.endsWith(tail)).toBe(true);
        expect(messages.slice(0, -1).some((m) => m.includes("来源："))).toBe(false);
      }
    }
    expect(multiPart).toBeGreaterThan(100); // the generator really exercises splitting
  });

  it("puts the sources in a message of their own at the end when they do not fit with the last body message", () => {
    const parts = { body: ["正文。".repeat(30)], sources: `来源：\n[1] ${"《中华人民共和国刑法》第一百三十三条之一".repeat(2)}`, notes: [] };
    const messages = splitReplyParts(parts, 100);
    expect(messages.at(-1)).toBe(parts.sources);
    expect(messages.slice(0, -1).every((m) => !m.includes("来源"))).toBe(true);
  });

  it("splits an over-long source list by lines and keeps it last", () => {
    const lines = Array.from({ length: 12 }, (_, i) => `[${i + 1}] 《中华人民共和国治安管理处罚法》第${i + 1}条`);
    const messages = splitReplyParts({ body: ["正文一句。"], sources: `来源：\n${lines.join("\n")}`, notes: [] }, 80);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(80);
    expect(messages[0]).toBe("正文一句。");
    for (const line of lines) expect(messages.filter((m) => m.includes(line))).toHaveLength(1);
  });

  it("starts a new message at a body section that does not fit after the previous one", () => {
    const office = `本地通报：\n[1]「${"防范电信诈骗，不要出借银行卡。".repeat(4)}」`;
    const law = `相关法律：\n[2]「${"帮助信息网络犯罪活动的，处三年以下有期徒刑。".repeat(3)}」`;
    const messages = splitReplyParts({ body: [office, law], sources: "来源：\n[1] 通报\n[2] 刑法", notes: [] }, 120);
    expect(messages[0]).toBe(office);
    expect(messages[1].startsWith("相关法律：")).toBe(true);
  });

  it("cuts in the same places when the source heading is reworded in a copy of prompts/, and a 来源： quoted in an excerpt moves nothing", () => {
    const renamed = mkdtempSync(path.join(os.tmpdir(), "pufa-prompts-"));
    cpSync(DEFAULT_PROMPTS_DIR, renamed, { recursive: true });
    writeFileSync(path.join(renamed, "answer-sources.txt"), "出处一览\n{sources}\n");
    const passage: ArticlePassage = {
      id: "a1#0", kind: "article", text: "", file: "a1.md", start: 0, end: 0, docId: "a1", title: "反诈通报", source: "某公安局",
      date: "2024-01-01", url: null, region: null, tags: [], chunk: 0,
    };
    const texts = [
      "近日，我局破获一起电信诈骗案。\n来源：群众举报线索。",
      "民警提醒，陌生来电要求转账的，一律先挂断再核实。".repeat(3),
      "不要出借银行卡、电话卡，否则可能构成帮助信息网络犯罪活动罪。".repeat(2),
    ];
    const excerpts: Excerpt[] = texts.map((text, i) => ({ n: i + 1, passage, text, start: 0, end: text.length, clipped: false, label: `反诈通报 — 某公安局 2024-01-0${i + 1}` }));
    const flags = { emergency: true, dispute: false };
    const original = extractiveParts(new Prompts(), excerpts, flags);
    const reworded = extractiveParts(new Prompts(renamed), excerpts, flags);
    expect(reworded.sources).not.toContain("来源");

    const limit = 150;
    const a = splitReplyParts(original, limit);
    const b = splitReplyParts(reworded, limit);
    const bodyMessages = a.findIndex((m) => m.startsWith("来源："));
    expect(bodyMessages).toBeGreaterThan(1);
    expect(b.findIndex((m) => m.startsWith("出处一览"))).toBe(bodyMessages);
    expect(b.length).toBe(a.length);
    expect(b.slice(0, bodyMessages)).toEqual(a.slice(0, bodyMessages)); // same cuts in the body
    expect(a.slice(0, bodyMessages).join("")).toContain("来源：群众举报线索"); // the quoted 来源： stayed in the body
  });
});

describe("hardSplit", () => {
  it("cuts a sentence without punctuation at the limit and loses nothing", () => {
    const s = "醉".repeat(95);
    const pieces = hardSplit(s, 30);
    expect(pieces.map((p) => p.length)).toEqual([30, 30, 30, 5]);
  });

  it("prefers a comma in the second half of the window", () => {
    const pieces = hardSplit(`${"甲".repeat(20)}，${"乙".repeat(20)}`, 30);
    expect(pieces[0]).toBe(`${"甲".repeat(20)}，`);
  });

  it("never splits a surrogate pair (emoji)", () => {
    const pieces = hardSplit("😀".repeat(25), 21);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(21);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(p)).toBe(false);
    }
    expect(pieces.join("")).toBe("😀".repeat(25));
  });

  it("does not cut inside a [n] marker", () => {
    const pieces = hardSplit(`${"字".repeat(27)}[12]${"字".repeat(10)}`, 30);
    expect(pieces.some((p) => p.includes("[12]"))).toBe(true);
  });
});

describe("sentenceAtoms", () => {
  it("are contiguous slices of the text", () => {
    const text = "一。二！\n[1]「三。四」\n\n五？[2]六";
    expect(sentenceAtoms(text).join("")).toBe(text);
    expect(sentenceAtoms(text)).not.toContain("四」");
  });
});
