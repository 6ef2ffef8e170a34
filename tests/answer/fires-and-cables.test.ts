/**
 * Questions of local-fresh122's to 128's kinds (summer drowning, AI face-swap scams, cable theft, 清明 tomb-sweeping).
 * A two-character word the segmenter cut across the article's word (山火烧咗 → 山/火烧; the report writes 山火) still
 * names the topic; 拜山, 劝走 and 朝早 are read as the office writes them, 人脸, 换脸 and 废品站 as the laws do; 边个赔
 * asks who is liable; a value heard and asked whether it holds (系咪12月12号上昼9点, 仲系朝早7点先封) is answered by a
 * correction's change of that value; an amount typed as the old one (系咪仲系奖300蚊) that a notice changes names that
 * notice; a follow-up with no topic of its own (罚咗几多) asks of the article the last turn was about. The fixture
 * articles are original, set in 东港.
 */
import { describe, expect, it } from "vitest";
import { applyEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { asksRule } from "../../src/answer/question-type.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("words as the office writes them", () => {
  it("拜山, 劝走 and 朝早 are read as 祭扫, 劝离 and 上午", () => {
    expect(applyEquivalents("去大园拜山 车停边度")).toContain("祭扫");
    expect(applyEquivalents("公安劝走咗几多个野泳嘅人")).toContain("劝离");
    expect(applyEquivalents("系咪仲系朝早7点先封")).toContain("上午");
  });

  it("边个赔 asks who is liable, as 谁赔 does", () => {
    expect(asksRule(readAsked("救人嗰阵自己受伤边个赔"))).toBe(true);
    expect(asksRule(readAsked("边个来讲课"))).toBe(false);
  });

  it("人脸, 换脸 and 废品站 are read in the laws' words", () => {
    const lexicon = Lexicon.default();
    const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);
    expect(expansions("人脸喺法律上算咩信息")).toContain("生物识别");
    expect(expansions("用AI换脸整视频犯唔犯法")).toContain("肖像");
    expect(expansions("开废品站要去公安备案咩")).toContain("废旧金属");
    expect(expansions("废品站哪些东西不能收")).not.toContain("废旧金属");
  });

});

describe("over a small office", () => {
  const built = fixtureIndex(["tests/fixtures/answer/fires-and-cables", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("系咪12月12号上昼9点 of a talk put off is answered by its new day, not by the recital of the old one", async () => {
    const { docs, text } = await ask("北港嗰个防诈骗讲座系咪12月12号礼拜六上昼9点");
    expect(docs[0]).toBe("f-fraud-talk-postponed");
    expect(text).toContain("延期至2026年12月19日");
  });

  it("仲系朝早7点先封咩 is answered by the change of the hours, not by the notice's preamble or its other changes", async () => {
    const { docs, text } = await ask("今年清明青松公墓嗰段路系咪仲系朝早7点先封");
    expect(docs[0]).toBe("f-tomb-adjust");
    expect(text).toContain("每日上午6:00至下午18:00");
  });

  it("南港嗰场山火烧咗几多亩 finds the report that writes 山火, though the segmenter cut 山/火烧", async () => {
    const { docs, text } = await ask("南港嗰场山火烧咗几多亩啊");
    expect(docs[0]).toBe("f-hill-fire");
    expect(text).toContain("23亩");
  });


  it("系咪仲系奖300蚊 is answered by the notice that raised the 300元", async () => {
    const { docs, text } = await ask("举报人偷电缆 最多系咪奖300蚊");
    expect(docs[0]).toBe("f-scrap-adjust");
    expect(text).toContain("最高1500元");
  });

  it("罚咗几多 after asking of the 护线 campaign: the campaign's fines, not the case report titled 被罚", async () => {
    const { docs, text } = await ask("罚咗几多", "护线行动查咗几多间废品站");
    expect(docs[0]).toBe("f-cable-campaign");
    expect(text).toContain("2.6万元");
  });
});
