/**
 * Questions of local-fresh130's to 136's kinds (e-bike theft, exam season, fake-boss scams, student loans).
 * 坐几耐监 and 有冇权 ask the law, and a clause asking 多久 is an ask of its own; 系咪都畀刑拘咗 and
 * 佢畀人点处理咗 ask how a case ended; 点解推迟咗 asks why (受……影响), which a correction's preamble tells;
 * 5月16号 is a date. A value heard and asked whether it still holds (仲系限60个人吗, 系咪仲系12号上昼) is
 * answered by the change of that value, not by the sentence calling the old plan off, and names the
 * notice that changes a value of its kind (仲系奖500蚊咩 → 奖励标准提高为……1000元) though it recites no 500.
 * 追返几多钱 is answered by 挽回经济损失; 点样畀人捉到 by how the case was found out. The fixture articles
 * are original, set in 东港.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { lawJoins, type Judgement } from "../../src/answer/judge.js";
import { answersKind, askedFor, asks, asksRule } from "../../src/answer/question-type.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { REPO_ROOT } from "../engine/helpers.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("what a message asks", () => {
  it("坐几耐监 asks the law, and its clause is an ask of its own beside a figure asked", () => {
    const parts = asks(readAsked("护车行动捉咗几多个人 偷电瓶车数额大嘅要坐几耐监"));
    expect(parts).toHaveLength(2);
    expect(asksRule(parts[1])).toBe(true);
    expect(asksRule(parts[0])).toBe(false);
  });

  it("有冇权 asks what an office may do", () => {
    expect(asksRule(readAsked("交警有冇权封路"))).toBe(true);
    expect(asksRule(readAsked("封咗几多条路"))).toBe(false);
  });

  it("点解推迟咗 asks a reason; 为什么要罚我 does not ask a notice's cause", () => {
    expect(askedFor(readAsked("装芯片嗰个活动点解推迟咗"))).toContain("reason");
    expect(askedFor(readAsked("讲座点解要延期 咩原因"))).toContain("reason");
    expect(askedFor(readAsked("为什么要罚我"))).not.toContain("reason");
  });

  it("系咪都畀刑拘咗 and 佢畀人点处理咗 ask how a case ended", () => {
    expect(askedFor(readAsked("系咪都畀刑拘咗"))).toContain("outcome");
    expect(askedFor(readAsked("佢畀人点处理咗"))).toContain("outcome");
    expect(askedFor(readAsked("偷电瓶车会唔会畀人拘留"))).not.toContain("outcome");
  });

  it("行路唔方便 and 屋企 are read as 行动不便 and 家", () => {
    expect(applyEquivalents("我阿妈行路唔方便 点去")).toContain("行动不便");
    expect(applyEquivalents("屋企离考场几远")).toContain("家");
  });

  it("举报 with 奖励 is read in the laws' words (国家鼓励……举报……给予表彰和奖励); 举报 alone is not", () => {
    const lexicon = Lexicon.default();
    const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);
    expect(expansions("举报卖毒品的真系有奖励吗 法律有冇讲")).toContain("表彰");
    expect(expansions("举报电话打几多号")).not.toContain("表彰");
  });

  it("5月16号 is a date; a window's 1号 is not", () => {
    expect(answersKind("系咪仲系5月16号上昼", ["date"])).toBe(true);
    expect(answersKind("去1号窗口办", ["date"])).toBe(false);
  });
});

describe("whether the law joins the office's answer", () => {
  // A sure law verdict that labelled questions vote for: it joins whatever the office answers, but for a value heard.
  const law: Judgement = { ok: true, grounded: true, voted: true, probability: 0.95, features: [], hits: [], docs: [], notes: [] };
  const joins = (q: string, localAnswers = true) => lawJoins(law, localAnswers, readAsked(q), readAsked(q));

  it("a value heard and asked whether it still holds is the office's to answer", () => {
    expect(joins("中考集中办身份证 仲系限60个人吗")).toBe(false);
    expect(joins("中考仔集中半身份证嗰个 系咪仲系5月16号上昼")).toBe(false);
  });

  it("but a fine heard is the law's too, and without the office's answer the law still answers", () => {
    expect(joins("冇戴头盔仲系罚50蚊咩")).toBe(true);
    expect(joins("中考集中办身份证 仲系限60个人吗", false)).toBe(true);
    // 还是说 is no "still", and 110 is no value heard.
    expect(joins("老公一喝醉就动手 打110警察会来管吗 还是说家务事不管")).toBe(true);
  });
});

describe("over a small office", () => {
  const built = fixtureIndex(["tests/fixtures/answer/heard-and-reasons", "tests/fixtures/answer/local"], { laws: path.join(REPO_ROOT, "tests/fixtures/laws") });
  const ask = askerOf(built, "2026-12-10");

  it("仲系限60个人吗 of a day put off is answered by the raised quota", async () => {
    const { docs, text } = await ask("西港装芯片嗰个活动 仲系限60个人吗");
    expect(docs[0]).toBe("f-chip-day-postponed");
    expect(text).toContain("增加至100名");
  });

  it("系咪仲系12月12号上昼 is answered by the new day, not by the sentence calling the old one off", async () => {
    const { docs, text } = await ask("西港装防盗芯片嗰个 系咪仲系12月12号上昼");
    expect(docs[0]).toBe("f-chip-day-postponed");
    expect(text).toContain("改为2026年12月19日");
    expect(text).not.toContain("原定于2026年12月12日");
  });

  it("仲系罚200蚊咩 is answered by the fine now, not by the reward raised from the same 200元", async () => {
    const { docs, text } = await ask("改装排气管畀交警查到仲系罚200蚊咩");
    expect(docs[0]).toBe("f-exhaust-adjust");
    expect(text).toContain("处500元罚款");
    expect(text).not.toContain("奖励由200元提高至500元");
  });

  it("点解推迟咗 is answered by the preamble's cause", async () => {
    const { docs, text } = await ask("南港防熟人诈骗讲座点解推迟咗");
    expect(docs[0]).toBe("f-talk-postponed");
    expect(text).toContain("受强降雨天气影响");
  });

  it("仲系奖500蚊咩 names the notice that raised the reward, though it recites no 500", async () => {
    const { docs, text } = await ask("举报冒充客服骗钱嘅线索 仲系奖500蚊咩");
    expect(docs[0]).toBe("f-tip-adjust");
    expect(text).toContain("1000元");
  });

  it("追返几多钱 is answered by what was recovered (挽回经济损失), not by another figure of the report", async () => {
    const { docs, text } = await ask("高考护考嗰次 帮大家追返几多钱");
    expect(docs[0]).toBe("f-exam-campaign");
    expect(text).toContain("4.6万元");
  });

  it("系点样畀人捉到嘅 is answered by how it was found out", async () => {
    const { docs, text } = await ask("南港替人考成人高考嗰个 系点样畀人捉到嘅");
    expect(docs[0]).toBe("f-exam-substitute");
    expect(text).toContain("人脸识别");
  });

  it("北港那辆面包车……司机罚了多少: the fine of the case told, not the campaign's figures or its tariff", async () => {
    const { docs, text } = await ask("北港那辆7座面包车塞了十几个人 司机罚了多少");
    expect(docs[0]).toBe("f-van-campaign");
    expect(text).toContain("罚款1000元");
  });

  it("骗了五十多万: the sentence stating the sum told roughly", async () => {
    const { docs, text } = await ask("南港那个杀猪盘阿姐畀人呃咗五十几万 后来点样");
    expect(docs[0]).toBe("f-romance-scam");
    expect(text).toContain("53.2万元");
  });

  it("搜出啲咩 is answered by what was seized (假警官证1本, 手铐1副)", async () => {
    const { docs, text } = await ask("西港捉到嗰个假警察 身上搜出啲咩");
    expect(docs[0]).toBe("f-fake-officer");
    expect(text).toContain("假警官证1本");
  });

  it("一份收几多钱 呢种骗人要坐几耐监: the case's figure and the law on fraud", async () => {
    const { docs, text } = await ask("北港卖假高考答案嗰个 一份收几多钱 呢种骗人要坐几耐监");
    expect(docs).toContain("f-answer-scam");
    expect(text).toContain("580元");
    expect(text).toContain("第二百六十六条");
  });
});
