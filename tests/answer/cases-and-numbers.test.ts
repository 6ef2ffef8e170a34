/**
 * Questions of local-fresh138's to 144's kinds (relics, old people's scooters, farm theft, bottled gas).
 * The office's articles are searched without the law's asks (法律有冇规定可以止付冻结) when another ask is
 * the office's (去年……冻结咗几多钱); 法规讲 asks the law.
 * 警察点处理 and 司机点罚, asked of a case told, ask how it ended (行政拘留7日 answers 关咗几多日, a span
 * of days), and 嗰3个……系咩罪名 its charge; 陈某屋企点解会爆炸 asks the cause (操作不当，导致……); 赚咗几多 is
 * answered by 非法获利. A phone number typed is the old notice's: what holds now is told by the notice
 * naming it, not by a newer notice on a like matter. 系咪最多奖5000蚊咋 asks the office, and
 * 最多仲系2000蚊咩 is answered by a correction's item under a heading that says it changes (四、奖励标准调整。);
 * 几多架代步车 counts vehicles in any vehicle's measure word (1180辆低速车); 过咗期仲得唔得 asks no latest.
 * The fixture articles are original, set in 东港.
 */
import { describe, expect, it } from "vitest";
import { applyEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { answersKind, askedFor, asksCharge, asksRule, officePart } from "../../src/answer/question-type.js";
import { timeScope } from "../../src/answer/time-scope.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("the office's part of a message", () => {
  it("drops the law's ask when another asks the office's figure, and keeps a message of one ask", () => {
    const part = officePart(applyEquivalents("去年公安帮被骗嘅人冻结咗几多钱 法律有冇规定可以止付冻结"));
    expect(part).toContain("冻结了几多钱");
    expect(part).not.toContain("法律");
    const one = applyEquivalents("偷电瓶车法律点罚");
    expect(officePart(one)).toBe(one);
  });

  it("keeps the law's ask when the office's ask leaves its matter to it", () => {
    const q = applyEquivalents("民宿客房里面法律准唔准装摄像头 发现咗而家打咩电话举报");
    expect(officePart(q)).toBe(q);
  });

  it("法规讲 asks the law", () => {
    expect(asksRule(readAsked("法规讲勘查完最多几日要出认定书"))).toBe(true);
  });
});

describe("what is asked of a case told", () => {
  it("警察点处理, 公安点样处理佢 and 司机点罚 ask how it ended; 法律点罚 and 一般点罚 ask the rule", () => {
    expect(askedFor(readAsked("兴隆那个放水佬将欠钱嘅人关喺仓库 警察点处理"))).toContain("outcome");
    expect(askedFor(readAsked("和乐用裸照威胁学生仔要钱嘅符某 公安点样处理佢"))).toContain("outcome");
    expect(askedFor(readAsked("代步车塞咗7个细路仔嗰单 司机点罚"))).toContain("outcome");
    expect(askedFor(readAsked("那个人 法律点罚"))).not.toContain("outcome");
    expect(askedFor(readAsked("和乐那个偷车的 一般点罚"))).not.toContain("outcome");
    expect(askedFor(readAsked("有某个人骗我 警察点处理佢"))).not.toContain("outcome");
  });

  it("嗰3个……系咩罪名 and 那个……定的什么罪 ask a case's charge; 偷嘢系咩罪 asks the law", () => {
    expect(asksCharge(readAsked("兴隆嗰3个剪电缆嘅 系咩罪名"))).toBe(true);
    expect(asksCharge(readAsked("后安那个挖沙老板定的什么罪"))).toBe(true);
    expect(asksCharge(readAsked("偷嘢系咩罪"))).toBe(false);
  });

  it("a detention's days are a span (行政拘留7日的处罚); a date's day is not", () => {
    expect(answersKind("西港派出所对吴某处以行政拘留7日的处罚。", ["duration"])).toBe(true);
    expect(answersKind("7月2日上午，村民到派出所报警。", ["duration"])).toBe(false);
  });

  it("点解会爆炸 of a person a report names asks the cause; of a thing it does not", () => {
    expect(askedFor(readAsked("陈某屋企点解会漏气爆炸"))).toContain("reason");
    expect(askedFor(readAsked("手机点解会爆炸"))).not.toContain("reason");
    expect(answersKind("事发时，陈某倒气操作不当，导致液化气大量泄漏。", ["reason"])).toBe(true);
  });
});

describe("what holds now", () => {
  const today = new Date("2026-12-10T08:00:00+08:00");

  it("过咗期仲得唔得 asks whether a missed deadline still allows it, not what holds now; 仲系2000蚊咩 does", () => {
    expect(timeScope(readAsked("收到通知之后几多日内要去攞奖 过咗期仲得唔得"), today).latest).toBe(false);
    expect(timeScope(readAsked("最多仲系2000蚊咩"), today).latest).toBe(true);
  });
});

describe("over a small office", () => {
  const built = fixtureIndex(["tests/fixtures/answer/cases-and-numbers", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-10");

  it("a phone number typed is answered by the notice that changed it, not by a newer notice on a like matter", async () => {
    const { docs, text } = await ask("代步车登记咨询电话仲系61231999吗 点解打唔通");
    expect(docs[0]).toBe("f-scooter-adjust");
    expect(text).toContain("0898-61236688");
  });

  it("警察点处理 of a case told is answered by its end (涉嫌非法拘禁罪), not by its story", async () => {
    const { docs, text } = await ask("东港那个放数佬将欠钱嘅人关喺仓库 警察点处理");
    expect(docs[0]).toBe("f-debt-lockup");
    expect(text).toContain("非法拘禁罪");
  });

  it("关咗几多日 is answered by the days of detention, not by the report's other figure", async () => {
    const { docs, text } = await ask("西港偷摘椰子嗰个男人 关咗几多日");
    expect(docs[0]).toBe("f-coconut-theft");
    expect(text).toContain("行政拘留7日");
  });

  it("点解会漏气爆炸 is answered by the cause", async () => {
    const { docs, text } = await ask("南港陈某屋企点解会漏气爆炸");
    expect(docs[0]).toBe("f-gas-blast");
    expect(text).toContain("操作不当");
  });

  it("赚咗几多 is answered by 非法获利", async () => {
    const { docs, text } = await ask("北港古玩店老板收出土嘢再卖 赚咗几多 倒卖文物会坐几耐监");
    expect(docs[0]).toBe("f-relic-dealer");
    expect(text).toContain("7.4万元");
  });

  it("最多仲系2000蚊咩 is answered by the item under 四、奖励标准调整, though its sentence says no 调整为", async () => {
    const { docs, text } = await ask("举报人私自充液化气有奖 最多仲系2000蚊咩");
    expect(docs[0]).toBe("f-gas-tip-adjust");
    expect(text).toContain("500元至5000元");
  });

  it("几多架代步车攞去报废 is answered by the vehicles counted in 辆, though the report calls them 低速车", async () => {
    const { docs, text } = await ask("整治期间有几多架代步车攞去报废 补贴发咗几多钱");
    expect(docs[0]).toBe("f-scooter-campaign");
    // Quoted first, before the report's other figures (2860起).
    expect(text.split("。")[0]).toContain("1180辆低速车");
  });

  it("系咪最多奖5000蚊咋 is answered by the raised reward, not refused", async () => {
    const { docs, text } = await ask("举报盗墓 系咪最多奖5000蚊咋");
    expect(docs[0]).toBe("f-relic-adjust");
    expect(text).toContain("1万元");
  });
});
