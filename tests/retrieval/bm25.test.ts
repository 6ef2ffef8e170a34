import { describe, expect, it } from "vitest";
import { Bm25Index, topK } from "../../src/retrieval/bm25.js";
import { FIELDS } from "../../src/retrieval/hybrid-config.js";
import { passageFields } from "../../src/retrieval/passage-text.js";
import { find, fixturePassages } from "./helpers.js";

const ps = fixturePassages();
const index = Bm25Index.build(ps.map(passageFields), { fields: FIELDS });

describe("Bm25Index", () => {
  it("ranks the obviously right article first", () => {
    const cases: [string, string, number, number][] = [
      ["飙车追逐竞驶情节恶劣会判什么刑", "刑法", 133, 1],
      ["收到法院的人身安全保护令", "反家庭暴力法", 23, 0],
      ["高空抛物砸伤人谁赔偿", "民法典", 1254, 0],
    ];
    for (const [q, law, num, sub] of cases) {
      const top = index.search(q, 3);
      expect(ps[top[0].doc].id).toBe(find(ps, law, num, sub).id);
    }
  });

  it("round-trips through toBuffer/fromBuffer with identical scores", () => {
    const copy = Bm25Index.fromBuffer(index.toBuffer());
    for (const q of ["醉驾", "电信网络诈骗 银行卡", "离婚 家庭暴力 损害赔偿"]) {
      expect(copy.search(q, 10)).toEqual(index.search(q, 10));
    }
    expect(copy.vocabularySize).toBe(index.vocabularySize);
  });

  it("loads from a misaligned buffer", () => {
    const buf = index.toBuffer();
    const shifted = new Uint8Array(buf.length + 3);
    shifted.set(buf, 3);
    expect(Bm25Index.fromBuffer(shifted.subarray(3)).search("醉驾", 5)).toEqual(index.search("醉驾", 5));
  });

  it("filters with an allow mask and returns nothing for unknown terms", () => {
    const allow = new Uint8Array(ps.length);
    const target = find(ps, "刑法", 264);
    allow[ps.indexOf(target)] = 1;
    const hits = index.search("盗窃公私财物", 5, allow);
    expect(hits.map((h) => h.doc)).toEqual([ps.indexOf(target)]);
    expect(index.search("ｘｙｚｗ", 5)).toEqual([]);
  });

  it("topK keeps the k best, best first", () => {
    const r = topK([5, 1, 9, 3], [0.5, 2, 1, 2], 4, 3);
    expect(r.map((x) => x.doc)).toEqual([1, 3, 9]);
  });
});

describe("termWeights", () => {
  it("weighs a run of letters or digits by its own document frequency, as it is indexed", async () => {
    const { termWeights } = await import("../../src/retrieval/query-terms.js");
    const docs = ["请通过交管12123 APP预约", "下载APP后登录", "机动车登记", "驾驶证换领"].map((text) => [text, "", ""]);
    const small = Bm25Index.build(docs, { fields: FIELDS });
    const w = termWeights(small, null, "app上怎么预约 12123");
    // Two of four documents hold "app": it weighs less than 12123 (one) and less than a word none holds.
    expect(w.get("app")!.weight).toBeLessThan(w.get("12123")!.weight);
    const unseen = termWeights(small, null, "zzz").get("zzz")!.weight;
    expect(w.get("12123")!.weight).toBeLessThan(unseen);
  });

  it("keeps the lexicon phrase a word was cut from (安全 of 安全出口), and none for a word that is its phrase", async () => {
    const { termWeights } = await import("../../src/retrieval/query-terms.js");
    const { Lexicon } = await import("../../src/retrieval/lexicon.js");
    const docs = ["占用疏散通道", "道路交通安全"].map((text) => [text, "", ""]);
    const small = Bm25Index.build(docs, { fields: FIELDS });
    const w = termWeights(small, Lexicon.parse(["楼道 安全出口 堵塞"]), "楼道停车");
    expect(w.get("安全")).toMatchObject({ expansion: true, phrase: "安全出口" });
    expect(w.get("堵塞")!.phrase).toBeUndefined();
    expect(w.get("楼道")!.expansion).toBe(false);
  });
});
