/**
 * What riders, couriers and migrant workers ask of a report or a notice, heard closely: 伤得重不 asks
 * how badly one was hurt, 判了啥 what a case's offenders got, 抓到人没 whether anyone was caught (the one
 * caught named between), 骗了几多钱 追回来没 whether the money came back (money frozen before it left is),
 * 带几样东西去 the papers to bring, 还是去派出所吗 where it is done now. And the words: 狗 is 犬只, 遛狗 没拴绳 is 携犬出户 未系犬绳.
 */
import { describe, expect, it } from "vitest";
import { rewriteWords } from "../../src/answer/equivalents.js";
import { answersKind, askedFor, asksRule, asksTermOf } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/riders"]);
const ask = askerOf(built);

describe("what is asked", () => {
  it("伤得重不 asks how badly one was hurt, told by the injury's finding", () => {
    expect(askedFor("烧烤档那次打架 被打那个伤得重不")).toEqual(["findings"]);
    expect(askedFor("他伤情怎么样")).toEqual(["findings"]);
    expect(answersKind("被打的陈某某手臂被划伤，经法医鉴定为轻微伤。", ["findings"])).toBe(true);
    expect(answersKind("乘车人陈某妹右腿骨折，仍在住院治疗。", ["findings"])).toBe(true);
    expect(answersKind("民警8分钟内到达现场，将双方隔开。", ["findings"])).toBe(false);
  });

  it("判了啥 and 抓到人没 ask how a case ended; 抓到了会怎样 does not", () => {
    expect(askedFor("南桥打人的判了啥")).toContain("outcome");
    expect(askedFor("装客服骗钱的 抓到人没")).toEqual(["outcome"]);
    expect(askedFor("抓到小偷没有")).toEqual(["outcome"]);
    expect(askedFor("被抓到了会怎样")).not.toContain("outcome");
  });

  it("骗了几多钱 追回来没 asks whether the money came back; money frozen by an emergency stop tells it", () => {
    expect(askedFor("那个店主被骗了几多钱 追回来没")).toEqual(["amount", "recovered"]);
    expect(askedFor("追回来没")).not.toContain("recovered");
    expect(answersKind("民警立即联系银行办理紧急止付，其中9100元被成功冻结。", ["recovered"])).toBe(true);
  });

  it("还是去派出所吗 asks where it is done now; 还是去报警吗 asks no place", () => {
    expect(askedFor("给狗办证现在还是去派出所吗")).toContain("place");
    expect(askedFor("还是到车管所办吗")).toContain("place");
    expect(askedFor("我还是去报警吗")).not.toContain("place");
  });

  it("带几样东西去 asks the papers to bring", () => {
    expect(askedFor("办狗证要带几样东西去")).toEqual(["documents"]);
  });

  it("坐几年牢, 判几年 ask a prison term; 关几天, 拘几日 a detention's days; 罚多少 neither", () => {
    expect(asksTermOf("骗人要坐几年牢")).toBe("prison");
    expect(asksTermOf("这种抓到要判几年")).toBe("prison");
    expect(asksTermOf("打人会被关几天")).toBe("detention");
    expect(asksTermOf("偷东西会被拘留几多日")).toBe("detention");
    expect(asksTermOf("打人罚多少")).toBeNull();
  });

  it("坐几年牢 asks the law's penalty, as 判几年 and 坐牢 do", () => {
    expect(asksRule("偷电动车要坐几年牢")).toBe(true);
    expect(asksRule("骗人要坐多少年")).toBe(true);
    expect(asksRule("坐几路公交过去")).toBe(false);
  });
});

describe("everyday words", () => {
  it("狗 is 犬只; 遛狗 is 携犬出户 and 拴绳 系犬绳, the spoken word kept", () => {
    expect(rewriteWords("给狗上证收几多").text).toBe("给犬只上证收几多");
    expect(rewriteWords("遛狗没拴绳").text).toBe("遛狗 携犬出户没拴绳 系犬绳");
    expect(rewriteWords("要住多久才能办居住正").text).toBe("要住多久才能办居住证");
  });
});

describe("the sentence that tells it", () => {
  it("被打那个伤得重不 is told by the injury's finding", async () => {
    const { docs, text } = await ask("南桥墟烧烤档那次打架 被打那个伤得重不");
    expect(docs[0]).toBe("r-bbq-fight");
    expect(text).toContain("轻微伤");
  });

  it("打人的判了啥 is told by the detention given, not by how fast the police came", async () => {
    const { docs, text } = await ask("南桥烧烤档打人的判了啥");
    expect(docs[0]).toBe("r-bbq-fight");
    expect(text).toContain("行政拘留12日");
  });

  it("骗了几多钱 追回来没 is told by the sum frozen", async () => {
    const { docs, text } = await ask("大茂那个店主被假客服骗了几多钱 追回来没");
    expect(docs[0]).toBe("r-parcel-scam");
    expect(text).toContain("9100元");
  });

  it("抓到人没 is told by the arrest", async () => {
    const { docs, text } = await ask("大茂那个装物流客服骗钱的 抓到人没");
    expect(docs[0]).toBe("r-parcel-scam");
    expect(text).toContain("刑事拘留");
  });

  it("办狗证带几样东西去 is told by the list of papers", async () => {
    const { docs, text } = await ask("兴隆养了只狗 要去办狗证不 带几样东西去");
    expect(docs[0]).toBe("r-dog-notice");
    expect(text).toContain("狂犬病疫苗接种证明");
  });
});
