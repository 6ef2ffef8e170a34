import { loadSearcher, saveSearcher } from "../../src/index/searcher-files.js";
import { buildSearcher } from "../../src/index/searcher-build.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PufaRetriever } from "../../src/retrieval/langchain.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import type { ArticlePassage, Passage } from "../../src/types.js";
import { find, fixturePassages } from "./helpers.js";

const laws = fixturePassages();
const article: ArticlePassage = {
  id: "article:wanning#0",
  kind: "article",
  docId: "wanning",
  title: "万宁公安推进警保联控",
  text: "万宁市公安局联合保险公司推进警保联控，整治电动自行车交通违法，开展反诈宣传。",
  file: "news/wanning.md",
  start: 0,
  end: 40,
  source: "法治日报",
  date: "2021-12-03",
  url: null,
  region: "海南",
  tags: [],
  chunk: 0,
};
const passages: Passage[] = [...laws, article];
const searcher = buildSearcher(passages, { embedding: "lsa", lsa: { dim: 8, minDf: 1, maxDfRatio: 0.9 } });
const dir = mkdtempSync(join(tmpdir(), "pufa-hybrid-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("HybridSearcher", () => {
  it("puts explicit citations first", async () => {
    const hits = await searcher.search("道交法第91条和醉驾有什么关系", { k: 5 });
    expect(hits[0].passage.id).toBe(find(laws, "道路交通安全法", 91).id);
    expect(hits[0].rank).toBe(1);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it("ranks the right article first for a plain question", async () => {
    expect((await searcher.search("飙车追逐竞驶情节恶劣会判什么刑", { k: 3 }))[0].passage.id).toBe(find(laws, "刑法", 133, 1).id);
  });

  it("collapses versions onto the current one unless allVersions", async () => {
    const q = "公司从事经营活动 股东 有限责任公司";
    const ids = (await searcher.search(q, { k: 20 })).map((h) => h.passage).filter((p) => p.kind === "law" && p.lawShort === "公司法");
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((p) => p.kind === "law" && p.current)).toBe(true);
    const all = (await searcher.search(q, { k: 20, allVersions: true })).map((h) => h.passage).filter((p) => p.kind === "law" && p.lawShort === "公司法");
    expect(all.some((p) => p.kind === "law" && !p.current)).toBe(true);
  });

  it("returns nothing for an empty or punctuation-only question", async () => {
    expect(await searcher.search("", { k: 5 })).toEqual([]);
    expect(await searcher.search("？？！", { k: 5 })).toEqual([]);
  });

  it("filters kinds", async () => {
    const onlyArticles = await searcher.search("警保联控 电动自行车", { k: 5, kinds: ["article"] });
    expect(onlyArticles.map((h) => h.passage.id)).toEqual([article.id]);
    expect((await searcher.search("警保联控", { k: 5, kinds: ["law"] })).every((h) => h.passage.kind === "law")).toBe(true);
  });

  it("expands colloquial words through the lexicon", async () => {
    const withLex = searcher.queryTerms("老公打我");
    expect(withLex.get("配偶")).toBeGreaterThan(0);
    const plain = buildSearcher(passages, { embedding: "none", lexicon: null });
    expect(plain.queryTerms("老公打我").has("配偶")).toBe(false);
  });

  it("round-trips through save/load with identical results", async () => {
    saveSearcher(searcher, dir);
    const loaded = loadSearcher(dir, passages);
    for (const q of ["醉驾", "家庭暴力 人身安全保护令", "刑法第二百六十六条", "帮助信息网络犯罪活动"]) {
      expect(await loaded.search(q, { k: 5 })).toEqual(await searcher.search(q, { k: 5 }));
    }
    expect(loaded.embedder?.id).toBe(searcher.embedder?.id);
  });
});

describe("Lexicon", () => {
  const lex = Lexicon.parse(["喝酒开车 饮酒后驾驶", "开车 驾驶", "老公 配偶", "打人 殴打他人", "狗+咬 饲养的动物", "# comment"]);

  it("matches the longest key, also with a particle inside", async () => {
    expect(lex.match("喝了酒开车").map((m) => m.key)).toEqual(["喝酒开车"]);
    expect(lex.match("我老公喝酒开车").map((m) => m.key).sort()).toEqual(["喝酒开车", "老公"]);
    expect(lex.match("他打了人").map((m) => m.key)).toEqual(["打人"]);
    expect(lex.match("打工的人")).toEqual([]);
    expect(lex.match("今天天气好")).toEqual([]);
  });

  it("matches A+B keys when every part occurs", async () => {
    expect(lex.match("邻居的狗把我孩子咬伤了")[0].expansions).toEqual(["饲养的动物"]);
    expect(lex.match("邻居的狗很凶")).toEqual([]);
  });

  it("ships a lexicon of 150+ entries", async () => {
    expect(Lexicon.default().size).toBeGreaterThan(150);
  });

  it("names a protected species in the statute's words (穿山甲 → 珍贵、濒危野生动物)", async () => {
    const [m] = Lexicon.default().match("上山抓到只穿山甲，想拿去卖犯法不");
    expect(m.expansions).toContain("珍贵、濒危野生动物");
  });

  it("names holding someone until a debt is paid in the statute's words (关在…不让走, 钱…放人 → 非法拘禁)", async () => {
    const found = Lexicon.default().match("放高利贷的人把我哥关在出租屋两日不让走，讲家里还完钱才放人").flatMap((m) => m.expansions);
    expect(found).toContain("非法拘禁");
    expect(found).toContain("为索取债务非法扣押、拘禁他人");
  });

  it("names a rumour and sold phone numbers in the statute's words", async () => {
    const words = (q: string) => Lexicon.default().match(q).flatMap((m) => m.expansions);
    expect(words("群里说水库有人投毒，后来查了根本没这回事")).toContain("散布谣言");
    expect(words("物业把业主的电话号码姓名都卖给了装修公司")).toContain("公民个人信息");
  });

  it("reads 侄子 as an heir only when the question is about inheriting (a nephew is the narrator's relative in many stories)", async () => {
    const words = (q: string) => Lexicon.default().match(q).flatMap((m) => m.expansions);
    expect(words("我侄子在网上买了支打鸟的气枪，犯不犯法")).not.toContain("代位继承");
    expect(words("叔叔没有孩子，侄子能继承他的房子吗")).toContain("代位继承");
  });

  it("names keeping what someone left behind as 侵占, but not a debt left unpaid", async () => {
    const words = (q: string) => Lexicon.default().match(q).flatMap((m) => m.expansions);
    expect(words("朋友手机落在我车上，他叫我还我没还，这个算偷吗")).toContain("侵占");
    expect(words("借了朋友两万块一直没还，他讲要告我")).not.toContain("侵占");
  });

  it("names night-time singing in the statute's words (卡拉OK, 音响 → 噪声 干扰他人正常生活)", async () => {
    for (const q of ["邻居天天半夜唱卡拉OK能报警吗", "那几个后生半夜还在开音响唱歌"]) {
      expect(Lexicon.default().match(q).flatMap((m) => m.expansions), q).toContain("干扰他人正常生活");
    }
  });
});

describe("PufaRetriever", () => {
  it("returns LangChain Documents with the passage as metadata", async () => {
    const retriever = new PufaRetriever({ searcher, search: { k: 3 } });
    const docs = await retriever.invoke("飙车追逐竞驶情节恶劣会判什么刑");
    expect(docs.length).toBe(3);
    expect(docs[0].pageContent).toBe(docs[0].metadata.passage.text);
    expect(docs[0].metadata.rank).toBe(1);
    expect(docs[0].metadata.passage.id).toBe(find(laws, "刑法", 133, 1).id);
  });
});

describe("isSuperseded", () => {
  it("flags laws repealed by the Civil Code and their interpretations only", async () => {
    const { isSuperseded } = await import("../../src/retrieval/category-prior.js");
    expect(isSuperseded("合同法")).toBe(true);
    expect(isSuperseded("最高人民法院关于适用《中华人民共和国合同法》若干问题的解释（二）")).toBe(true);
    expect(isSuperseded("劳动合同法")).toBe(false);
    expect(isSuperseded("最高人民法院关于适用《中华人民共和国民法典》合同编通则若干问题的解释")).toBe(false);
  });
});
