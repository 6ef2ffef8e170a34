import { buildSearcher } from "../../src/index/searcher-build.js";
import { describe, expect, it } from "vitest";
import { crossValidateLabelled } from "../../src/bench/labelled-cv.js";
import { foldAssignment } from "../../src/bench/fit-weights.js";
import { evaluate, type StardItem } from "../../src/eval/stard.js";
import { LabelledKnowledge } from "../../src/retrieval/labelled-questions.js";
import { fixturePassages } from "./helpers.js";

const laws = fixturePassages();
const rent = [{ law: "民法典", article: "第七百零三条" }];
// Five questions that share no character pair with each other, all labelled with an article none of
// them matches lexically (民法典 第七百零三条, the lease contract).
const UNRELATED: StardItem[] = ["醉驾怎么判", "偷手机", "电话卡卖了", "老公打我", "楼上扔东西"].map((question, i) => ({ id: `u${i}`, question, gold: rent }));

describe("crossValidateLabelled", () => {
  // Reranker off: in a 30-article fixture its law-size feature alone can lift an unmatched 民法典
  // article into the top 10, and these tests are about what labelled questions add.
  const searcher = buildSearcher(laws, { embedding: "none", reranker: null });

  it("never lets a question learn from itself", async () => {
    const plain = (await evaluate(searcher, UNRELATED)).metrics;
    const cv = await crossValidateLabelled(searcher, UNRELATED, 5, "block");
    expect(cv.r10).toBeCloseTo(plain.r10, 10);
    expect(cv.mrr10).toBeCloseTo(plain.mrr10, 10);
    // In-sample (learning from the very questions asked) would look perfect: that is what CV avoids.
    expect((await evaluate(searcher.with({ labelled: LabelledKnowledge.learn(UNRELATED, laws) }), UNRELATED)).metrics.r1).toBe(1);
    expect(plain.r10).toBe(0);
  });

  it("gains on held-out questions when other folds hold similar ones, and leaves the searcher as it was", async () => {
    const paired: StardItem[] = ["东家嫌我喝酒误事不要我了", "邻居楼上往下扔垃圾砸了车", "东家嫌我喝酒误事，就不要我了", "楼上邻居往下扔垃圾砸坏了我的车"].map((question, i) => ({
      id: `p${i}`,
      question,
      gold: i % 2 === 0 ? [{ law: "劳动合同法", article: "第三十九条" }] : [{ law: "民法典", article: "第一千二百五十四条" }],
    }));
    // Block folds of two: each question's twin is in the other fold.
    const plain = (await evaluate(searcher, paired)).metrics;
    const cv = await crossValidateLabelled(searcher, paired, 2, "block");
    expect(cv.mrr10).toBeGreaterThan(plain.mrr10);
    expect(cv.r10).toBeGreaterThan(plain.r10);
    expect(searcher.labelled).toBeNull();
  });

  it("assigns folds: block keeps runs together, random shuffles, both cover every fold", () => {
    expect([...foldAssignment(10, 5, "block")]).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    const r = [...foldAssignment(10, 5, "random")];
    expect(r).not.toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect([...r].sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});
