/**
 * Questions of local-fresh186's to 192's kinds (电动车充电, 注销校园贷, 算命消灾, 虚构绑架).
 * A fact of a case pointed at (嗰个女大学生……系几号嘅事): the case's report, and a talk's 延期 notice is no
 * correction of it. How the case's people are dealt with now. Where to sign up for a talk (its 报名 line, not its
 * venue), what it teaches, whom the caller posed as, who saw through a call and stopped it, money given back.
 * A fine asked of no party: the sentence fining 个人. And words: 犯咩法 and 关几多日 ask the law, 畀人拉咗 asks
 * whether he is held, 一个钟 is an hour, 成年 the whole year, a count's measure before a clause is what is counted.
 * The fixture articles are original, set in 东港.
 */
import { describe, expect, it } from "vitest";
import { applyEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { bestWindow } from "../../src/answer/excerpts.js";
import type { TermMatcher } from "../../src/answer/term-weights.js";
import type { Passage } from "../../src/types.js";
import { lawBonus } from "../../src/answer/judge.js";
import { askedFor, asks, asksRule, countedThing, lawPart } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("words as people type them", () => {
  const lexicon = Lexicon.default();
  const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);

  it("犯咩法 and 关几多日 ask the law; a case's people asked after in a clause of their own is an ask of the office", () => {
    expect(asksRule(readAsked("攞裸照逼人畀钱犯咩法"))).toBe(true);
    expect(asksRule(readAsked("公安可以关几多日"))).toBe(true);
    expect(asksRule(readAsked("佢啲钱用去做咩"))).toBe(false);
    const message = readAsked("东湖用裸照威胁学生仔要钱嘅林某 公安点样处理佢 攞裸照逼人畀钱犯咩法");
    expect(asks(message)).toHaveLength(2);
    expect(lawPart(readAsked("东湖果单骗子 2024年骗咗几多钱 帮骗子转钱犯咩法"))).toBe("帮骗子转钱犯什么法");
  });

  it("畀人拉咗 asks whether the one told of is held, not what the law would do; 被抓了会怎样 still asks the law", () => {
    const held = readAsked("东湖偷电瓶嗰个后生仔 系咪已经畀人拉咗");
    expect(held).toContain("被抓");
    expect(askedFor(held)).toContain("outcome");
    expect(asksRule(held)).toBe(false);
    expect(asksRule(readAsked("那个人被抓了会怎样"))).toBe(true);
    expect(askedFor(readAsked("嗰两个人而家点处理"))).toContain("outcome");
    expect(askedFor(readAsked("后来点处理佢"))).toContain("outcome");
  });

  it("一个钟 is an hour and 成年 the whole year before what was done; 未成年 and 成年人 stay", () => {
    expect(readAsked("充一个钟要几多钱")).toContain("一小时");
    expect(readAsked("几点钟开门")).toContain("几点钟");
    expect(readAsked("成年讲咗几多场")).toContain("全年讲");
    expect(readAsked("未成年讲咗几多场")).toContain("未成年");
    expect(readAsked("成年人可唔可以")).toContain("成年人");
  });

  it("a count's measure before a clause about what it counts is the thing counted; 畀 after a sum names none", () => {
    expect(countedThing(readAsked("公安上门探咗几多户有仔女出去读书嘅屋企"))).toBe("户");
    expect(countedThing(readAsked("公安退返咗几多畀受害人"))).toBeNull();
    expect(countedThing(readAsked("查了几多间民宿"))).toBe("民宿");
  });

  it("what a talk teaches and whom a caller posed as are asked; 教咩 ending a clause asks what, not whether", () => {
    expect(readAsked("银行嘅人去教咩")).toContain("教什么");
    expect(askedFor(readAsked("银行嘅人去教咩"))).toContain("content");
    expect(askedFor(readAsked("骗子冒充咩人打电话嚟"))).toContain("posedAs");
    expect(askedFor(readAsked("系边个睇出佢唔对路拦住佢嘅"))).toContain("person");
    expect(askedFor(readAsked("犯法咩"))).not.toContain("content");
  });

  it("the lexicon reads a floor's thrown bottle, a fire not meant, a crime not achieved, money moved for cheats", () => {
    expect(expansions("18楼扔酒瓶 如果查唔到系边个扔的 法律上边个来赔")).toContain("难以确定具体侵权人");
    expect(expansions("唔系故意嘅充电着火都要拘留咩")).toContain("过失引起火灾");
    expect(expansions("冇骗到都算犯罪咩")).toContain("犯罪未遂");
    expect(expansions("明知系骗子仲帮佢转钱")).toContain("支付结算");
    expect(expansions("骗子骗去嘅金饰要唔要还返畀阿婆")).toContain("及时返还");
    expect(expansions("楼道停车唔肯搬")).toContain("疏散通道");
    expect(expansions("征信真系有错 可以点搞")).toContain("提出异议");
    expect(expansions("故意放火烧山")).not.toContain("过失引起火灾");
  });

  it("the lexicon reads older sets' law asks: a small sum, a fake licence driven on, fire in the hills, relics dug up, a KTV, a little drug sold, nude photos used for money", () => {
    expect(expansions("骗少少钱系咪净系拘留唔使坐监")).toContain("五日以上十日以下拘留");
    expect(expansions("用假驾照开车法律上点罚")).toContain("使用伪造");
    expect(expansions("楼下卖煤气楼上住人 会罚几多钱")).toContain("同一建筑物内");
    expect(expansions("防火期想喺山度烧嘢杀虫 要边个批")).toContain("防治病虫鼠害");
    expect(expansions("我起屋挖到啲旧瓦罐 法律上要点做")).toContain("文物行政部门");
    expect(expansions("KTV到底能不能让未成年人进")).toContain("不得接纳未成年人");
    expect(expansions("我侄仔讲只卖一点点冰冇事 卖少少也要坐牢吗")).toContain("无论数量多少");
    expect(expansions("法律有冇规定要几耐返屋企睇老人")).toContain("经常看望");
    expect(expansions("卖少少菜要唔要牌照")).not.toContain("无论数量多少");
    expect(expansions("攞裸照逼人畀钱犯咩法")).toContain("敲诈勒索");
    expect(expansions("我把他关在仓库两天逼他家里拿钱")).not.toContain("敲诈勒索");
  });

  it("whether a notice, an approval or a licence is required asks the law", () => {
    expect(asksRule(readAsked("和乐龙舟封边条路 封路使唔使提前公告"))).toBe(true);
    expect(asksRule(readAsked("防火期想喺山度烧嘢杀虫 要边个批"))).toBe(true);
    expect(asksRule(readAsked("讲座使唔使提前报名"))).toBe(false);
  });
});

describe("a fine asked of no party", () => {
  // 消防法第六十条's shape: 单位's fine in the lead-in, the acts in items, 个人's fine after them.
  const text =
    "第六十条 单位违反本法规定，有下列行为之一的，责令改正，处五千元以上五万元以下罚款：\n\n（一）消防设施、器材或者消防安全标志的配置、设置不符合国家标准、行业标准，或者未保持完好有效的；\n\n（二）损坏、挪用或者擅自拆除、停用消防设施、器材的；\n\n（三）占用、堵塞、封闭疏散通道、安全出口或者有其他妨碍安全疏散行为的；\n\n个人有前款第二项、第三项行为之一的，处警告或者五百元以下罚款。";
  const passage = { kind: "law", id: "law:x", lawShort: "消防法", article: "第六十条", text, start: 0, end: text.length } as unknown as Passage;
  const word = (weight: number, expansion = false) => ({ weight, expansion });
  const terms: TermMatcher = { weights: new Map([["楼道", word(6)], ["罚", word(2)], ["疏散通道", word(5, true)], ["堵塞", word(4, true)]]) };
  const quoted = (question: string) => {
    const span = bestWindow(passage, terms, 60, { sentenceBonus: lawBonus(terms, readAsked(question)) });
    return text.slice(span!.start, span!.end);
  };

  it("a citizen's fine is the one fining 个人", () => {
    expect(quoted("楼道停车唔肯搬 法律讲最多罚几多")).toContain("五百元以下罚款");
  });

  it("a business named: the sentence fining 个人 gains nothing over the lead-in fining 单位", () => {
    const individual = "个人有前款第二项、第三项行为之一的，处警告或者五百元以下罚款。";
    const bonus = (question: string) => lawBonus(terms, readAsked(question))(individual, passage);
    expect(bonus("楼道停车唔肯搬 法律讲最多罚几多")).toBeGreaterThan(bonus("饭店楼道停车唔肯搬 法律讲最多罚几多"));
  });
});

describe("cases, talks and round-ups", () => {
  const built = fixtureIndex(["tests/fixtures/answer/cases-and-talks", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("a fact of a person's case pointed at: the case's report, with no talk's 延期 notice as its correction", async () => {
    const { docs, text } = await ask("嗰个女大学生 接电话话网贷账户要注销 系几号嘅事");
    expect(docs).toEqual(["f-credit-case-2025"]);
    expect(text).toContain("7月21日");
  });

  it("how the case's people are dealt with now: their detention", async () => {
    const { docs, text } = await ask("东湖 大学生畀骗3万几嗰单 嗰两个人而家点处理");
    expect(docs[0]).toBe("f-credit-case-2025");
    expect(text).toContain("刑事拘留");
  });

  it("where to sign up for a talk: its 报名 line, not only its venue", async () => {
    const { text } = await ask("西岭防骗讲座去边度报名 冒充客服骗人公安可以关几多日");
    expect(text).toContain("户籍室");
  });

  it("what a talk teaches: its 活动内容", async () => {
    const { text } = await ask("西岭 暑假嗰个讲座 农信社嘅人去教咩");
    expect(text).toContain("信用报告");
  });

  it("who saw through a call and stopped it: the assistant named", async () => {
    const { docs, text } = await ask("有个阿婆差啲畀注销账户电话骗4万 系边个睇出佢唔对路拦住佢嘅");
    expect(docs[0]).toBe("f-credit-stop-2025");
    expect(text).toContain("警务助理吴某");
  });

  // A control: it passes before this change too (local-fresh188's miss of the kind needed its counted thing read).
  it("money the police gave back to victims: the round-up's 返还 figure", async () => {
    const { docs, text } = await ask("畀人骗话要注销网贷嘅钱 公安退返咗几多畀受害人");
    expect(docs).toContain("f-credit-roundup-2025");
    expect(text).toContain("27.6万元");
  });
});
