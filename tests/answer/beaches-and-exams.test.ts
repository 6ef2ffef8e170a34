/**
 * Questions of local-fresh88 and 90's kind (beaches and tourists, driving tests). A correction titled with the
 * notice it corrects (关于《……通告》的更正) says something new in each sentence; a notice titled as a change (关于调整……
 * 路线的通告) is still what a later 延期 notice corrects. What is asked: a day quoted to be confirmed (是不是9月1号就开始考),
 * what a search turned up (搜到咩), where a thing was hidden (藏喺边度), whether a desk is still there (仲喺……嗰度冇),
 * which hospital (边间医院), how to tell a thing (点样睇得出). A weight in 两; a move with no place named.
 */
import { describe, expect, it } from "vitest";
import { readAsked } from "../../src/answer/equivalents.js";
import { LocalArticles } from "../../src/answer/local-articles.js";
import { answersKind, askedFor } from "../../src/answer/question-type.js";
import { correctedBy, correctionOf } from "../../src/answer/time-scope.js";
import { articleDoc, askerOf, fixtureIndex } from "./helpers.js";

const asked = (q: string) => askedFor(readAsked(q));

describe("what is asked", () => {
  it("是不是9月1号就开始考 asks the day it starts", () => {
    expect(asked("新路线系咪9月1号就开始考 我约咗9月中")).toContain("date");
  });
  it("搜到咩 asks what a search turned up (咩 after 搜到 is 什么, not 吗); 搵到 is 找到", () => {
    expect(asked("考场外面车入面搜到咩")).toContain("findings");
    expect(readAsked("藏喺边度俾人搵到")).toBe("藏在哪里给人找到");
  });
  it("where a thing was hidden, whether a desk is still there (仲喺……嗰度冇) and which hospital ask a place", () => {
    expect(asked("带作弊器嘅 藏喺边度俾人搵到")).toContain("place");
    expect(asked("服务站仲喺汽车站嗰度冇")).toContain("place");
    expect(asked("扭伤脚嗰个送咗去边间医院")).toContain("place");
  });
  it("点样睇得出 asks how a thing is told apart", () => {
    expect(asked("咁点样睇得出边度有回流")).toContain("looks");
  });
});

describe("what answers it", () => {
  it("在……袜子里发现 tells where a thing was hidden", () => {
    expect(answersKind("工作人员用金属探测仪在考生陈某的袜子里发现1个微型接收器", ["place"])).toBe(true);
  });
  it("每斤多称约2两 is a figure: after a digit 两 is a weight", () => {
    expect(answersKind("发现该排档电子秤每斤多称约2两", ["amount"])).toBe(true);
    expect(answersKind("排档老板带两名店员围住林某", ["amount"])).toBe(false);
  });
  it("颜色较深、泡沫较少……可能就是回流 tells how to tell it", () => {
    expect(answersKind("水面上出现一条颜色较深、泡沫较少的通道，可能就是回流", ["looks"])).toBe(true);
  });
});

describe("what corrects what", () => {
  it("a notice titled as a change (关于调整……的通告) is corrected by a later one naming it, and only by such", () => {
    const docs = new LocalArticles([
      articleDoc("change", "关于调整驾考科目三考试路线的通告", "2025-08-15", "新路线每天安排考试90人次。"),
      articleDoc("delay", "关于延期启用科目三新考试路线的通告", "2025-08-28", "我大队发布的《关于调整驾考科目三考试路线的通告》部分内容变更如下：启用时间延期至2025年10月20日。"),
      articleDoc("other", "关于调整驾考科目一预约方式的通告", "2025-09-10", "科目一改为网上预约。"),
    ]).docs;
    expect(correctedBy(docs[1], docs)?.docId).toBe("change");
    expect(correctionOf(docs[0], docs)?.docId).toBe("delay");
  });
});

describe("over a small office", () => {
  const built = fixtureIndex(["tests/fixtures/answer/beaches-and-exams"]);
  const ask = askerOf(built, "2026-12-01");

  it("asked this year's hours, the correction titled with the notice it corrects (关于《……》的更正) leads with the new hours", async () => {
    const { docs, text } = await ask("今年夏天北湾指定游泳区救生员几点到几点有人睇 系咪仲系6点收");
    expect(docs[0]).toBe("f-swim-correction");
    expect(text).toContain("8:30至19:30");
  });

  it("是不是9月1号就开始考 is answered by the day it was put off to", async () => {
    const { docs, text } = await ask("科目三东郊新路线系咪9月1号就开始考 我约咗9月中", undefined, "2025-08-30");
    expect(docs).toContain("f-route-delay");
    expect(text).toContain("2025年10月20日");
  });

  it("藏喺边度 is answered by where it was found on him", async () => {
    const { text } = await ask("和乐考场嗰个带作弊器嘅 藏喺边度俾人搵到");
    expect(text).toContain("袜子里");
  });

  it("搜到咩 is answered by what the search turned up", async () => {
    const { text } = await ask("考场外面车入面搜到咩");
    expect(text).toContain("平板电脑1台");
  });

  it("多称咗几多 is answered by the weight in 两", async () => {
    const { text } = await ask("和乐食海鲜嗰单 个电子秤每斤多称咗几多");
    expect(text).toContain("每斤多称约2两");
  });

  it("仲喺汽车站嗰度冇 is answered by the new address, not by the sentence that it moves", async () => {
    const { docs, text } = await ask("游客服务站仲喺汽车站嗰度冇", undefined, "2026-01-10");
    expect(docs[0]).toBe("f-desk-moved");
    expect(text).toContain("城南路88号");
  });

  it("点样睇得出 after a question on the beaches is answered by how to tell the current", async () => {
    const { text } = await ask("咁点样睇得出边度有回流", "今年北湾南湾几时开放");
    expect(text).toContain("颜色较深");
  });
});
