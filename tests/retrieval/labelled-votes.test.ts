/** How the labelled questions' votes enter the fused ranking (src/retrieval/labelled-votes.ts). */
import { describe, expect, it } from "vitest";
import { DEFAULT_HYBRID_CONFIG } from "../../src/retrieval/hybrid-config.js";
import { LabelledKnowledge, type LabelledQuestion } from "../../src/retrieval/labelled-questions.js";
import { addNeighbourVotes, VOTE_REACH } from "../../src/retrieval/labelled-votes.js";
import { find, fixturePassages, gold as g } from "./helpers.js";

const laws = fixturePassages();
const LABELLED: LabelledQuestion[] = [
  { question: "喝多了打110瞎报警说有人杀人会被罚吗", gold: [g("劳动合同法", "第三十九条")] },
  { question: "小孩拿手机打110说有人杀人是闹着玩的会被罚吗", gold: [g("劳动合同法", "第三十九条")] },
  { question: "邻居家的狗半夜一直叫吵得睡不着", gold: [g("民法典", "第一千二百五十四条")] },
];
const knowledge = LabelledKnowledge.learn(LABELLED, laws);
const target = laws.indexOf(find(laws, "劳动合同法", 39));
const config = { ...DEFAULT_HYBRID_CONFIG, neighbourWeight: 0.75, neighbours: 10 };

// Thirty lexical candidates in the narrow band fused scores sit in (1.52 down to 1.23), none the voted article.
const docs = Array.from({ length: 30 }, (_, i) => (i >= target ? i + 1 : i));
const scores = Float64Array.from(docs.map((_, i) => 1.52 - i * 0.01));
const rankOf = (ranked: { doc: number }[]) => ranked.findIndex((r) => r.doc === target);

describe("labelled votes in the ranking", () => {
  it("a strong vote reaches the results though no word of the question does: it counts from the tenth candidate's score", () => {
    const q = "我家小子喝多了闹着玩打110说村里有人杀人会被关吗";
    const vote = knowledge.votes(q, config.neighbours).votes.get(target) ?? 0;
    expect(vote).toBeGreaterThanOrEqual(VOTE_REACH);
    const ranked = addNeighbourVotes(knowledge, config, q, [...docs], Float64Array.from(scores), 20, () => true);
    expect(rankOf(ranked)).toBeGreaterThanOrEqual(0);
    expect(rankOf(ranked)).toBeLessThan(10);
    expect(ranked[rankOf(ranked)].vote).toBeCloseTo(vote);
    // A low lexical candidate counts from the same score: it is not worse off than an absent one.
    const low = [...docs, target];
    const ranked2 = addNeighbourVotes(knowledge, config, q, low, Float64Array.from([...scores, 0.1]), 20, () => true);
    expect(rankOf(ranked2)).toBe(rankOf(ranked));
  });

  it("a weak vote is added to what the article scored, or to nothing: it does not climb over the lexical band", () => {
    const q = "小孩玩手机";
    const vote = knowledge.votes(q, config.neighbours).votes.get(target) ?? 0;
    expect(vote).toBeGreaterThan(0);
    expect(vote).toBeLessThan(VOTE_REACH);
    expect(rankOf(addNeighbourVotes(knowledge, config, q, [...docs], Float64Array.from(scores), 20, () => true))).toBe(-1);
  });
});
