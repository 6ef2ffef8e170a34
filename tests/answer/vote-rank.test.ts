/** The law passage that labelled questions like the one asked were answered with is quoted first. */
import { describe, expect, it } from "vitest";
import { VOTE_LIFT, voteRank } from "../../src/answer/vote-rank.js";
import type { Hit, LawPassage } from "../../src/types.js";

function lawHit(article: string, score: number, vote?: number): Hit {
  const passage = { kind: "law", id: article, lawShort: "刑法", lawTitle: "中华人民共和国刑法", article, text: "", headings: [] } as unknown as LawPassage;
  return { passage, score, rank: 1, ...(vote ? { vote } : {}) } as Hit;
}
const names = (hits: Hit[]) => hits.map((h) => (h.passage as LawPassage).article);

describe("voteRank", () => {
  const hits = [lawHit("第二百六十四条", 2.0), lawHit("第二百六十六条", 1.6, 0.3), lawHit("第二百七十四条", 1.5), lawHit("第二百六十七条", 0.5, 0.2)];

  it("adds the vote, in shares of the first hit's score: a strong vote lifts a near passage first", () => {
    expect(names(voteRank(hits, 1))).toEqual(["第二百六十六条", "第二百六十四条", "第二百七十四条", "第二百六十七条"]);
  });

  it("a weak vote or a far passage stays where it is; no lift, or no vote, keeps the searcher's order", () => {
    expect(names(voteRank(hits, 0.5))).toEqual(names(hits));
    expect(names(voteRank(hits, 0))).toEqual(names(hits));
    const unvoted = hits.map((h) => ({ ...h, vote: undefined }));
    expect(names(voteRank(unvoted, VOTE_LIFT))).toEqual(names(hits));
    expect(voteRank([], VOTE_LIFT)).toEqual([]);
  });
});
