/**
 * Questions of local-fresh98's and 100's kinds (minors in entertainment places, life in residential compounds).
 * A notice of several numbered changes answers a question on one of them with that one's sentence; a
 * figure the question names (以前讲9点) is no match for digits inside a phone number; 可唔可以锁佢车轮 is
 * answered where the notice rules that act; 点样防 by the office's advice, not by what the police did
 * 立即; 系咪罚下钱就算 by how the case ended; 边个来讲课 by who speaks; 有冇得网上睇 by the live stream;
 * and a law fining 单位 and 个人 in turn is quoted on the party asked.
 */
import { describe, expect, it } from "vitest";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { bestWindow } from "../../src/answer/excerpts.js";
import { lawBonus, officeAsks } from "../../src/answer/judge.js";
import { answersKind, askedFor, ruledAct } from "../../src/answer/question-type.js";
import type { Passage } from "../../src/types.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("the question in the material's words", () => {
  it("电平 (a typo) is 电瓶", () => {
    expect(rewriteWords("小区电驴成日俾人偷电平").text).toContain("电瓶");
  });
});

describe("what is asked", () => {
  it("系咪罚下钱就算 asks how the case ended", () => {
    expect(askedFor(readAsked("扔花盆嗰个男人系咪罚下钱就算"))).toContain("outcome");
    expect(askedFor(readAsked("扔花盆会罚几多钱"))).not.toContain("outcome");
  });

  it("系边个来讲课 asks who; 有冇得网上睇 asks the channel", () => {
    expect(askedFor(readAsked("家长讲座系边个来讲课嘅"))).toContain("person");
    expect(askedFor(readAsked("家长讲座有冇得网上睇"))).toContain("app");
  });

  it("the act a yes/no question asks leave for: 锁 of 可唔可以锁佢车轮; none after a function word", () => {
    expect(ruledAct(readAsked("我哋可唔可以锁佢车轮"))).toBe("锁");
    expect(ruledAct(readAsked("能不能私自扣车"))).toBe("扣");
    expect(ruledAct(readAsked("可不可以在门口停车"))).toBeNull();
    expect(ruledAct(readAsked("讲座几点开始"))).toBeNull();
  });
});

describe("what the office is asked beside the law", () => {
  it("那个扔菜刀的男人会唔会坐监, 法律上最多判几耐: the report is asked how his case ended, not for the law's term", () => {
    const asks = officeAsks(readAsked("兴隆那个扔菜刀的男人会唔会坐监 法律上高空抛物最多判几耐"));
    expect(asks).toContain("后来怎么处理的");
    expect(asks).not.toContain("判多久");
    expect(officeAsks(readAsked("夜市抓的那些扒手会坐牢不 扒窃法律上判多少"))).toContain("后来怎么处理的");
  });

  it("a fact asked of the office keeps its own ask (几点开始 is not how a case ended)", () => {
    expect(officeAsks(readAsked("那些扒手一般几点开始偷 抓到了法律上判几年"))).not.toContain("后来怎么处理的");
  });
});

describe("what answers it", () => {
  it("立即 advises only as told to the reader (请立即报警), not as what the police did", () => {
    expect(answersKind("发现电瓶被盗要保护好现场，立即报警", ["advice"])).toBe(true);
    expect(answersKind("东港派出所立即组织警力查看监控", ["advice"])).toBe(false);
  });

  it("a minor's case ends in 专门矫治教育 or 不予刑事处罚", () => {
    expect(answersKind("二人被送入专门学校接受专门矫治教育", ["outcome"])).toBe(true);
    expect(answersKind("因二人未满14周岁，依法不予刑事处罚", ["outcome"])).toBe(true);
  });

  it("主讲人 names who speaks; 视频号同步直播 the channel", () => {
    expect(answersKind("三、主讲人：市公安局治安大队民警和东港中学心理老师", ["person"])).toBe(true);
    expect(answersKind("讲座当天将在微信视频号同步直播", ["app"])).toBe(true);
  });
});

describe("the law's part", () => {
  // A fire-safety article as the library writes it: the unit's fine with its items, then the individual's.
  const text = [
    "第六十条 单位违反本法规定，有下列行为之一的，责令改正，处五千元以上五万元以下罚款：",
    "（一）损坏、挪用或者擅自拆除、停用消防设施、器材的；",
    "（二）占用、堵塞、封闭疏散通道、安全出口的；",
    "（三）占用、堵塞、封闭消防车通道，妨碍消防车通行的。",
    "个人有前款第二项、第三项行为之一的，处警告或者五百元以下罚款。",
  ].join("\n\n");
  const law = { kind: "law", id: "law:消防法#60", text, lawTitle: "中华人民共和国消防法", lawShort: "消防法", article: "第六十条", headings: [] } as unknown as Passage;
  const terms = { weights: new Map([["消防车通道", { weight: 6, expansion: false }], ["个人", { weight: 2, expansion: false }], ["罚", { weight: 1, expansion: false }]]) };
  const quoted = (question: string) => {
    const w = bestWindow(law, terms, 70, { sentenceBonus: lawBonus(terms, question) });
    return w ? text.slice(w.start, w.end) : "";
  };

  it("个人罚几多 is quoted with the sentence fining 个人; 单位罚几多 with the unit's", () => {
    expect(quoted("车停喺消防车通道 个人罚几多")).toContain("五百元以下罚款");
    expect(quoted("车停喺消防车通道 单位罚几多")).toContain("五千元以上五万元以下罚款");
  });
});

describe("over a small office", () => {
  // Beside the office fixture of other matters, so that 小区 and 讲座 are words of some articles, not of all.
  const built = fixtureIndex(["tests/fixtures/answer/compounds-and-minors", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("台球室几点之前要走 is answered by the numbered change on 台球室, not by the checks' new hours under theirs", async () => {
    const { docs, text } = await ask("我细佬去东港打台球 晚上最迟几点之前要走 以前讲9点而家仲系咩");
    expect(docs[0]).toBe("f-checks-2025");
    expect(text).toContain("晚上8点以后");
  });

  it("可唔可以锁佢车轮 is answered by the rule on that act, not by the report that it was done", async () => {
    const { docs, text } = await ask("我系东港小区物业保安 业主成日乱停车 我哋可唔可以锁佢车轮");
    expect(docs[0]).toBe("f-parking-fight");
    expect(text).toContain("不能私自锁车");
  });

  it("电瓶点样防 is answered with the office's advice, not with the police acting 立即", async () => {
    const { docs, text } = await ask("东港小区电驴成日俾人偷电平 派处所话点样防好");
    expect(docs[0]).toBe("f-battery-theft");
    expect(text).toContain("电瓶防盗锁");
  });

  it("系咪罚下钱就算 is answered with the detention", async () => {
    const { docs, text } = await ask("东港9楼扔花盆嗰个男人 系咪罚下钱就算");
    expect(docs[0]).toBe("f-throw-case");
    expect(text).toContain("刑事拘留");
  });

  it("边个来讲课 and 有冇得网上睇 are answered with the speaker and the live stream", async () => {
    expect((await ask("东港家长法治讲座系边个来讲课嘅")).text).toContain("治安大队");
    expect((await ask("我喺外面打工 东港家长讲座有冇得网上睇")).text).toContain("直播");
  });

  it("偷电驴嗰两个细路后来咋搞 is answered with what became of them", async () => {
    const { docs, text } = await ask("东港暑假夜巡碰到偷电驴嗰两个细路 后来咋搞");
    expect(docs[0]).toBe("f-night-patrol");
    expect(text).toContain("专门矫治教育");
  });
});
