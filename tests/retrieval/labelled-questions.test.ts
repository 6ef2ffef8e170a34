import { loadSearcher, saveSearcher } from "../../src/index/searcher-files.js";
import { buildSearcher } from "../../src/index/searcher-build.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HybridSearcher } from "../../src/retrieval/hybrid-searcher.js";
import { LabelledKnowledge, labelKey, learnExpansions, type LabelledQuestion } from "../../src/retrieval/labelled-questions.js";
import { find, fixturePassages, gold as g } from "./helpers.js";

const laws = fixturePassages();

// Small labelled set in the pufa eval format: "东家" (an old word for employer) never occurs in the
// law text; the labels tie it to 劳动合同法 articles, which say 用人单位.
const LABELLED: LabelledQuestion[] = [
  { question: "东家不跟我签合同，能要两倍工资吗", gold: [g("中华人民共和国劳动合同法", "第八十二条")] },
  { question: "东家说我试用期不合格要赶我走", gold: [g("劳动合同法", "第三十九条")] },
  { question: "东家一直拖着不签书面合同怎么办", gold: [g("劳动合同法", "第八十二条")] },
  { question: "东家因为我喝酒误事把我开了", gold: [g("劳动合同法", "第三十九条")] },
  { question: "邻居天天在楼上往下扔垃圾", gold: [g("民法典", "第一千二百五十四条")] },
  { question: "喝了酒开车被交警拦下", gold: [g("道路交通安全法", "第九十一条")] },
  { question: "路上跟人飙车被抓", gold: [g("刑法", "第一百三十三条之一")] },
  { question: "偷了同事的手机", gold: [g("刑法", "第二百六十四条")] },
  { question: "在家里打麻将赢钱算赌博吗", gold: [g("治安管理处罚法", "第七十条")] },
  { question: "老公动手打我能报警吗", gold: [g("反家庭暴力法", "第二条")] },
  { question: "网上有人骂我是骗子", gold: [g("民法典", "第一千零二十四条")] },
  { question: "把银行卡借给别人用犯法吗", gold: [g("反电信网络诈骗法", "第三十一条")] },
  { question: "十五岁的孩子打伤了人要坐牢吗", gold: [g("刑法", "第十七条")] },
  { question: "这条法律不存在", gold: [g("不存在法", "第一条")] },
];

describe("LabelledKnowledge", () => {
  const k = LabelledKnowledge.learn(LABELLED, laws);

  it("keys gold labels like the citation lookup (中华人民共和国 dropped, numerals normalized)", async () => {
    expect(labelKey(g("中华人民共和国劳动合同法", "第八十二条"))).toBe(labelKey(g("劳动合同法", "第82条")));
    expect(labelKey(g("劳动合同法", "第八十二条"))).not.toBe(labelKey(g("劳动合同法", "第八十三条")));
    expect(labelKey(g("劳动合同法", "总则"))).toBeNull();
  });

  it("keeps the questions whose gold is in the library and counts the labels it could not place", async () => {
    expect(k.questions).toHaveLength(LABELLED.length - 1);
    expect(k.unresolved).toBe(1);
    expect(k.questions[0].docs).toEqual([laws.indexOf(find(laws, "劳动合同法", 82))]);
  });

  it("sets apart a question none of whose gold the library holds: it casts no vote, but takes its place among the nearest", async () => {
    expect(k.unplaced).toEqual(["这条法律不存在"]);
    // A library without 高空抛物: the question about it stays, unplaced.
    const thrown = { question: "从楼上往下扔东西砸到人犯法吗", gold: [g("不存在法", "第一条")] };
    const card = { question: "把银行卡借给别人用犯法吗", gold: [g("反电信网络诈骗法", "第三十一条")] };
    const q = "从楼上往下扔东西犯法吗";
    const both = LabelledKnowledge.learn([thrown, card], laws);
    expect(both.neighbours(q, 1)[0].index).toBe(both.questions.length);
    expect(both.votes(q, 1).votes.size).toBe(0);
    // Without it, the card question votes, through 犯法吗 alone.
    expect(LabelledKnowledge.learn([card], laws).votes(q, 1).votes.size).toBe(1);
    const back = LabelledKnowledge.fromJSON(both.toJSON());
    expect(back.unplaced).toEqual([thrown.question]);
    expect(back.votes(q, 1).votes.size).toBe(0);
  });

  it("learns a colloquial word's statutory counterpart from co-occurrence, not words found everywhere", async () => {
    const words = (k.expansions.get("东家") ?? []).map(([w]) => w);
    expect(words).toContain("用人单位");
    // 喝酒 occurs once with 第三十九条 and once with 道交法 第九十一条: below the minimum count.
    expect(k.expansions.get("喝酒")).toBeUndefined();
    expect(k.expansionsOf("东家要辞退我").map(([w]) => w)).toContain("用人单位");
    expect(k.expansionsOf("醉驾怎么处罚")).toEqual([]);
  });

  it("applies the thresholds it is given", async () => {
    const strict = learnExpansions(k.questions, laws, { minCount: 5, minShare: 0.1, minLift: 3, perWord: 5 });
    expect(strict.size).toBe(0);
  });

  it("finds the most similar labelled questions and lets them vote for their gold articles", async () => {
    const n = k.neighbours("东家一直不和我签书面合同", 3);
    expect(LABELLED[n[0].index].question).toBe("东家一直拖着不签书面合同怎么办");
    expect(n[0].similarity).toBeGreaterThan(n[1].similarity);
    expect(n[0].similarity).toBeLessThanOrEqual(1 + 1e-9);
    const { votes, same } = k.votes("东家一直不和我签书面合同", 3);
    expect(same.size).toBe(0);
    const best = [...votes].sort((a, b) => b[1] - a[1])[0][0];
    expect(best).toBe(laws.indexOf(find(laws, "劳动合同法", 82)));
    expect(k.neighbours("明早几点出发", 3)).toEqual([]);
  });

  it("takes a labelled question for a neighbour only when it shares two terms: one shared bigram is a coincidence", async () => {
    // 银行卡 (the word and its two bigrams) ties it to 把银行卡借给别人用犯法吗; 马桶一直流水 shares 一直 alone with 东家一直拖着….
    expect(k.neighbours("银行卡丢了", 5).map((n) => LABELLED[n.index].question)).toContain("把银行卡借给别人用犯法吗");
    expect(k.neighbours("马桶一直流水不停", 5)).toEqual([]);
    expect(k.votes("马桶一直流水不停", 5).votes.size).toBe(0);
  });

  it("survives a JSON round trip unchanged", async () => {
    const back = LabelledKnowledge.fromJSON(k.toJSON());
    expect(back.neighbours("东家说我不合格", 5)).toEqual(k.neighbours("东家说我不合格", 5));
    expect([...back.expansions]).toEqual([...k.expansions]);
    expect(back.unresolved).toBe(1);
    expect(() => LabelledKnowledge.fromJSON(JSON.stringify({ version: 9 }))).toThrow(/format 9/);
  });
});

describe("HybridSearcher with labelled questions", () => {
  const plain = buildSearcher(laws, { embedding: "none" });
  const taught = buildSearcher(laws, { embedding: "none", labelled: LABELLED });
  const dir = mkdtempSync(join(tmpdir(), "pufa-labelled-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const top = async (s: HybridSearcher, q: string) => {
    const p = (await s.search(q, { k: 1 }))[0]?.passage;
    return p && p.kind === "law" ? `${p.lawShort}${p.article}` : null;
  };
  // Close to a labelled question; plain search takes 喝酒 for drink-driving.
  const Q = "东家嫌我喝酒误事不要我了";

  it("ranks what similar labelled questions were answered with", async () => {
    expect(plain.labelled).toBeNull();
    expect(await top(plain, Q)).not.toBe("劳动合同法第三十九条");
    expect(await top(taught, Q)).toBe("劳动合同法第三十九条");
  });

  it("tells each hit how strongly the nearest labelled questions name it (the decision reads it), and nothing without them", async () => {
    const hit = (await taught.search(Q, { k: 1 }))[0];
    expect(hit.vote).toBeGreaterThan(0);
    expect(hit.vote).toBeLessThanOrEqual(LABELLED.length);
    expect((await plain.search(Q, { k: 5 })).every((h) => h.vote === undefined)).toBe(true);
  });

  it("answers a question it was taught with its labelled article first, above a strong lexical match", async () => {
    const q = "喝了酒开车被交警拦下了";
    const lexicalTop = await top(plain, q);
    const other = lexicalTop === "刑法第一百三十三条之一" ? g("道路交通安全法", "第九十一条") : g("刑法", "第一百三十三条之一");
    const s = buildSearcher(laws, { embedding: "none", labelled: [{ question: q, gold: [other] }] });
    expect(await top(s, q)).toBe(`${other.law}${other.article}`);
    // A merely related question is not "the same question": the lexical answer stays first.
    expect(await top(s, "开车前喝了两杯啤酒会被怎么处罚")).toBe(await top(plain, "开车前喝了两杯啤酒会被怎么处罚"));
  });

  it("finds a taught answer even for a question that shares no character with any passage", async () => {
    const q = "嘤嘤嘤呜呜呜";
    expect(await plain.search(q, { k: 3 })).toEqual([]);
    const s = buildSearcher(laws, { embedding: "none", labelled: [{ question: q, gold: [g("反家庭暴力法", "第二十三条")] }] });
    expect((await s.search(q, { k: 3 })).map((h) => [h.passage.kind === "law" ? `${h.passage.lawShort}${h.passage.article}` : null, h.labelled])).toEqual([["反家庭暴力法第二十三条", "same"]]);
  });

  it("is switched off by its weights", async () => {
    const s = buildSearcher(laws, { embedding: "none", labelled: LABELLED, config: { neighbourWeight: 0, learnedExpansionWeight: 0 } });
    expect((await s.search(Q, { k: 10 })).map((h) => h.passage.id)).toEqual((await plain.search(Q, { k: 10 })).map((h) => h.passage.id));
  });

  it("adds learned expansions to the query with their own weight", async () => {
    const terms = taught.queryTerms("东家要我走人");
    expect(terms.get("用人")).toBeGreaterThan(0);
    expect(terms.get("用人")).toBeLessThan(1);
    expect(plain.queryTerms("东家要我走人").has("用人")).toBe(false);
  });

  it("never returns a law version that is not current through a vote", async () => {
    const k = LabelledKnowledge.learn([{ question: "公司股东对公司负什么责任", gold: [g("公司法", "第四条")] }], laws);
    expect(laws[k.questions[0].docs[0]].kind === "law" && (laws[k.questions[0].docs[0]] as { current: boolean }).current).toBe(true);
  });

  it("is saved with the index and loaded back", async () => {
    saveSearcher(taught, dir);
    const back = loadSearcher(dir, laws);
    expect(back.labelled?.questions.length).toBe(taught.labelled!.questions.length);
    expect((await back.search(Q, { k: 5 })).map((h) => h.passage.id)).toEqual((await taught.search(Q, { k: 5 })).map((h) => h.passage.id));
  });
});
