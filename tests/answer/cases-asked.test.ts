/**
 * Asks about a case and its report, heard more closely: 咋查出来是他 asks how it was traced, 还偷了乜嘢 /
 * 追回来啥 what was taken or got back, 破了无 whether it is solved, 怎么防 / 要装乜 how to guard against it;
 * 那几个老板会判几年 is answered beside the law by how their case ended. And: 几头 counts, 几张 asks where
 * a clause ends with it, 几久 asks how long, 打几号 asks a number (报警打几号 no legal matter), 赌窝 is
 * 赌博窝点, a typo of a thing an article's text names (头亏) is read as it, and asked a count of a thing
 * (罚了多少人), a newer article counting none of it is no version. 交多少 is told by a share (保证金20%),
 * 追回来多少 by the sum got back, 留啥证据 by what to keep, a numbered list whole; kf is 客服.
 */
import { describe, expect, it } from "vitest";
import { OfficeHomophones, soundsLikeOffice } from "../../src/answer/homophones.js";
import { officeAsks } from "../../src/answer/judge.js";
import { rewriteWords } from "../../src/answer/equivalents.js";
import { askedFor, asksRule } from "../../src/answer/question-type.js";
import { askerOf, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/cases"]);

const ask = askerOf(built);

describe("what is asked of a case", () => {
  it("咋查出来是他, 怎么抓到他的 ask how it was traced; 怎么找到派出所 does not", () => {
    expect(askedFor("山根那个偷电池的人 派出所咋查出来是他")).toEqual(["means"]);
    expect(askedFor("警察怎么抓到他的")).toEqual(["means"]);
    expect(askedFor("怎么找到派出所")).not.toContain("means");
  });

  it("还偷了乜嘢, 追回来啥 ask what was taken or got back; 破了无 whether it is solved", () => {
    expect(askedFor("除了牛还偷了乜嘢 追回来啥")).toEqual(["findings"]);
    expect(askedFor("那个案子破了无")).toEqual(["outcome"]);
  });

  it("怎么防, 要装乜 ask how to guard against it", () => {
    expect(askedFor("那要怎么防啊 牛栏要装乜")).toEqual(["advice"]);
  });

  it("几头 counts; a clause ending in 几张 asks though another ask follows; 几久 asks how long", () => {
    expect(askedFor("牛找回来几头啦")).toEqual(["amount"]);
    expect(askedFor("拍照要拍几张 拍哪些地方")).toEqual(["amount", "place"]);
    // 被几个同学堵住 tells a count, it does not ask one.
    expect(askedFor("被几个同学堵在厕所里，我该咋办")).not.toContain("amount");
    expect(askedFor("那个赌窝开了几久")).toContain("duration");
  });

  it("打几号 asks a number, not a day; 报警 as what the number is for is no legal matter", () => {
    expect(askedFor("北大派出所报警打几号")).toEqual(["phone"]);
    expect(askedFor("截止到几号")).toContain("date");
    expect(asksRule("北大派出所报警打几号")).toBe(false);
    expect(asksRule("不报警会怎样")).toBe(true);
  });

  it("the law asked of a case's people asks the office how their case ended", () => {
    expect(askedFor(officeAsks("开赌场那几个老板 按法律会判几年"))).toEqual(["outcome"]);
    // Asked of no case's people, the message is the office's ask as it stands.
    expect(officeAsks("开赌场按法律会判几年")).toBe("开赌场按法律会判几年");
  });
});

describe("words typed in Latin initials", () => {
  it("kf is 客服 and yhk 银行卡 on their own; kfc is no 客服", () => {
    expect(rewriteWords("被假kf骗了 yhk还被冻结").text).toBe("被假客服骗了 银行卡还被冻结");
    expect(rewriteWords("kfc好吃吗").text).toBe("kfc好吃吗");
  });
});

describe("a typo of a thing an article's text names", () => {
  const unknown = () => false;
  it("头亏 is read as 头盔 when no indexed text holds 头亏; not when one does", () => {
    const office = new OfficeHomophones([], [], [], ["头盔"]);
    expect(office.correct("送单无戴头亏被拦", unknown)).toBe("送单无戴头盔被拦");
    expect(office.correct("送单无戴头亏被拦", unknown, unknown, () => false)).toBe("送单无戴头亏被拦");
  });
});

describe("the sentence that tells it", () => {
  it("咋查出来是他 is told by how the police traced him", async () => {
    const { docs, text } = await ask("后安那个偷电瓶的 警察咋查出来是他");
    expect(docs[0]).toBe("c-battery-theft");
    expect(text).toContain("调取村道监控");
  });

  it("报警打几号 is told by the number, the office's article first", async () => {
    const { docs, text } = await ask("我家电瓶昨晚也无了 后安派出所报警打几号");
    expect(docs[0]).toBe("c-battery-theft");
    expect(text).toContain("0898-62230101");
  });

  it("头亏 is heard as the 头盔 an article's text writes (a noun of one article of ten, nowhere typed so)", () => {
    const heard = soundsLikeOffice(built().searcher);
    expect(heard("送单无戴头亏被拦")).toBe("送单无戴头盔被拦");
    // A verb of the texts is no thing: 被兰 is not read as any word (拦 is written, as a verb).
    expect(heard("送单被兰")).toBe("送单被兰");
  });

  it("还偷了乜嘢 追回来啥 is told by the things got back", async () => {
    const { docs, text } = await ask("和乐那伙偷牛的 除了牛还偷了乜嘢 追回来啥");
    expect(docs[0]).toBe("c-cattle-theft");
    expect(text).toContain("抽水机2台");
  });

  it("a follow-up 怎么防 after 破了无 is told by the advice", async () => {
    const { docs, text } = await ask("那要怎么防啊 牛栏要装乜", "和乐那边偷牛那个案子破了无");
    expect(docs[0]).toBe("c-cattle-theft");
    expect(text).toContain("安装监控");
  });

  it("那个赌窝开了几久 搞了几多场 is answered from the 赌博窝点 report", async () => {
    const { docs, text } = await ask("龙滚那个赌窝开了几久 一共搞了几多场 老板赚了多少");
    expect(docs[0]).toBe("c-gambling-den");
    expect(text).toContain("20余场");
  });

  it("解冻要带啥材料 is told by the whole numbered list, its last items too", async () => {
    const { docs, text } = await ask("银行卡被冻结了 去公安那边解冻要带啥材料");
    expect(docs[0]).toBe("c-unfreeze-guide");
    expect(text).toContain("5. 收入来源证明");
  });

  it("要先交钱 交多少 is told by the share demanded (缴纳保证金20%)", async () => {
    const { text } = await ask("刷单平台说提不了钱要先交钱 交多少来着");
    expect(text).toContain("保证金20%");
  });

  it("钱追回来多少了 is told first by the sum got back", async () => {
    const reply = await engineAt(built(), "2026-09-10").ask({ question: "后安偷电瓶那个案子 钱追回来多少了" });
    expect(reply.citations[0].excerpt).toContain("追回损失1.2万元");
  });

  it("要先留啥证据 is told by what to keep (转账记录和聊天记录)", async () => {
    const { text } = await ask("刷单被骗了 要先留啥证据");
    expect(text).toContain("保存好转账记录和聊天记录");
  });

  it("上次整治罚了多少人 takes the crackdown report, not the newer registration notice sharing 电动自行车", async () => {
    const { docs, text } = await ask("骑电动自行车闯红灯逆行 上次整治罚了多少人");
    expect(docs[0]).toBe("c-rider-crackdown");
    expect(text).toContain("35人次");
  });
});
