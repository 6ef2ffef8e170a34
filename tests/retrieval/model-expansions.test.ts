/**
 * The expansions learned with the ranking model: the stricter learning settings (a word must
 * recur, an expansion must be distinctive, heading numbers are never expansions), the model file
 * carrying them, and the first stage searching them only while that model is in use.
 */
import { buildSearcher } from "../../src/index/searcher-build.js";
import { describe, expect, it } from "vitest";
import { HybridSearcher } from "../../src/retrieval/hybrid-searcher.js";
import { LabelledKnowledge, learnExpansions, type LabelledQuestion } from "../../src/retrieval/labelled-questions.js";
import { docShareOf, learnModelExpansions, MODEL_EXPANSION_LEARNING } from "../../src/retrieval/model-expansions.js";
import { validateModel, type GbdtModel } from "../../src/retrieval/gbdt.js";
import { RERANK_FEATURES } from "../../src/retrieval/rerank-features.js";
import { FoldRerankers, trainReranker } from "../../src/bench/rerank-cv.js";
import { fixturePassages, gold as g } from "./helpers.js";

const laws = fixturePassages();

// "东家" (an old word for employer) never occurs in the law text; four labelled questions tie it to
// 劳动合同法 articles, which say 用人单位. "老乡" occurs in two questions only.
const LABELLED: LabelledQuestion[] = [
  { question: "东家不跟我签合同，能要两倍工资吗", gold: [g("劳动合同法", "第八十二条")] },
  { question: "东家说我试用期不合格要赶我走", gold: [g("劳动合同法", "第三十九条")] },
  { question: "东家一直拖着不签书面合同怎么办", gold: [g("劳动合同法", "第八十二条")] },
  { question: "东家因为我喝酒误事把我开了", gold: [g("劳动合同法", "第三十九条")] },
  { question: "老乡不跟我签合同", gold: [g("劳动合同法", "第八十二条")] },
  { question: "老乡拖着不签书面合同", gold: [g("劳动合同法", "第八十二条")] },
  { question: "喝了酒开车被交警拦下", gold: [g("道路交通安全法", "第九十一条")] },
  { question: "偷了同事的手机", gold: [g("刑法", "第二百六十四条")] },
];
const questions = LabelledKnowledge.learn(LABELLED, laws).questions;
/** LABELLED in the bench's item format. */
const ITEMS = LABELLED.map((x, i) => ({ id: String(i), ...x, gold: x.gold.map((y) => ({ ...y, name: "" })) }));
const loose = { minCount: 1, minShare: 0, minLift: 0, perWord: 100 };
const expansionWords = (m: Map<string, [string, number][]>, w: string) => (m.get(w) ?? []).map(([e]) => e);

describe("learning expansions with the model's settings", () => {
  it("drops question words seen in fewer than minQuestions questions", async () => {
    const two = learnExpansions(questions, laws, { ...loose, minQuestions: 2 });
    expect(expansionWords(two, "东家")).toContain("用人单位");
    expect(expansionWords(two, "老乡")).toContain("用人单位");
    const three = learnExpansions(questions, laws, { ...loose, minQuestions: 3 });
    expect(expansionWords(three, "东家")).toContain("用人单位");
    expect(three.has("老乡")).toBe(false);
  });

  it("drops article words commoner than maxDocShare, and never learns a heading's number", async () => {
    const common = (w: string) => (w === "用人单位" ? 0.5 : 0.01);
    const all = learnExpansions(questions, laws, { ...loose, maxDocShare: 0.03 }, common);
    expect(expansionWords(all, "东家")).not.toContain("用人单位");
    expect(expansionWords(all, "东家")).toContain("劳动合同");
    // Without a docShare function the share limit cannot apply.
    expect(expansionWords(learnExpansions(questions, laws, { ...loose, maxDocShare: 0.03 }), "东家")).toContain("用人单位");
    // The gold articles sit under 第四章 / 第七章 headings; those numbers say nothing about a question.
    const words = [...all.values()].flat().map(([e]) => e);
    expect(words.length).toBeGreaterThan(10);
    expect(words.filter((e) => /^第.+[章节编]$/.test(e))).toEqual([]);
  });

  it("bounds a word's document share by its rarest bigram in the index", async () => {
    const s = buildSearcher(laws, { embedding: "none", reranker: null });
    const share = docShareOf(s);
    const n = s.bm25.nDocs;
    expect(share("用人单位")).toBeCloseTo(Math.min(s.bm25.df("用人", 0), s.bm25.df("人单", 0), s.bm25.df("单位", 0)) / n, 10);
    expect(share("用人单位")).toBeGreaterThan(0);
    expect(share("嘤嘤嘤")).toBe(0);
    expect(share("人")).toBe(1);
  });

  // maxDocShare 0.2: in a 32-article fixture one article is already 3% of the library.
  it("learns from the labelled questions whose gold the library holds", async () => {
    const s = buildSearcher(laws, { embedding: "none", reranker: null });
    const items = [...LABELLED, { question: "东家不存在法", gold: [g("不存在法", "第一条")] }];
    const learned = new Map(learnModelExpansions(s, items, { ...MODEL_EXPANSION_LEARNING, minLift: 1, maxDocShare: 0.2 }));
    expect(expansionWords(learned, "东家")).toContain("劳动合同");
    expect(expansionWords(learned, "老乡")).toContain("劳动合同");
    // The question whose gold the library lacks does not count: 东家 is in 4 usable questions, not 5.
    const five = new Map(learnModelExpansions(s, items, { ...MODEL_EXPANSION_LEARNING, minLift: 1, maxDocShare: 0.2, minQuestions: 5 }));
    expect(five.has("东家")).toBe(false);
    expect(new Map(learnModelExpansions(s, items, { ...MODEL_EXPANSION_LEARNING, minLift: 1, maxDocShare: 0.2, minQuestions: 4 })).has("东家")).toBe(true);
  });
});

describe("the ranking model's expansions in the first stage", () => {
  const trees: GbdtModel = { features: [...RERANK_FEATURES], baseScale: 1, trees: [{ feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0] }] };
  const withExpansions: GbdtModel = { ...trees, expansions: [["东家", [["用人单位", 0.5]]]] };

  it("searches the model's expansions at modelExpansionWeight × share, and nothing without that model", async () => {
    const s = buildSearcher(laws, { embedding: "none", reranker: withExpansions });
    expect(s.queryTerms("东家要我走人").get("用人")).toBeCloseTo(0.5, 10);
    expect(s.with({ config: { modelExpansionWeight: 0 } }).queryTerms("东家要我走人").has("用人")).toBe(false);
    const other = s.with({ reranker: trees });
    expect(other.queryTerms("东家要我走人").has("用人")).toBe(false);
    expect(other.with({ reranker: withExpansions }).queryTerms("东家要我走人").has("用人")).toBe(true);
    expect(s.with({ reranker: null }).queryTerms("东家要我走人").has("用人")).toBe(false);
    // A variant leaves the searcher it came from as it was.
    expect(s.queryTerms("东家要我走人").get("用人")).toBeCloseTo(0.5, 10);
  });

  it("brings an article no question word matches into the results", async () => {
    const q = "东家要我走人";
    const plain = buildSearcher(laws, { embedding: "none", reranker: trees });
    const taught = buildSearcher(laws, { embedding: "none", reranker: withExpansions });
    const laborLaw = async (s: HybridSearcher) => (await s.search(q, { k: 5 })).filter((h) => h.passage.kind === "law" && h.passage.lawShort === "劳动合同法").length;
    expect(await laborLaw(taught)).toBeGreaterThan(await laborLaw(plain));
  });

  it("trainReranker stores the expansions it trained the trees over; learning null trains trees alone", async () => {
    const s = buildSearcher(laws, { embedding: "none", reranker: null });
    const m = trainReranker(s, ITEMS, { trees: 5 }, { ...MODEL_EXPANSION_LEARNING, minLift: 1, maxDocShare: 0.2 });
    expect(new Map(m.expansions).has("东家")).toBe(true);
    expect(s.reranker).toBeNull();
    expect(s.modelExpansions).toBeNull();
    const bare = trainReranker(s, ITEMS, { trees: 5 }, null);
    expect(bare.expansions).toBeUndefined();
  });

  it("a model file with malformed expansions is refused", async () => {
    expect(validateModel(JSON.parse(JSON.stringify(withExpansions)), RERANK_FEATURES).expansions).toEqual(withExpansions.expansions);
    expect(() => validateModel({ ...trees, expansions: [["东家", "用人单位"]] }, RERANK_FEATURES)).toThrow(/expansions/);
    expect(() => validateModel({ ...trees, expansions: { 东家: [] } }, RERANK_FEATURES)).toThrow(/expansions/);
  });
});

describe("the ranking model inside cross-validation", () => {
  const items = ITEMS;
  const learning = { ...MODEL_EXPANSION_LEARNING, minLift: 1, maxDocShare: 0.2 };

  it("learns each fold's expansions from the training folds and the extra file only", async () => {
    const s = buildSearcher(laws, { embedding: "none", reranker: null });
    const dongjia = items.filter((x) => x.question.includes("东家"));
    const others = [...items.keys()].filter((i) => !items[i].question.includes("东家"));
    const folds = new FoldRerankers(s, items, [], { trees: 3 }, learning);
    expect(new Map(folds.model("block", 0, others).expansions ?? []).has("东家")).toBe(false);
    expect(new Map(folds.model("block", 1, [...items.keys()]).expansions ?? []).has("东家")).toBe(true);
    const withExtra = new FoldRerankers(s, items, dongjia, { trees: 3 }, learning);
    expect(new Map(withExtra.model("block", 0, others).expansions ?? []).has("东家")).toBe(true);
  });
});
