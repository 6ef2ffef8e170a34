/**
 * One key for a law's name everywhere: retrieval (citations, gold labels), superseded-law detection
 * and the verification of a model's citations agree on how 中华人民共和国刑法, 刑法 and 《刑法》 name one law.
 */
import { describe, expect, it } from "vitest";
import { isSuperseded } from "../../src/retrieval/category-prior.js";
import { lawArticleKey, lawNameKey, mentionedLawKey } from "../../src/retrieval/law-aliases.js";
import { findArticleMentions } from "../../src/llm/law-mentions.js";
import { verifyAnswer } from "../../src/llm/verify.js";
import type { ModelExcerpt } from "../../src/llm/composer.js";
import { find, fixturePassages } from "./helpers.js";

const laws = fixturePassages();
const GROUPS: Record<string, string[]> = {
  刑法: ["中华人民共和国刑法", "刑法", "《刑法》", "《中华人民共和国刑法》", " 中华人民共和国 刑法 "],
  合同法: ["中华人民共和国合同法", "合同法", "《合同法》", "《中华人民共和国合同法》"],
  "民法典·总则": ["民法典·总则", "《民法典·总则》", "中华人民共和国民法典·总则"],
};

describe("law name keys", () => {
  it.each(Object.entries(GROUPS))("every way of writing %s gives one key, for retrieval and for verification alike", (key, names) => {
    for (const n of names) {
      expect(lawNameKey(n)).toBe(key);
      expect(mentionedLawKey(n)).toBe(key);
    }
  });

  it("superseded-law detection gives one answer per law, however it is written", () => {
    for (const [key, names] of Object.entries(GROUPS)) {
      const answers = new Set(names.map(isSuperseded));
      expect([...answers]).toEqual([key === "合同法"]);
    }
    // An interpretation of a superseded law, by the 《》 inside its title.
    expect(isSuperseded("最高人民法院关于适用《中华人民共和国合同法》若干问题的解释（二）")).toBe(true);
    expect(isSuperseded("最高人民法院关于适用《中华人民共和国民法典》合同编通则若干问题的解释")).toBe(false);
  });

  it("a mention drops a version note; a library title keeps it (two amendments are two documents)", () => {
    expect(mentionedLawKey("《中华人民共和国刑法（2020年修正）》")).toBe("刑法");
    expect(lawNameKey("中华人民共和国宪法修正案（2004年）")).not.toBe(lawNameKey("中华人民共和国宪法修正案（2018年）"));
  });

  it("verification reads a model's mention of a law as the key retrieval gives its article", () => {
    const p = find(laws, "刑法", 133, 1);
    const excerpt: ModelExcerpt = { n: 1, passage: p, text: p.text, label: `《${p.lawTitle}》${p.article}` };
    for (const name of GROUPS["刑法"].map((n) => n.trim())) {
      const [m] = findArticleMentions(`依照${name}第一百三十三条之一`, ["刑法"]);
      expect(`${m.law}|${m.key}`).toBe(lawArticleKey(p.lawShort, p.articleNo));
      const v = verifyAnswer(`醉驾的依照${name}第一百三十三条之一处罚[1]。`, [excerpt]);
      expect(v.removed).toEqual([]);
    }
    // A law the excerpts do not hold is still refused.
    expect(verifyAnswer("依照《合同法》第一百三十三条之一处罚[1]。", [excerpt]).removed).toHaveLength(1);
  });
});
