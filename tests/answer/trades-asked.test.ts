/**
 * Questions of local-fresh80 and 82's kind (guns and crossbows handed in, locksmiths, pawnshops, scrap):
 * a thing typed in another tone (雷官 for 雷管) after a count (几条), 最后点罚 with no 的 as a case's end,
 * 搜到啲咩 as what was found, 验我哪些证件 as papers checked, the people's words for the trades (当铺, 收废铁, 带弩); a phone number the notice prints as its topic (举报电话仲系…咩 打极都唔通), and 偷走咗啲咩 told by 盗走.
 */
import { describe, expect, it } from "vitest";
import { OfficeHomophones } from "../../src/answer/homophones.js";
import { askedFor } from "../../src/answer/question-type.js";
import { rewriteWords } from "../../src/answer/equivalents.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

describe("a thing typed in another tone", () => {
  const office = new OfficeHomophones([], [], [], ["雷管"]);
  const unknown = () => false;
  it("雷官 is read as 雷管 (lei2 guan1 for lei2 guan3), after a count's measure word too", () => {
    expect(office.correct("杂物房翻出几条雷官", unknown)).toBe("杂物房翻出几条雷管");
    expect(office.correct("屋企有雷官点算", unknown)).toBe("屋企有雷管点算");
  });
  it("not when an indexed text holds the pair, nor beside a bare 几 that asks", () => {
    expect(office.correct("屋企有雷官点算", unknown, unknown, () => false)).toBe("屋企有雷官点算");
    expect(office.correct("雷官几", unknown)).toBe("雷官几");
  });
});

describe("what is asked", () => {
  it("最后点罚 asks how a case ended, 的 or not; what becomes of a thing left unclaimed stays a rule", () => {
    expect(askedFor("和乐嗰个收贼机嘅老板娘最后点罚")).toContain("outcome");
    expect(askedFor("那个司机最后怎么判")).toContain("outcome");
    expect(askedFor("到期冇人领最后怎么处理")).not.toContain("outcome");
  });
  it("验我哪些证件 asks the papers someone checks, beside another thing asked too", () => {
    expect(askedFor("开锁师傅几点能到 要验我哪些证件先肯开")).toEqual(expect.arrayContaining(["documents", "time"]));
  });
  it("搜到啲咩 asks what was found", () => {
    expect(askedFor("和乐墟嗰单 警察几耐先到 搜到啲咩")).toContain("findings");
  });
});

describe("the people's words for the trades", () => {
  it("当铺 is a 典当行 and 收废铁 is 收购废旧金属", () => {
    expect(rewriteWords("拎架车去当铺当咗佢").text).toContain("典当行");
    expect(rewriteWords("想开个收废铁嘅档口").text).toContain("收购废旧金属");
  });
  it("a crossbow carried or bought is a 管制器具", () => {
    const keys = (q: string) => Lexicon.default().match(q).map((m) => m.key);
    expect(keys("法律上带弩最多罚几多")).toContain("带弩");
    expect(keys("网上买把弩得唔得")).toContain("买弩");
    expect(keys("弩算唔算管制")).toContain("弩+管制");
  });
});

describe("over a small office", () => {
  const built = fixtureIndex(["tests/fixtures/answer/trades-asked"]);
  async function ask(question: string) {
    const reply = await engineAt(built(), "2026-06-01").ask({ question });
    return { docs: citedDocs(reply), text: reply.text };
  }
  it("a number the notice prints is its topic, whatever else the message says: 举报电话仲系…咩 打极都唔通", async () => {
    const { docs, text } = await ask("举报电话仲系62230990咩 打极都唔通");
    expect(docs[0]).toBe("t-reward-notice");
    expect(text).toContain("62230001");
  });
  it("偷走咗啲咩 is told by the sentence of what was taken (盗走……2条)", async () => {
    const { docs, text } = await ask("山根个开锁佬帮贼开门嗰单 贼偷走咗啲咩");
    expect(docs[0]).toBe("t-locksmith-notice");
    expect(text).toContain("金项链2条");
  });
});
