/**
 * Questions of local-fresh94's and 96's kinds (domestic violence, sand mining). The trade says 沙 where notices
 * write 砂 (拉沙 → 运砂); Cantonese says whose car with a measure word (我架车 → 我的车); which stretch of a river
 * is a place; what a weekday allows, or the hour it was said to close, is a time; what a man hit with, or what
 * the police took from him, is what a case found.
 */
import { describe, expect, it } from "vitest";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { isHeadingLine } from "../../src/answer/headings.js";
import { OfficeHomophones } from "../../src/answer/homophones.js";
import { answersKind, askedFor, tellsHour } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("the question in the material's words", () => {
  it("拉沙, 挖沙 are 运砂, 采砂", () => {
    expect(rewriteWords("拉沙的车几点可以跑").text).toContain("运砂");
    expect(rewriteWords("河里有人挖沙").text).toContain("采砂");
  });

  it("我架车 is 我的车; 我架照 (a licence) and 我部门 are left as typed", () => {
    expect(rewriteWords("我架车被扣咗").text).toContain("我的车");
    expect(readAsked("佢部手机唔见咗")).toContain("佢的手机");
    expect(rewriteWords("我架照俾人扣咗").text).not.toContain("我的");
    expect(rewriteWords("我部门同事").text).toContain("我部门");
  });
});

describe("the office's words, heard", () => {
  const office = new OfficeHomophones(["告诫", "保护"]);
  const unseen = () => false;

  it("a word the segmenter knows but nothing indexed holds (告戒 of 告戒书) is read as the title's word of its sound", () => {
    expect(office.correct("去派处所申请告戒书要带咩材料", unseen)).toContain("告诫书");
  });

  it("not when an indexed text holds it (保户 is a word of the insurance laws)", () => {
    const held = (pair: string) => pair === "保户";
    expect(office.correct("去法院申请保户令", held)).toContain("保户令");
  });
});

describe("what is asked", () => {
  it("哪一段不给挖沙 asks a place; 哪段时间 asks no place", () => {
    expect(askedFor(readAsked("清水河哪一段不给挖沙"))).toContain("place");
    expect(askedFor(readAsked("哪段时间不给挖沙"))).not.toContain("place");
  });

  it("礼拜六可以拉沙咩 and 5点半就收工 ask a time", () => {
    expect(askedFor(readAsked("礼拜六礼拜天可以拉沙咩"))).toContain("time");
    expect(askedFor(readAsked("以前听讲下昼5点半就收工"))).toContain("time");
  });

  it("警察收咗佢咩嘢 asks what the case found; 收了多少钱 does not", () => {
    expect(askedFor(readAsked("警察收咗佢咩嘢"))).toContain("findings");
    expect(askedFor(readAsked("收了多少钱"))).not.toContain("findings");
  });

  it("仲系喺救助站二楼咩 asks a place; 系唔系25号礼拜一搞 a date (not 是不是3号窗口办)", () => {
    expect(askedFor(readAsked("庇护所仲系喺城南路救助站二楼咩"))).toContain("place");
    expect(askedFor(readAsked("宣传活动系唔系25号礼拜一上昼搞"))).toContain("date");
    expect(askedFor(readAsked("是不是3号窗口办"))).not.toContain("date");
  });

  it("系攞咩打嘅 asks what he hit with, not what was found", () => {
    expect(askedFor(readAsked("系攞咩打嘅"))).toEqual(expect.arrayContaining(["weapon"]));
    expect(askedFor(readAsked("系攞咩打嘅"))).not.toContain("findings");
  });
});

describe("what answers it", () => {
  it("a stretch from one point to another tells a place", () => {
    expect(answersKind("清水河自石桥至入海口河段不得采砂", ["place"])).toBe(true);
  });

  it("抄起木棍砸坏 tells what he used; 收缴木棍1根 tells what was taken", () => {
    expect(answersKind("随手抄起木棍砸坏家中电视机", ["weapon"])).toBe(true);
    expect(answersKind("随手抄起木棍砸坏家中电视机", ["findings"])).toBe(false);
    expect(answersKind("并收缴木棍1根", ["findings"])).toBe(true);
  });
});

describe("how an article is read", () => {
  it("a field with its value (活动时间：……) is quoted, no heading; a bare label (活动时间：) still heads", () => {
    expect(isHeadingLine("活动时间：2024年11月29日（星期五）下午3:00")).toBe(false);
    expect(isHeadingLine("二、地点：港口路8号")).toBe(false);
    expect(isHeadingLine("活动时间：")).toBe(true);
    expect(isHeadingLine("二、办理地点")).toBe(true);
  });

  it("open all hours answers the hour, as a clock does", () => {
    expect(tellsHour("新庇护所实行全天24小时接待")).toBe(true);
    expect(tellsHour("接待时间为每天9:00至17:00")).toBe(true);
    expect(tellsHour("自2025年10月1日起迁至海滨大道12号")).toBe(false);
    expect(tellsHour("值班电话0898-62228110（24小时）")).toBe(false);
    expect(tellsHour("发现老人走失，不必等满24小时")).toBe(false);
  });
});

describe("over a small office", () => {
  // Beside the office fixture of other matters, so that 采砂 and 庇护所 are words of some articles, not of all.
  const built = fixtureIndex(["tests/fixtures/answer/sand-and-shelters", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("清水河哪一段不给挖沙 is answered with the banned stretch", async () => {
    const { docs, text } = await ask("清水河哪一段不给挖沙 我屋企喺河边想晓得");
    expect(docs).toContain("f-sand-2021");
    expect(text).toContain("石桥至入海口");
  });

  it("礼拜六礼拜天可以拉沙咩 is answered by the newer notice", async () => {
    const { docs, text } = await ask("礼拜六礼拜天可以拉沙咩 以前放假都照样跑");
    expect(docs[0]).toBe("f-sand-2024");
    expect(text).toContain("全天禁止运砂");
  });

  it("查运沙车要交钱咩 is answered by the sentence saying it is free, although it speaks of fines too", async () => {
    const { text } = await ask("交警查运沙车要交钱咩 听讲要收检查费");
    expect(text).toContain("不收取任何费用");
  });

  it("庇护所夜晚去得唔得 is answered by the newer notice's hours", async () => {
    const { docs, text } = await ask("庇护所夜晚去得唔得 以前听讲下昼5点就收工");
    expect(docs[0]).toBe("f-shelter-2025");
    expect(text).toContain("全天24小时接待");
  });

  it("系攞咩砸电视 and 警察收咗佢咩嘢 quote what he used and what was taken", async () => {
    expect((await ask("东港嗰个饮醉酒嘅男人 系攞咩砸电视嘅")).text).toContain("抄起木棍");
    expect((await ask("东港嗰个男人吓老婆 警察收咗佢咩嘢")).text).toContain("木棍1根");
  });

  it("a postponed event's day is quoted from its field line, not the notice's signing date", async () => {
    const { docs, text } = await ask("东港普法讲座系唔系20号礼拜六上昼搞 我听讲改咗期");
    expect(docs[0]).toBe("f-talk-postponed");
    expect(text).toContain("11月27日");
    expect(text).not.toMatch(/「\s*2025年11月18日\s*」/);
  });

  it("我架车喺东港被扣咗 去边度领 is answered with the station's address", async () => {
    const { docs, text } = await ask("我架车喺东港被扣咗 上咗牌之后去边度领");
    expect(docs[0]).toBe("f-impound");
    expect(text).toContain("港口路8号");
  });
});
