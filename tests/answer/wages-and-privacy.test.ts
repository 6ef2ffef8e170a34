/**
 * Questions of local-fresh102's and 104's kinds (hidden cameras and privacy, unpaid wages).
 * A case pointed at (那个欠薪老板, 南港镇房东……, 派出所点处理的) and asked how it went is the report's to
 * answer, not the law's rule; 接到……移送的案件线索 and 接到……报警 are how a case began, not how it ended
 * nor advice; 由最高1000元提高到最高3000元 states a change; 要查看……许可证 names a paper to check;
 * 我应该咋搞 asks what to do; 要唔要负责 asks a liability. A figure raised (提高至) states a change only where the
 * sentence shares a word of the question, or a figure is asked and it is no one tier of a numbered list (a notice's
 * raised tiers answer neither its 领奖期限 nor another tier's reward).
 */
import { describe, expect, it } from "vitest";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { officeAsks } from "../../src/answer/judge.js";
import { answersKind, askedFor, asksRule } from "../../src/answer/question-type.js";
import { applyEquivalents } from "../../src/answer/equivalents.js";
import { CHANGED } from "../../src/answer/time-scope.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("a case pointed at, asked how it went", () => {
  const caseAsked = (q: string) => ({ rule: asksRule(readAsked(q)), outcome: askedFor(readAsked(q)).includes("outcome") });

  it("那个欠薪老板有冇被抓去坐监 asks that case's end; with no case pointed at it asks the law", () => {
    expect(caseAsked("和乐那个欠薪老板有冇被抓去坐监")).toEqual({ rule: false, outcome: true });
    expect(caseAsked("欠薪老板会唔会被抓去坐监").rule).toBe(true);
  });

  it("点处罚的 of a town's case and 派出所点处理的 ask how it was dealt with; 一般怎么处罚的 asks the rule", () => {
    expect(caseAsked("和乐镇房东喺出租屋装摄像头偷拍租客 点处罚的")).toEqual({ rule: false, outcome: true });
    expect(askedFor(readAsked("兴隆民宿员工装针孔偷拍 派出所点处理的 严重啲会唔会坐监"))).toContain("outcome");
    expect(caseAsked("偷拍一般怎么处罚的").rule).toBe(true);
  });

  it("那个包工头抓到冇 点处理: the bare 点处理 is that case's too; 会怎么处理 asks what would be done", () => {
    expect(caseAsked("兴隆那个卷钱跑路的包工头抓到冇 点处理").rule).toBe(false);
    expect(caseAsked("那个人偷东西 会怎么处理").rule).toBe(true);
  });
});

describe("what the office is asked beside the law", () => {
  it("那个包工头……按咩罪抓佢 with 法律讲会判几多年: the report is asked how his case ended", () => {
    expect(officeAsks(readAsked("兴隆那个包工头欠钱跑路 警察按咩罪抓佢 法律讲会判几多年"))).toContain("后来怎么处理的");
    expect(officeAsks(readAsked("那个欠薪老板 法律上会判几年"))).toContain("后来怎么处理的");
    // No case pointed at: the message as it is.
    expect(officeAsks(readAsked("包工头欠钱跑路 法律讲会判几多年"))).not.toContain("后来怎么处理的");
  });
});

describe("what answers it", () => {
  it("移送 ends a case only as the case moved on, not as the lead the police were handed", () => {
    expect(answersKind("东港派出所接到市人社局移送的案件线索", ["outcome"])).toBe(false);
    expect(answersKind("案件已依法移送检察机关审查起诉", ["outcome"])).toBe(true);
  });

  it("报警 advises as told to the reader, not as the call the police took", () => {
    expect(answersKind("东港派出所陆续接到多名求职者报警", ["advice"])).toBe(false);
    expect(answersKind("如已被骗请拨打110报警", ["advice"])).toBe(true);
  });

  it("由最高1000元提高到最高3000元 states the new value, as 延长至 does", () => {
    expect(CHANGED.test("奖励标准由最高1000元提高到最高3000元")).toBe(true);
    expect(CHANGED.test("经查证属实的线索，给予最高1000元奖励")).toBe(false);
  });

  it("a paper to check (要查看其……许可证) answers 要睇咩证", () => {
    expect(askedFor(readAsked("点样分辨中介系唔系正规的 要睇咩证"))).toContain("documents");
    expect(answersKind("找中介要查看其营业执照和人力资源服务许可证", ["documents"])).toBe(true);
  });

  it("咩度 asks where (not 什么度)", () => {
    expect(readAsked("摄像头藏喺咩度")).toContain("哪里");
    expect(askedFor(readAsked("摄像头藏喺咩度"))).toContain("place");
  });

  it("我应该咋搞 asks what to do", () => {
    expect(askedFor(readAsked("微信群有人发偷拍视频俾我 我应该咋搞"))).toContain("advice");
  });

  it("要唔要负责 asks a liability the law sets", () => {
    expect(asksRule(readAsked("上面的总包大老板要唔要负责"))).toBe(true);
    expect(asksRule(readAsked("总包单位在哪里办公"))).toBe(false);
  });
});

describe("the question in the law's words", () => {
  const lexicon = Lexicon.default();
  const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);

  it("包公头 (a typo) is 包工头, and one who ran off is read as evading pay", () => {
    expect(rewriteWords("兴隆那个包公头欠钱跑路").text).toContain("包工头");
    expect(expansions("兴隆那个包公头欠钱跑路")).toContain("逃避支付劳动者的劳动报酬");
  });

  it("堵路 is blocking traffic; a deposit taken to hire is a guarantee the employer may not ask", () => {
    expect(expansions("工友话要去堵路逼老板出钱")).toContain("非法拦截");
    expect(expansions("招工收押金合唔合法")).toContain("提供担保");
  });

  it("a pinhole camera is a 窃照专用器材; one in a guest room is where the rules forbid a camera", () => {
    expect(expansions("民宿员工装针孔偷拍 会唔会坐监")).toContain("窃照专用器材");
    expect(expansions("民宿客房里面准唔准装摄像头")).toContain("客房或者包间内部");
  });
});

describe("over a small office", () => {
  // Beside the office fixture of other matters, so that 东港 and 偷拍 are words of some articles, not of all.
  const built = fixtureIndex(["tests/fixtures/answer/wages-and-privacy", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("那个包工头抓到冇 点处理 is answered with the arrest, not the lead the case began with", async () => {
    const { docs, text } = await ask("东港那个卷钱跑路的包工头抓到冇 点处理");
    expect(docs[0]).toBe("f-wage-case");
    expect(text).toContain("刑事拘留");
    expect(text).not.toContain("案件线索");
  });

  it("那个欠薪老板有冇被抓去坐监 is answered with what was done to him", async () => {
    const { docs, text } = await ask("南港那个欠薪老板有冇被抓去坐监");
    expect(docs[0]).toBe("f-wage-bail");
    expect(text).toContain("取保候审");
  });

  it("点样分辨中介 要睇咩证 is answered with the papers to check, not the calls the police took", async () => {
    const { docs, text } = await ask("东港招工中介点样分辨系唔系正规的 要睇咩证");
    expect(docs[0]).toBe("f-job-agency");
    expect(text).toContain("人力资源服务许可证");
  });

  it("a notice raising every tier's reward answers 领奖期限 with its 延长至, not with its first raised tier", async () => {
    const { docs, text } = await ask("领奖通知收到两个多月了还没去领 现在去还给不给");
    expect(docs[0]).toBe("f-tip-reward-2025");
    expect(text).toContain("90日");
  });

  it("of a notice's numbered tiers, one raised is no answer to another's reward", async () => {
    const { docs, text } = await ask("东港山上有人偷偷种罂粟 举报了给多少钱");
    expect(docs[0]).toBe("f-drug-reward");
    // The tier asked first; the raised one may follow as the article's second figure.
    expect(text.startsWith("二、提供非法种植毒品原植物线索")).toBe(true);
  });

  it("有人发偷拍视频俾我 我应该咋搞 is answered with the office's advice", async () => {
    const { docs, text } = await ask("微信群有人发偷拍视频俾我 我应该咋搞");
    expect(docs[0]).toBe("f-video-spread");
    expect(text).toContain("不要转发");
  });
});
