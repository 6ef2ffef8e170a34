/**
 * Questions of local-fresh114's and 116's kinds (household papers at the 派出所; gambling in villages).
 * A newer guide titled for its own news that names the older by its title and says it prevails (……中与本通知不一致的，
 * 以本通知为准) supersedes it as a 调整 notice would; a title is matched as the citing text is read (half-width ？);
 * 依家仲系咁耐咩 asks the span heard; a follow-up asking yes or no of a thing of its own (答题仲系送大米咩, 会唔会入屋帮佢办)
 * asks of that thing, not of what the last turn asked; 每月第三个星期四 tells when; 那个庄家犯咩罪 asks the case's
 * charge (因涉嫌开设赌场罪被刑事拘留) and the law; 参赌, 关喺, 写码 are read as the laws and the office write them. The fixture articles are those sets' articles moved to 东港 (other towns,
 * names and numbers).
 */
import { describe, expect, it } from "vitest";
import { applyEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { looksLikeFollowUp } from "../../src/answer/follow-up.js";
import type { LocalDoc } from "../../src/answer/local-articles.js";
import { answersKind, askedFor, asksRule } from "../../src/answer/question-type.js";
import { correctedBy, correctionOf, mentions, prevails, runsOf } from "../../src/answer/time-scope.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { askerOf, fixtureIndex } from "./helpers.js";

/** An office article as the supersession readers see it: its text read normalized (half-width ？ ， ！). */
function doc(docId: string, title: string, date: string, text: string): LocalDoc {
  const haystack = `${title}\n${text}`.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
  return { docId, title, date, region: "东港市", haystack, sentences: [text], chunks: [] } as unknown as LocalDoc;
}

describe("what is asked and what supersedes", () => {
  const guide = doc("guide", "宝宝出生怎么上户口？东港公安户籍窗口办事指南", "2022-04-11", "材料齐全的，派出所在3个工作日内办结。");
  const online = doc(
    "online",
    "上户口不用再排队！东港推行新生儿“出生一件事”联办",
    "2025-08-20",
    "2022年4月发布的《宝宝出生怎么上户口？东港公安户籍窗口办事指南》中与本通知不一致的，以本通知为准。办结时间由3个工作日缩短为1个工作日。",
  );
  const news = doc("news", "东港推行新生儿落户网上办", "2025-09-01", "市民可参考《宝宝出生怎么上户口？东港公安户籍窗口办事指南》了解所需材料。");

  it("a newer article naming the older by its title and saying it prevails corrects it, whatever its own title", () => {
    expect(prevails(online, guide)).toBe(true);
    expect(correctionOf(guide, [guide, online])).toBe(online);
    expect(correctedBy(online, [guide, online])).toBe(guide);
    // Naming it only for reference is no correction.
    expect(prevails(news, guide)).toBe(false);
    expect(correctionOf(guide, [guide, news])).toBeNull();
  });

  it("a title with a full-width ？ is found in the text that cites it", () => {
    expect(mentions(online, guide)).toBe(true);
  });

  it("依家仲系咁耐咩 asks the span heard; 每月第三个星期四 tells when", () => {
    expect(askedFor(readAsked("听讲新生儿落户要等3个工作日 依家仲系咁耐咩"))).toContain("duration");
    expect(askedFor(readAsked("等了这么久还没有消息"))).not.toContain("duration");
    expect(answersKind("下一步，北港派出所将固定在每月第三个星期四安排流动办证车下村服务", ["time"])).toBe(true);
  });

  it("那个庄家犯咩罪 asks that case's charge as well as the law; 卖六合彩犯咩罪 asks the law only", () => {
    const pointed = readAsked("礼纪卖六合彩那个庄家犯咩罪 法律讲开赌场要坐几耐监");
    expect(askedFor(pointed)).toContain("outcome");
    expect(asksRule(pointed)).toBe(true);
    expect(askedFor(readAsked("卖六合彩犯咩罪"))).not.toContain("outcome");
    expect(asksRule(readAsked("卖六合彩犯咩罪"))).toBe(true);
  });

  it("a value heard and asked whether it still holds asks that value's kind; 还咗冇 asks whether money came back", () => {
    expect(askedFor(readAsked("校门口50米唔准停车系唔系仲系咁 听讲改咗"))).toContain("amount");
    expect(askedFor(readAsked("仲系咁咩"))).toEqual([]);
    expect(askedFor(readAsked("啲钱还咗冇"))).toContain("recovered");
    expect(askedFor(readAsked("兴隆嗰3个初中生 派出所咋搞佢哋"))).toContain("outcome");
    // What the police would do is the law's rule, not a case's end.
    expect(askedFor(readAsked("被抓了警察会怎么处理他们"))).not.toContain("outcome");
  });

  it("a time of the day or week asked of nothing named leans on the last turn", () => {
    expect(looksLikeFollowUp("夜晚同礼拜日打有冇人接㗎")).toBe(true);
    expect(looksLikeFollowUp("周末开唔开")).toBe(true);
    expect(looksLikeFollowUp("礼拜六去派出所办身份证开唔开门")).toBe(false);
    expect(looksLikeFollowUp("你今年多大了")).toBe(false);
    expect(looksLikeFollowUp("晚上好")).toBe(false);
  });

  it("two titles sharing one word share one thing, however many pairs of characters it has", () => {
    expect(runsOf(["季学", "学期"], "关于2023年秋季学期在中小学校门口设立护学岗的通告", "法治副校长春季学期送法进校园138场")).toEqual(["季学期"]);
    expect(runsOf(["电动", "动车", "登记"], "电动车登记通告", "电动车集中登记")).toEqual(["电动车", "登记"]);
  });

  it("参赌, 关喺 and 写码 are read as the laws and the office write them", () => {
    const lexicon = Lexicon.default();
    const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);
    expect(expansions("法律讲参赌罚几多")).toContain("赌博");
    expect(expansions("放水佬将欠钱嘅人关喺仓库 法律点讲")).toContain("非法拘禁");
    expect(applyEquivalents("村里写码那伙人")).toContain("买码");
  });
});

describe("over a small office", () => {
  const built = fixtureIndex(["tests/fixtures/answer/papers-and-gambling", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("仲要带结婚证同身份证咩 is answered by the newer guide that prevails, before the old one", async () => {
    const { docs, text } = await ask("生咗BB报户口 仲要带结婚证同身份证原件去派出所咩");
    expect(docs[0]).toBe("f-newborn-online");
    expect(text).toContain("无需再提交纸质材料");
  });

  it("依家仲系咁耐咩 is answered by the newer guide's span", async () => {
    const { docs, text } = await ask("听讲新生儿落户要等3个工作日 依家仲系咁耐咩");
    expect(docs[0]).toBe("f-newborn-online");
    expect(text).toContain("1个工作日");
  });

  it("答题仲系送大米咩 after asking when the talk moved: the prize's change, not the new time", async () => {
    const { docs, text } = await ask("答题仲系送大米咩", "南港禁赌宣讲改咗几时开");
    expect(docs[0]).toBe("f-gambling-talk-postponed");
    expect(text).toContain("花生油一桶");
  });

  it("会唔会入屋帮佢办 after asking when the van comes: the home visits, not the day", async () => {
    const { docs, text } = await ask("我阿公瘫喺床起唔到身 佢哋会唔会入屋帮佢办", "北港派出所嘅办证车几时再嚟我哋村");
    expect(docs[0]).toBe("f-id-van");
    expect(text).toContain("入户服务");
  });

  it("夜晚同礼拜日打有冇人接 after asking the hotline's number: the line's hours", async () => {
    const { docs, text } = await ask("夜晚同礼拜日打有冇人接㗎", "屋企仔喺境外想返来 劝返电话打几多号");
    expect(docs[0]).toBe("f-return-hotline");
    expect(text).toContain("24小时值守");
  });

  it("南港那个庄家犯咩罪 is answered with the charge the report names", async () => {
    const { docs, text } = await ask("南港卖六合彩那个庄家犯咩罪");
    expect(docs[0]).toBe("f-lottery-ring");
    expect(text).toContain("涉嫌开设赌场罪");
  });

  it("办证车几时会再落村 is answered with the monthly day", async () => {
    const { docs, text } = await ask("北港嗰架办证车几时会再落村");
    expect(docs[0]).toBe("f-id-van");
    expect(text).toContain("每月第三个星期四");
  });
});
