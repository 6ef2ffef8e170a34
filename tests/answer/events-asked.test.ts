/**
 * Asked of a public event and its aftermath, in the people's words: a race's name mistyped in another tone
 * (龙舟塞 for 龙舟赛, 马拉送 for 马拉松); what its postponement notice changed (报到), which the report after
 * the race does not hold though it is newer and names the race; how many lost children were found
 * (找回几个, which reports word 寻回); where to claim a lost wallet and how long it is kept (the
 * sentence telling both); what became of a man who would not leave (给予警告); and whether money the
 * police took comes back (已依法收缴).
 */
import { expect, it } from "vitest";
import { OfficeHomophones } from "../../src/answer/homophones.js";
import { answersKind, askedFor, countedThing } from "../../src/answer/question-type.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/events-asked"]);

async function ask(question: string) {
  const reply = await engineAt(built(), "2025-10-10").ask({ question });
  return { docs: citedDocs(reply), first: reply.citations[0]?.excerpt ?? "", text: reply.text };
}

const unknown = () => false;

it("reads a word of three characters typed in another tone as the office's, the exact sound first", () => {
  const h = new OfficeHomophones([], [], [], [], ["马拉松", "棋牌室"]);
  expect(h.correct("马拉送领物改到哪天", unknown)).toBe("马拉松领物改到哪天");
  expect(h.correct("棋派室几点关门", unknown)).toBe("棋牌室几点关门");
  // Spelt like two office words: no telling which.
  expect(new OfficeHomophones([], [], [], [], ["棋牌室", "旗牌室"]).correct("棋派室", unknown)).toBe("棋派室");
  // Sounding exactly like one, it is that one, though another is spelt so in another tone.
  expect(new OfficeHomophones([], [], [], [], ["居住证", "橘住证"]).correct("居住正", unknown)).toBe("居住证");
});

it("answers what a postponement changed from the notice, not from the newer report on the same race", async () => {
  const { docs, first } = await ask("和乐龙舟赛报到还是20 21号咩 听讲改了 改到哪天");
  expect(docs[0]).toBe("e-race-postponed");
  expect(first).toContain("7月4日至5日");
});

it("counts the children found in the sentence that says 寻回, not a count of posts", async () => {
  const { docs, first } = await ask("和乐扒龙舟那天 走丢的小孩找回几个 老人家呢");
  expect(docs[0]).toBe("e-race-report");
  expect(first).toContain("走失儿童3名");
});

it("quotes the sentence telling both where to claim and how long it is kept", async () => {
  const { docs, first } = await ask("在和乐看扒龙舟比赛跌了钱包 去哪里领 放得几耐");
  expect(docs[0]).toBe("e-race-report");
  expect(first).toContain("和平路9号");
  expect(first).toContain("3个月");
});

it("tells how a refusal ended: a warning is an outcome", async () => {
  expect(answersKind("事后，民警对该男子进行批评教育，并依法给予警告。", ["outcome"])).toBe(true);
  const { docs, first } = await ask("山根打风叫转移死活不肯走那个男的 后来怎么处理");
  expect(docs[0]).toBe("e-typhoon-move");
  expect(first).toContain("给予警告");
});

it("answers whether seized money comes back with the sentence that it was confiscated", async () => {
  expect(askedFor("警察收走的钱同码单会还返咩")).toContain("recovered");
  const { docs, first } = await ask("长丰茶店买码那个窝点 警察收走的钱会还返咩");
  expect(docs[0]).toBe("e-lottery-case");
  expect(first).toContain("已依法收缴");
});

it("reads a title's name of four characters with one mistyped (快处快陪), and a typo the segmenter joined to the word before it (查毒/架)", () => {
  const quads = new OfficeHomophones([], [], [], [], ["快处快赔"]);
  expect(quads.correct("快处快陪那个点搬去哪", unknown)).toBe("快处快赔那个点搬去哪");
  // Two characters mistyped: left as typed.
  expect(quads.correct("快出快陪", unknown)).toBe("快出快陪");
  const words = new OfficeHomophones(["毒驾"]);
  // 查毒/架: 毒架 is in no indexed text and sounds exactly like the title's 毒驾.
  expect(words.correct("那次国道通宵查毒架查到几点", (pair) => pair === "查毒")).toBe("那次国道通宵查毒驾查到几点");
  // A pair some indexed text holds is read as typed.
  expect(words.correct("那次国道通宵查毒架查到几点", (pair) => pair === "查毒" || pair === "毒架")).toBe("那次国道通宵查毒架查到几点");
});

it("reads a stay in weeks as a span (约两周), not an age in 周岁 nor which weeks (头两周); and 几个人能拿 counts people", () => {
  expect(answersKind("需住院治疗约两周。", ["duration"])).toBe(true);
  expect(answersKind("年满18周岁的可以报名。", ["duration"])).toBe(false);
  expect(answersKind("开学头两周，共检查车辆136辆。", ["duration"])).toBe(false);
  expect(answersKind("开学两周查处接送学生面包车超员9辆", ["duration"])).toBe(false);
  expect(answersKind("材料齐全的两周内办结。", ["duration"])).toBe(true);
  expect(countedThing("一共有几个人能拿奖")).toBe("人");
});
