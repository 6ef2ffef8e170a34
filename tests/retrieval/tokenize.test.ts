import { describe, expect, it } from "vitest";
import { segment } from "../../src/text/segmenter.js";
import { normalize, tokenize, wordTokens } from "../../src/text/tokenize.js";

describe("segmenter", () => {
  it("keeps domain words whole", () => {
    const words = segment("喝酒开车算酒驾吗？警保联控是什么，帮信罪怎么判，两卡");
    for (const w of ["酒驾", "警保联控", "帮信罪", "两卡"]) expect(words).toContain(w);
  });
});

describe("tokenize", () => {
  it("normalizes full-width ASCII and case", () => {
    expect(normalize("ＡＢＣ１２３　x")).toBe("abc123 x");
  });

  it("emits bigrams, unigrams without stopwords, and (when asked) long domain words", () => {
    const toks = tokenize("警保联控的酒驾", { unigrams: true, bigrams: true, words: true, minWordLength: 3 });
    expect(toks).toContain("警保联控");
    expect(toks).toContain("酒驾");
    expect(toks).toContain("联控");
    expect(toks).toContain("警");
    expect(toks).not.toContain("的");
  });

  it("drops punctuation and keeps ASCII runs", () => {
    const toks = tokenize("APP刷单，返利！");
    expect(toks).toContain("app");
    expect(toks).toContain("刷单");
    expect(toks.some((t) => /[，！]/.test(t))).toBe(false);
  });

  it("word tokens drop stopwords and punctuation", () => {
    const w = wordTokens("请问醉驾怎么处罚？");
    expect(w).toContain("醉驾");
    expect(w).not.toContain("请问");
    expect(w).not.toContain("？");
  });
});

describe("default analyzer", () => {
  it("is unigrams + bigrams", () => {
    expect(tokenize("帮信罪")).toEqual(["帮", "帮信", "信", "信罪", "罪"]);
  });
});
