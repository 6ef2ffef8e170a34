/** After a law answer, the office's article joins only on the law's matter (src/answer/law-signature.ts). */
import { describe, expect, it } from "vitest";
import { lawSignature, localOnLawsMatter, onLawsMatter } from "../../src/answer/law-signature.js";
import type { LocalDoc } from "../../src/answer/local-articles.js";
import { termMatcher } from "../../src/answer/term-weights.js";
import { lawArticleKey } from "../../src/retrieval/law-aliases.js";
import { parseArticleNo } from "../../src/text/numerals.js";
import type { Hit, LawPassage, SearchOptions, Searcher } from "../../src/types.js";

function lawHit(lawShort: string, article: string): Hit {
  const passage = { kind: "law", id: `${lawShort}${article}`, lawShort, lawTitle: `中华人民共和国${lawShort}`, article, articleNo: parseArticleNo(article), text: "", headings: [] } as unknown as LawPassage;
  return { passage, score: 1, rank: 1 } as Hit;
}
const key = (law: string, article: string) => lawArticleKey(law, parseArticleNo(article)!);

function doc(docId: string, title: string, text: string): LocalDoc {
  return { docId, title, date: null, region: null, chunks: [], haystack: `${title} ${text}`, sentences: [title, ...text.split("。").filter(Boolean)], bodies: new Map(), bigrams: new Set(), headings: [] };
}

/** A searcher that finds 道路交通安全法第九十一条 for anything on 酒驾, 刑法第二百八十七条之二 for 两卡, and counts its searches. */
function fakeSearcher(): Searcher & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(query: string, options?: SearchOptions) {
      queries.push(query);
      expect(options?.kinds).toEqual(["law"]);
      if (query.includes("酒驾")) return [lawHit("道路交通安全法", "第九十一条"), lawHit("刑法", "第一百三十三条之一")];
      if (query.includes("两卡")) return [lawHit("刑法", "第二百八十七条之二")];
      return [];
    },
  };
}

const drunk = doc("d1", "万宁公安一季度查处酒驾醉驾违法行为286起", "交警大队开展夜查行动42次。共查处酒驾醉驾286起。");
const cards = doc("d2", "出租出借两卡不是赚外快", "举报电话：0898-62218110。");

describe("is the office's article on the law's matter", () => {
  it("shares an article with the question's law hits: on it; shares none and holds few of the question's words: off it", () => {
    const signature = new Set([key("道路交通安全法", "第九十一条")]);
    expect(onLawsMatter(signature, 0, [lawHit("刑法", "第一百三十三条"), lawHit("道路交通安全法", "第九十一条")])).toBe(true);
    // Driving without a licence: 道路交通安全法第九十九条, not the 酒驾 report's article.
    expect(onLawsMatter(signature, 0.2, [lawHit("道路交通安全法", "第九十九条"), lawHit("道路交通安全法", "第十九条")])).toBe(false);
  });

  it("an article holding most of the question's own words is on it whatever its signature (a report whose title finds no law)", () => {
    expect(onLawsMatter(new Set(), 0.4, [lawHit("刑法", "第三百五十七条")])).toBe(true);
    expect(onLawsMatter(new Set(), 0.39, [lawHit("刑法", "第三百五十七条")])).toBe(false);
  });

  it("reads an article's matter from its title and opening, once per index and article", async () => {
    const searcher = fakeSearcher();
    expect([...(await lawSignature(searcher, drunk))]).toEqual([key("道路交通安全法", "第九十一条"), key("刑法", "第一百三十三条之一")]);
    expect(searcher.queries[0]).toContain("万宁公安一季度查处酒驾醉驾违法行为286起");
    expect(searcher.queries[0]).toContain("交警大队开展夜查行动42次");
    await lawSignature(searcher, drunk);
    expect(searcher.queries).toHaveLength(1);
    // A new index (another searcher) reads it afresh.
    const next = fakeSearcher();
    await lawSignature(next, drunk);
    expect(next.queries).toHaveLength(1);
  });

  it("joins when any of the local answer's articles is on the matter", async () => {
    const searcher = fakeSearcher();
    const terms = termMatcher(searcher, "无证驾驶摩托车会被拘留吗");
    const noLicence = [lawHit("道路交通安全法", "第九十九条")];
    expect(await localOnLawsMatter(searcher, [drunk], terms, noLicence)).toBe(false);
    const drink = [lawHit("道路交通安全法", "第九十一条")];
    expect(await localOnLawsMatter(searcher, [cards, drunk], termMatcher(searcher, "喝了酒开车会被拘留吗"), drink)).toBe(true);
    expect(await localOnLawsMatter(searcher, [cards], termMatcher(searcher, "喝了酒开车会被拘留吗"), drink)).toBe(false);
  });
});
