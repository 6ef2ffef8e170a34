/**
 * Questions of local-fresh110's and 112's kinds (smuggling on the coast; neighbours' noise and mediation).
 * A notice's own term asked what it means (三无船系咩意思) is answered by the sentence defining it; 系 is the
 * people's 是, no half of a typo; 举报电话有冇人接 asks the line's hours; a 延期 notice that gives the thing asked
 * a new figure (手册 前120名) is asked of, whatever its title names; 调解咋讲的 asks what the mediation settled;
 * 法律上咋罚 quotes the sentence with the fine. The fixture articles are those sets' articles moved to 东港
 * (other towns, names and numbers).
 */
import { describe, expect, it } from "vitest";
import { asksDefinition, definesNamed } from "../../src/answer/definitions.js";
import { readAsked } from "../../src/answer/equivalents.js";
import type { LocalDoc } from "../../src/answer/local-articles.js";
import { asksOfItsCase } from "../../src/answer/office-citations.js";
import { answersKind, askedFor } from "../../src/answer/question-type.js";
import path from "node:path";
import { REPO_ROOT } from "../engine/helpers.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("what is asked", () => {
  it("系咩意思 asks what a term means; a notice's term is named by its head (三无船 for 三无船舶)", () => {
    expect(asksDefinition(readAsked("三无船系咩意思啊"))).toBe(true);
    expect(definesNamed(readAsked("三无船系咩意思啊"), "本通告所称“三无船舶”,是指无船名船号、无船舶证书、无船籍港的船舶")).toBe(true);
    expect(definesNamed(readAsked("三无船系咩意思啊"), "一、严禁“三无船舶”出海")).toBe(false);
  });

  it("举报电话有冇人接 asks the line's hours, not its number", () => {
    expect(askedFor(readAsked("举报电话有冇人接"))).toContain("time");
    expect(askedFor(readAsked("举报电话有冇人接"))).not.toContain("phone");
    expect(askedFor(readAsked("举报电话几多"))).toContain("phone");
  });

  it("调解咋讲的 asks what the mediation settled", () => {
    expect(askedFor(readAsked("那他家两只狗呢 调解咋讲的"))).toContain("outcome");
    expect(answersKind("随后，在社区人民调解委员会调解下，双方达成协议：赔偿医药费1800元", ["outcome"])).toBe(true);
  });
});

describe("over a small office", () => {
  // Beside the office fixture of other matters, so that 东港 and 举报 are words of some articles, not of all.
  const built = fixtureIndex(["tests/fixtures/answer/coast-and-neighbours", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("三无船系咩意思 is answered with the notice's definition", async () => {
    const { docs, text } = await ask("三无船系咩意思啊 我阿爸条船冇写名算唔算");
    expect(docs).toContain("f-boat-notice");
    expect(text).toContain("无船名船号");
  });

  it("举报电话有冇人接 at night is answered with the line's new hours", async () => {
    const { docs, text } = await ask("半夜3点见到有船靠岸落货 举报电话有冇人接 之前话夜晚10点就冇人听");
    expect(docs[0]).toBe("f-boat-notice-change");
    expect(text).toContain("调整为24小时受理");
  });

  it("那本手册送几多人 after asking of the postponement: the 延期 notice's new count", async () => {
    const { docs, text } = await ask("那本手册送几多人 我怕去迟了冇份", "北港那个法律咨询日改到几时了");
    expect(docs[0]).toBe("f-consult-day-postponed");
    expect(text).toContain("前120名");
  });

  it("那他家两只狗呢 调解咋讲的 after the fight's detention: what the mediation settled", async () => {
    const { docs, text } = await ask("那他家两只狗呢 调解咋讲的", "南港那个装修打架的事 先动手那个拘了几天");
    expect(docs[0]).toBe("f-dog-fight");
    expect(text).toContain("关在室内");
  });
});

describe("the law's part beside the office's", () => {
  // 噪声污染防治法's articles on public places' noise and its fines (tests/fixtures/answer/noise-laws), beside the office's noise notice.
  const built = fixtureIndex(["tests/fixtures/answer/coast-and-neighbours", "tests/fixtures/answer/local"], { laws: path.join(REPO_ROOT, "tests/fixtures/answer/noise-laws") });
  const ask = askerOf(built, "2026-12-01");

  it("法律上咋罚 quotes the article's sentence with the fine, not only the act's item", async () => {
    const { docs, text } = await ask("我们小区广场舞现在规定几点前要停 音响开太大法律上咋罚的");
    expect(docs).toContain("f-noise-notice");
    expect(text).toContain("21时15分前");
    expect(text).toContain("二百元以上一千元以下");
  });
});

describe("the law the office's report cites", () => {
  // A few of 刑法's smuggling articles (tests/fixtures/answer/smuggling-laws), beside the office's report citing 第一百五十六条.
  const built = fixtureIndex(["tests/fixtures/answer/coast-and-neighbours", "tests/fixtures/answer/local"], { laws: path.join(REPO_ROOT, "tests/fixtures/answer/smuggling-laws") });
  const ask = askerOf(built, "2026-12-01");

  it("背烟……法律上算唔算走私 leads the law's part with the article the report cites", async () => {
    const { docs, text } = await ask("西港那啲后生仔帮人背烟一晚几多钱 法律上算唔算走私 定系只系帮手搬嘢");
    expect(docs[0]).toMatch(/刑法\.md#156/);
    expect(text).toContain("以走私罪的共犯论处");
    expect(docs).toContain("f-carrying-case");
    expect(text).toContain("450元");
  });

  it("only a question about the report's own case (its town named, or pointed at) is answered by what it cites", () => {
    const report = { region: "西港镇" } as LocalDoc;
    expect(asksOfItsCase("西港那啲后生仔帮人背烟 法律上算唔算走私", report)).toBe(true);
    expect(asksOfItsCase("嗰啲背烟嘅后生仔 法律上算唔算走私", report)).toBe(true);
    expect(asksOfItsCase("路上出了车祸第一步该干嘛，要不要报警", report)).toBe(false);
  });

  it("asked no law, the report answers alone", async () => {
    const { docs } = await ask("西港那啲后生仔帮人背烟一晚几多钱");
    expect(docs[0]).toBe("f-carrying-case");
    expect(docs.some((d) => d.includes("刑法"))).toBe(false);
  });
});
