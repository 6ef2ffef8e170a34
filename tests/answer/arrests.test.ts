/**
 * Questions of local-fresh162's to 168's kinds (假募捐, 假药, 偷换收款码, 冒充军人采购).
 * Asked where or when someone was caught (喺边度畀警察捉到, 几时捉到嘅), the sentence of the arrest answers, not the
 * one where the case began. Asked a total (一共抓咗几多人), the report's total, not a part's count told first. Asked
 * a price sold at (一瓶卖人几多蚊), the person it was sold to names no thing measured; a case's sum (总共骗咗几多钱)
 * is told as its 涉案金额. A count of cases (几多单扮兵诈骗) is counted in 起, whatever follows it. Held, done, for a
 * count (被关咗几日) asks what a case came to, not the law; a penalty asked beside an office fact is an ask of its own.
 * 礼拜六去唔去得 asks when. 吊针 is 输液, as reports write it. Asked how many days a case's man was held (关咗几日),
 * the detention's days answer; a sum swiped (刷咗几多) is told as spent (被花掉).
 * The fixture articles are original, set in 东港.
 */
import { describe, expect, it } from "vitest";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { answersKind, askedFor, asks, asksRule, countedThing, measuredThing } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("reading what is asked", () => {
  it("被关咗几日 asks a case's end, not the law's rule", () => {
    const q = readAsked("工友攞付款码截图去买奶茶 被关咗几日");
    expect(asksRule(q)).toBe(false);
    expect(askedFor(q)).toContain("outcome");
    // What the law allows is still the law's (会被关几日).
    expect(asksRule(readAsked("攞人哋付款码截图去买嘢 会被关几日"))).toBe(true);
  });

  it("a penalty asked beside an office fact is an ask of its own", () => {
    const q = readAsked("而家举报冒充机关订餐嘅骗子奖几多 冒充国家机关工作人员骗人要坐几年监");
    expect(asks(q)).toHaveLength(2);
    // One ask alone is still the message.
    expect(asks(readAsked("冒充国家机关工作人员骗人要坐几年监"))).toHaveLength(1);
  });

  it("礼拜六去唔去得 asks when", () => {
    expect(askedFor(readAsked("交线索只系礼拜一到礼拜五 礼拜六去唔去得"))).toContain("time");
  });

  it("几多单扮兵诈骗 counts cases in 起; 一瓶卖人几多蚊 measures the selling, not the person", () => {
    expect(countedThing(readAsked("全市今年破咗几多单扮兵采购诈骗"))).toBe("起");
    expect(measuredThing(readAsked("一瓶卖人几多蚊"))).toBe("卖");
  });

  it("a homestay or a landmark's surroundings name a place", () => {
    expect(answersKind("6月9日晚，民警在南湾镇灯塔岭附近一家民宿内将犯罪嫌疑人周某抓获。", ["place"])).toBe(true);
  });

  it("吊针 is 输液", () => {
    expect(rewriteWords("冇证喺屋企帮人吊针").text).toContain("输液");
  });
});

describe("case reports and a report of totals", () => {
  const built = fixtureIndex(["tests/fixtures/answer/arrests", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-06-01");

  it("where he was caught: the arrest's sentence, not the shop that reported it", async () => {
    const { docs, text } = await ask("南湾换人哋收款码嗰个后生仔喺边度畀警察捉到");
    expect(docs[0]).toBe("f-qr-swap");
    expect(text).toContain("灯塔岭附近");
  });

  it("when he was caught: the arrest's day, not the report's", async () => {
    const { docs, text } = await ask("南湾偷换收款码嗰个 几时捉到嘅");
    expect(docs[0]).toBe("f-qr-swap");
    expect(text).toContain("6月9日");
    expect(text).not.toContain("6月3日");
  });

  it("a total: the year's 47名, not the online part's 12名", async () => {
    const { docs, text } = await ask("2025年东港打假药护药行动 一共抓咗几多人");
    expect(docs[0]).toBe("f-medicine-results");
    expect(text).toContain("47名");
    // The total first: the part's count, if quoted at all, after it.
    const part = text.indexOf("12名");
    expect(part === -1 || text.indexOf("47名") < part).toBe(true);
  });

  it("a price per bottle sold", async () => {
    const { docs, text } = await ask("北岭嗰个卖减肥胶囊嘅 一瓶卖人几多蚊");
    expect(docs[0]).toBe("f-diet-pills");
    expect(text).toContain("168元");
  });

  it("a case's sum, told as its 涉案金额", async () => {
    const { docs, text } = await ask("西坡养生课堂骗老人 总共骗咗几多钱");
    expect(docs[0]).toBe("f-health-class");
    expect(text).toContain("3.8万元");
  });

  it("a sum spent by swiping, as the report words it (被花掉640元)", async () => {
    const { docs, text } = await ask("我个付款码截图畀人刷咗 嗰单一共刷咗几多蚊");
    expect(docs[0]).toBe("f-screenshot");
    expect(text).toContain("640元");
    // The sum first: the sentence of the swiping itself (先后4次……扫码消费), if quoted at all, after it.
    const swiping = text.indexOf("先后4次");
    expect(swiping === -1 || text.indexOf("640元") < swiping).toBe(true);
  });

  it("how many days he was held: the detention's days, not a day of the story", async () => {
    const { docs, text } = await ask("西坡用截图刷同事钱嗰个关咗几日");
    expect(docs[0]).toBe("f-screenshot");
    expect(text).toContain("行政拘留7日");
  });
});
