import { describe, expect, it } from "vitest";
import { hardSplit, sentenceAtoms, separateSources, splitReply } from "../../src/channels/reply-splitter.js";

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

/** An engine-shaped reply: intro, numbered excerpts [n]「…」 (or 「…」[n]), sources, disclaimer. */
function reply(rand: () => number, markerAfter = false): { text: string; excerpts: string[] } {
  const count = 1 + Math.floor(rand() * 5);
  const excerpts = Array.from({ length: count }, (_, i) => {
    const body = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => sentence(rand)).join("");
    return markerAfter ? `「${body}」[${i + 1}]` : `[${i + 1}]「${body}」${rand() < 0.3 ? "……" : ""}`;
  });
  const sources = excerpts.map((_, i) => `[${i + 1}] 《中华人民共和国道路交通安全法》第九十一条`).join("\n");
  const text = `关于“喝了酒开车”，普法资料中的相关内容如下：\n\n${excerpts.join("\n\n")}\n\n来源：\n${sources}\n\n（以上内容摘自公开的法律法规和普法资料，仅供学习参考，不构成法律意见。）`;
  return { text, excerpts };
}

describe("splitReply", () => {
  it("returns a short reply as one part, trimmed", () => {
    expect(splitReply("  你好。\n", 100)).toEqual(["你好。"]);
    expect(splitReply("   ", 100)).toEqual([]);
  });

  it("rejects a limit too small to hold anything sensible", () => {
    expect(() => splitReply("你好", 5)).toThrow(RangeError);
  });

  it("keeps every generated reply's invariants over many sizes and limits", () => {
    const rand = prng(20250301);
    let multiPart = 0;
    for (let round = 0; round < 300; round++) {
      const { text, excerpts } = reply(rand, round % 3 === 0);
      const limit = 120 + Math.floor(rand() * 500);
      const parts = splitReply(text, limit);

      for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
      expect(squash(parts.join(""))).toBe(squash(text)); // nothing lost, nothing added, order kept
      if (parts.length > 1) multiPart++;

      // Every excerpt that fits in a part is whole in one part, together with its [n].
      for (const e of excerpts) {
        if (e.length > limit) continue;
        expect(parts.some((p) => p.includes(e))).toBe(true);
      }
      // The sources block and what follows it is in the last part.
      const { tail } = separateSources(text);
      if (tail.length <= limit) expect(parts.at(-1)?.endsWith(tail)).toBe(true);
    }
    expect(multiPart).toBeGreaterThan(100); // the generator really exercises splitting
  });

  it("cuts at sentence ends, not mid-sentence, when sentences fit", () => {
    const text = "第一句话比较长一些，说的是醉驾。第二句话也不短，说的是罚款。第三句话讲的是拘留和吊销驾照。";
    const parts = splitReply(text, 36);
    expect(parts).toEqual(["第一句话比较长一些，说的是醉驾。第二句话也不短，说的是罚款。", "第三句话讲的是拘留和吊销驾照。"]);
  });

  it("never cuts inside 「…」 even at a 。 and keeps 」[n] together", () => {
    const excerpt = "「醉酒驾驶机动车的，处拘役。并处罚金。情节严重的，依法追究刑事责任。」[2]";
    const text = `引言一句话说在前面。${excerpt}后面还有一句话。`;
    const parts = splitReply(text, excerpt.length + 2);
    expect(parts.filter((p) => p.includes(excerpt))).toHaveLength(1);
    expect(parts.every((p) => !p.startsWith("[2]"))).toBe(true);
  });

  it("puts the sources in a part of their own at the end when they do not fit with the last body part", () => {
    const body = "正文。".repeat(30);
    const tail = `来源：\n[1] ${"《中华人民共和国刑法》第一百三十三条之一".repeat(2)}`;
    const parts = splitReply(`${body}\n\n${tail}`, 100);
    expect(parts.at(-1)).toBe(tail);
    expect(parts.slice(0, -1).every((p) => !p.includes("来源"))).toBe(true);
  });

  it("splits an over-long tail by lines and keeps it last", () => {
    const lines = Array.from({ length: 12 }, (_, i) => `[${i + 1}] 《中华人民共和国治安管理处罚法》第${i + 1}条`);
    const text = `正文一句。\n\n来源：\n${lines.join("\n")}`;
    const parts = splitReply(text, 80);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(80);
    expect(parts[0]).toBe("正文一句。");
    for (const line of lines) expect(parts.filter((p) => p.includes(line))).toHaveLength(1);
  });

  it("uses the last 来源： line, not one quoted earlier in an excerpt", () => {
    const { body, tail } = separateSources("甲。\n来源：某报道称\n乙。\n\n来源：\n[1] 某法");
    expect(tail).toBe("来源：\n[1] 某法");
    expect(body).toContain("来源：某报道称");
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
