/**
 * A message asking the office a fact and the law a penalty (老人们一共亏了几多钱？……法律上要判几年？): the
 * office's sentence is chosen for its own fact, not for a figure the law's part answers; and the ways
 * people ask that the reading of a question had missed (哪些地方, 几个钟头内, 查出啥东西, 真的假的,
 * 注意点啥, 搬去别的地方了).
 */
import { expect, it } from "vitest";
import { officeAsks } from "../../src/answer/judge.js";
import { askedFor, factsAsked } from "../../src/answer/question-type.js";
import { applyEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { FIXTURE_LAWS } from "../engine/helpers.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/office-beside-law"], { laws: FIXTURE_LAWS });

it("beside the law's part, the office is asked the clauses that do not ask the law", () => {
  const read = (q: string) => officeAsks(readAsked(q));
  expect(read("请问万城城里哪些地方过年不可以放鞭炮？放了罚几多，国家的条例是怎么写的？")).toBe("请问万城城里哪些地方春节不可以燃放烟花爆竹？");
  expect(read("前年长丰那个集资的案子，老人们一共亏了几多钱？这种骗钱的，法律上要判几年？")).not.toContain("判几年");
  // 要报警打哪个电话 asks the office a number, though 报警 is a word of the law's.
  expect(read("我阿叔在和乐圩抓到一个扒手 这样也算犯罪吗 要报警打哪个电话")).toContain("打哪个电话");
  // The fine a case got is the report's figure (被罚的老板罚几多), not the law's.
  expect(read("石梅湾那次派出所查民宿 查了几多间民宿 被罚的老板罚几多")).toContain("罚多少");
  // Nothing asks the law: the message as it is.
  expect(read("派出所几点开门 要带什么")).toBe(readAsked("派出所几点开门 要带什么"));
});

it("a loss asked beside a penalty: the report's loss is quoted, not its story's prices; the law's term follows", async () => {
  const reply = await engineAt(built(), "2026-03-01").ask({ question: "和乐那个卖养老卡的案子，老人们一共亏了几多钱？这种骗老人钱的，法律上要判几年？" });
  expect(citedDocs(reply)).toContain("t-pension-card-fraud");
  const quoted = reply.citations.map((c) => c.excerpt).join(" ");
  expect(quoted).toContain("损失约51万元");
  expect(reply.citations.some((c) => c.kind === "law" && c.article === "第二百六十六条")).toBe(true);
});

it("whether a story going round is true: what the office found is quoted", async () => {
  const reply = await engineAt(built(), "2026-10-01").ask({ question: "前段时间家长群里传有人开面包车抢小孩 吓得我都不敢让孩子自己走路去学校 到底是真的假的" });
  expect(citedDocs(reply)[0]).toBe("t-town-rumour");
  expect(reply.citations[0].excerpt).toContain("系谣言");
});

it("asks read that were missed: a zone, hours counted, what a check turned up, whether it is true, what to mind, a move", () => {
  expect(factsAsked(readAsked("万城城里哪些地方不可以放鞭炮"))).toContain("place");
  expect(factsAsked(readAsked("外国客人几个钟头内要报"))).toContain("duration");
  expect(factsAsked(readAsked("兴隆查快递的时候在包裹里查出啥东西了"))).toContain("findings");
  expect(askedFor(readAsked("到底是真的假的"))).toContain("truth");
  // Whether it is true asks no figure, place or time of the office.
  expect(factsAsked(readAsked("到底是真的假的"))).toEqual([]);
  expect(askedFor(readAsked("那我们做家长的要注意点啥"))).toContain("advice");
  expect(factsAsked(readAsked("上户口现在还是在政务中心那里办里吗 还是搬去别的地方了"))).toContain("place");
});

it("a guest house keeper's words are the notice's: 住进来 → 入住, 传上去 → 上传, 钟头 → 小时", () => {
  expect(applyEquivalents("客人住进来之后多久要把信息传上去")).toBe("客人入住之后多久要把信息上传");
  expect(applyEquivalents("几个钟头内报")).toBe("几个小时内报");
});
