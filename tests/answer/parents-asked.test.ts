/**
 * What parents ask of the office's reports and notices, heard closely: 抓了几个 is told in 名 (2名犯罪嫌疑人),
 * and beside 在哪里抓到的 by the sentence telling both; 最后咋罚的 and 后来怎么处理 (at a message's end) are
 * told by the fine, the points or the closure a case got; 钱追得回来不 asks whether the money came back;
 * 哪个位置 asks where; 加钱 asks a price; 有几间学校 a count; 那天去不了咋办 what to do instead. The sentence
 * that tells it brings the next of its paragraph.
 */
import { describe, expect, it } from "vitest";
import { answersKind, askedFor } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/parents"]);
const ask = askerOf(built);

describe("what is asked", () => {
  it("钱追得回来不 asks whether the money came back; 未能拦截 tells it did not", () => {
    expect(askedFor("孩子被骗了 钱追得回来不")).toEqual(["recovered"]);
    expect(answersKind("钱款已被分散转走，未能拦截。", ["recovered"])).toBe(true);
  });

  it("哪个位置 asks where; 加钱 asks a price; 有几间学校 a count", () => {
    expect(askedFor("那天在一中哪个位置办")).toContain("place");
    expect(askedFor("寄回家要加钱吗")).toContain("fee");
    expect(askedFor("城里有几间学校有护学岗 五小有无")).toContain("amount");
    expect(askedFor("有好几间学校都说了")).not.toContain("amount");
  });

  it("后来怎么处理 at the message's end asks how a case ended, as 后来怎么处理的 does", () => {
    expect(askedFor("那几间网吧后来怎么处理")).toEqual(["outcome"]);
    expect(askedFor("那几间网吧后来怎么处理的")).toEqual(["outcome"]);
    // 最后怎么处理 with no 的 asks what becomes of a thing (归国家所有): the law's rule, not a case's end.
    expect(askedFor("招领那些东西到期都冇人领最后怎么处理")).not.toContain("outcome");
  });

  it("a fine, points or a closure a case got tell how it ended", () => {
    expect(answersKind("依法对林某处以罚款1500元、驾驶证记12分。", ["outcome"])).toBe(true);
    expect(answersKind("其中一家被责令停业整顿10日。", ["outcome"])).toBe(true);
    expect(answersKind("此次检查共查处超员车辆4辆。", ["outcome"])).toBe(false);
  });

  it("那天去不了咋办 asks what to do instead; 无法前来的，可…… tells it", () => {
    expect(askedFor("要是那天去不了咋办")).toContain("missed");
    expect(answersKind("1月31日无法前来的，可在工作日带齐材料到市政务中心户政窗口办理。", ["missed"])).toBe(true);
    expect(answersKind("请留意到期时间及时换领。", ["missed"])).toBe(false);
  });
});

describe("the sentences that tell it", () => {
  it("在哪里抓到的 抓了几个: the sentence with the place and the 2名 caught, not the count of victims", async () => {
    const { docs, text } = await ask("低价卖皮肤骗学生那伙人是在哪里抓到的 抓了几个");
    expect(docs[0]).toBe("p-game-scam");
    expect(text).toContain("茂名市");
    expect(text).toContain("2名");
  });

  it("钱追得回来不 is told by 未能拦截", async () => {
    const { docs, text } = await ask("长丰那个初中生买游戏皮肤被骗 钱追得回来不");
    expect(docs[0]).toBe("p-game-scam");
    expect(text).toContain("未能拦截");
  });

  it("最后咋罚的 is told by the fine and the points", async () => {
    const { docs, text } = await ask("北大那个5座面包车塞9个学生的司机 最后咋罚的");
    expect(docs[0]).toBe("p-van-check");
    expect(text).toContain("罚款1500元");
    // The next sentence of its paragraph comes along: what became of the van.
    expect(text).toContain("车辆已被暂扣");
  });

  it("后来怎么处理 is told by the closure", async () => {
    const { docs, text } = await ask("山根那两间网吧放初中生上网 后来怎么处理");
    expect(docs[0]).toBe("p-cafe-check");
    expect(text).toContain("停业整顿10日");
  });

  it("哪个位置办 is told by the new place", async () => {
    const { docs, text } = await ask("身份证集中办理那天在一中哪个位置办");
    expect(docs).toContain("p-id-day-later");
    expect(text).toContain("综合楼一楼");
  });

  it("a follow-up 那天去不了咋办 is told by what to do instead", async () => {
    const { docs, text } = await ask("要是那天去不了咋办", "给娃办身份证那个集中办理日是不是改到31号了");
    expect(docs).toContain("p-id-day-later");
    expect(text).toContain("户政窗口");
  });
});
