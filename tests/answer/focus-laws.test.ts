/** The office's focus laws: preferred among near-equal law hits, never over a clear winner. */
import { describe, expect, it } from "vitest";
import { FocusLaws } from "../../src/answer/focus-laws.js";
import { orderLawHits } from "../../src/answer/law-order.js";
import type { Hit, LawPassage } from "../../src/types.js";
import type { Judgement } from "../../src/answer/judge.js";
import { buildLocalFixture, engineAt } from "./helpers.js";

function lawHit(lawShort: string, article: string, score: number): Hit {
  const passage = { kind: "law", id: `${lawShort}${article}`, lawShort, lawTitle: `中华人民共和国${lawShort}`, article, text: "", headings: [] } as unknown as LawPassage;
  return { passage, score } as Hit;
}

const names = (hits: Hit[]) => hits.map((h) => `${(h.passage as LawPassage).lawShort}${(h.passage as LawPassage).article}`);

describe("the focus lift in the law hits' order", () => {
  const focus = FocusLaws.parse(["# the office's laws", "治安管理处罚法", "中华人民共和国刑法"]);
  const hits = [lawHit("人民警察法", "第二条", 1.6), lawHit("海警法", "第三条", 1.55), lawHit("治安管理处罚法", "第四十三条", 1.5), lawHit("民法典", "第一条", 1.0), lawHit("刑法", "第二百三十四条", 0.9)];

  it("lifts a focus law's passage past near-equal others, by a share of the best score", () => {
    expect(names(orderLawHits(hits, focus, { focus: 0.2, vote: 0 }))).toEqual(["治安管理处罚法第四十三条", "人民警察法第二条", "海警法第三条", "刑法第二百三十四条", "民法典第一条"]);
  });

  it("leaves a clear winner first, and the searcher's order with no lift or no list", () => {
    expect(names(orderLawHits(hits, focus, { focus: 0.02 }))).toEqual(names(hits));
    expect(names(orderLawHits(hits, new FocusLaws([]), { focus: 0.2 }))).toEqual(names(hits));
    expect(names(orderLawHits(hits, null))).toEqual(names(hits));
    expect(focus.has("中华人民共和国治安管理处罚法")).toBe(true);
    expect(focus.has("人民警察法")).toBe(false);
  });

  it("the shipped list names the office's campaign laws, each once", () => {
    const shipped = FocusLaws.default();
    for (const law of ["刑法", "治安管理处罚法", "道路交通安全法", "反电信网络诈骗法", "禁毒法", "反家庭暴力法", "未成年人保护法"]) expect(shipped.has(law)).toBe(true);
    expect(shipped.has("民法典")).toBe(false);
  });
});

describe("the engine judges the law hits in the office's order", () => {
  it("孩子被打了: with 刑法 in focus its article comes second, after the clear winner; without, fourth", async () => {
    const { built } = await buildLocalFixture();
    const judged = async (focus: FocusLaws) => {
      let law: Judgement | null = null;
      // Without the starter set's votes, which lift passages too (tests/answer/law-order.test.ts): the focus alone.
      const unlabelled = built.searcher.with({ labelled: null });
      await engineAt(built, "2026-06-01", { focus, searcher: () => unlabelled, onJudged: (_q, j) => (law = j.law) }).ask({ question: "孩子被打了怎么办" });
      return names((law as Judgement | null)?.hits ?? []);
    };
    const plain = await judged(new FocusLaws([]));
    const office = await judged(new FocusLaws(["刑法"]));
    expect(plain[0]).toBe("治安管理处罚法第四十三条");
    expect(office[0]).toBe("治安管理处罚法第四十三条");
    expect(plain.indexOf("刑法第二百三十四条")).toBeGreaterThan(1);
    expect(office.indexOf("刑法第二百三十四条")).toBe(1);
  });
});
