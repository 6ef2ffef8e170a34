/**
 * Questions of local-fresh154's to 160's kinds (碰瓷骗保, 假烟假酒, 网贷诈骗, 私屠滥宰).
 * A 延期 notice asked whether two values heard still hold (系咪仲系8月6号上昼喺文化站搞; 仲系得50个名额咩 报名仲系打……)
 * is answered by its item changing each, not by one item and the old notice's sentence for the other. A day heard
 * is the event's: its change is 时间改为……, not the item moving the sign-up deadline (报名截止时间顺延至……).
 * A count heard before its thing (仲系得80个名额咩) asks the count. Asked where the law's line is drawn (卖到几多就算犯罪),
 * the law's tiered article is quoted from its first tier. 私宰 is 私屠滥宰, as notices write it. A message asking the
 * office a fact and the law a rule searches the law on its law's ask alone (lawPart), unless that ask points back at
 * a story or names nothing of the law. A report of results is no newer version of a notice's rules, though their titles
 * share the matter's words; 想攞几多钱 asks the sum, whatever verb the report writes it with (申请理赔4.3万元).
 * Sick pigs' meat, pigs injected with water, carcasses dumped and fake brands are searched in the law's words.
 * The fixture notices are original, set in 东港; the law is 刑法第一百四十条, verbatim.
 */
import { describe, expect, it } from "vitest";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { bestWindow } from "../../src/answer/excerpts.js";
import { lawBonus } from "../../src/answer/judge.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { fuseHits } from "../../src/answer/fuse-hits.js";
import { askedFor, asks, lawPart } from "../../src/answer/question-type.js";
import type { Hit, Passage } from "../../src/types.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("a count heard before its thing", () => {
  it("仲系得80个名额咩 asks the count, and is an ask of its own beside the phone heard", () => {
    const q = readAsked("礼纪讲座仲系得80个名额咩 报名仲系打62271536吗");
    expect(asks(q)).toHaveLength(2);
    expect(askedFor(asks(q)[0])).toContain("amount");
    expect(askedFor(readAsked("系咪仲系80个名额"))).toContain("amount");
  });
});

describe("私宰 as notices write it", () => {
  it("私宰 is 私屠滥宰", () => {
    expect(rewriteWords("举报私宰猪奖几多").text).toContain("私屠滥宰");
  });
});

describe("a 延期 notice asked of values heard", () => {
  const built = fixtureIndex(["tests/fixtures/answer/heard-items", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-08-01");

  it("a day and a place heard: the items changing each", async () => {
    const { docs, text } = await ask("南湾防骗讲座系咪仲系8月6号上昼喺文化站搞");
    expect(docs[0]).toBe("f-talk-nanwan-postponed");
    expect(text).toContain("8月13日");
    expect(text).toContain("南湾镇人民政府一楼会议室");
  });

  it("a day heard is the event's: 时间改为, not the deadline moved", async () => {
    const { docs, text } = await ask("南湾嗰个防养老诈骗讲座 系咪仲系8月6号上昼");
    expect(docs[0]).toBe("f-talk-nanwan-postponed");
    expect(text).toContain("8月13日");
  });

  it("a count and a phone heard: the count's change and the phone's", async () => {
    const { text } = await ask("南湾防骗讲座仲系得50个名额咩 报名仲系打66031122吗");
    expect(text).toContain("80名");
    expect(text).toContain("66037788");
  });

  it("a count and a document heard: the count's change beside the document's, not the 1份 of a document", async () => {
    const { text } = await ask("南湾防骗讲座 还是限50个人吗 仲系带营业执照复印件吗");
    expect(text).toContain("80名");
    expect(text).toContain("备案回执复印件");
  });
});

describe("where the law's line is drawn", () => {
  const text =
    "第一百四十条 生产者、销售者在产品中掺杂、掺假，以假充真，以次充好或者以不合格产品冒充合格产品，销售金额五万元以上不满二十万元的，处二年以下有期徒刑或者拘役，并处或者单处销售金额百分之五十以上二倍以下罚金；销售金额二十万元以上不满五十万元的，处二年以上七年以下有期徒刑，并处销售金额百分之五十以上二倍以下罚金；销售金额五十万元以上不满二百万元的，处七年以上有期徒刑，并处销售金额百分之五十以上二倍以下罚金；销售金额二百万元以上的，处十五年有期徒刑或者无期徒刑，并处销售金额百分之五十以上二倍以下罚金或者没收财产。";
  const law = { kind: "law", id: "law:刑法#140", text, lawTitle: "中华人民共和国刑法", lawShort: "刑法", article: "第一百四十条", headings: [] } as unknown as Passage;
  const terms = { weights: new Map([["销售", { weight: 3, expansion: false }], ["伪劣", { weight: 4, expansion: false }], ["犯罪", { weight: 2, expansion: false }]]) };
  const quoted = (question: string) => {
    const w = bestWindow(law, terms, 200, { sentenceBonus: lawBonus(terms, question) });
    return w ? text.slice(w.start, w.end) : "";
  };

  it("卖到几多就算犯罪 is quoted from the first tier", () => {
    expect(quoted("卖伪劣产品卖到几多就算犯罪要坐牢")).toContain("销售金额五万元以上不满二十万元");
  });
});

describe("the law's ask of a message asking the office too", () => {
  const read = (q: string) => rewriteWords(q).text;
  it("is the law's ask alone where it names its matter and the law", () => {
    expect(lawPart(read("和乐农用车拉人嗰单罚咗几多 货车法律上可唔可以载人"))).toBe(read("货车法律上可唔可以载人"));
    expect(lawPart(read("后安车主撞车骗保想攞几多钱 骗保险金犯法要坐几耐监"))).toBe(read("骗保险金犯法要坐几耐监"));
  });

  it("is the whole message after a story, or where the ask points back or names no law", () => {
    for (const q of ["春节亲戚几个在家打麻将一把几十块 被人举报了 派出所会来抓吗 罚多少", "我阿爸在屋后种了几棵罂粟当药 大茂个阿公被罚几多 如果赶紧自己拔了仲罚不罚", "兴隆卖假答案嗰个一份收几多钱 呢种骗人要坐几耐监", "礼纪讲座改咗几时", "我阿公在院子种了几棵罂粟 听说北大有个人种罂粟被拘了 那个种了几多株 种几棵犯法吗", "補領身份證要几多钱 最多几耐要拿到证 法律有规定无"]) {
      expect(lawPart(read(q))).toBe(read(q));
    }
  });
});

describe("a notice's rules and a report of results on one matter", () => {
  const built = fixtureIndex(["tests/fixtures/answer/notice-and-report", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-08-01");

  it("the notice answers its rule, though a newer report shares its title's matter", async () => {
    const { docs, text } = await ask("同一条私屠滥宰嘅线索好多人一齐报 奖励畀边个");
    expect(docs[0]).toBe("f-slaughter-tips");
    expect(text).toContain("最先举报的有效举报人");
  });

  it("想攞几多钱 is answered by the sum the report tells, not its opening's count", async () => {
    const { docs, text } = await ask("北岭车主撞车骗保想攞几多钱");
    expect(docs[0]).toBe("f-crash-fraud");
    expect(text).toContain("4.3万元");
  });
});

describe("the whole message's law search and its law's ask's, as one list", () => {
  const hit = (id: string, score: number, rank: number): Hit => ({ passage: { kind: "law", id } as unknown as Passage, score, rank });
  const whole = [hit("a", 10, 1), hit("b", 9, 2), hit("c", 5, 3)];
  const ofAsk = [hit("c", 4, 1), hit("d", 3.6, 2), hit("a", 1, 3)];
  const fused = fuseHits(whole, ofAsk);

  it("a passage both searches rank high leads; one only the law's ask finds enters; scores keep the whole search's scale", () => {
    expect(fused.map((h) => h.passage.id)).toEqual(["c", "a", "b", "d"]);
    expect(fused[0].score).toBeCloseTo(((5 / 10 + 1) / 2) * 10);
    expect(fused.map((h) => h.rank)).toEqual([1, 2, 3, 4]);
  });

  it("either list alone is returned as it is", () => {
    expect(fuseHits(whole, []).map((h) => h.passage.id)).toEqual(["a", "b", "c"]);
    expect(fuseHits([], ofAsk).map((h) => h.passage.id)).toEqual(["c", "d", "a"]);
  });
});

describe("the law's words for what villagers call meat, pigs and brands", () => {
  const expanded = (q: string) => Lexicon.default().match(rewriteWords(q).text).flatMap((m) => m.expansions);
  it("病死猪肉 sold is food short of the safety standard; 唔知点死 is 死因不明", () => {
    expect(expanded("卖病死猪肉畀人食要坐几耐监")).toContain("不符合食品安全标准");
    expect(expanded("饭店用唔知点死嘅猪肉犯唔犯法")).toContain("死因不明");
  });
  it("打水 into a pig is 注水; a dead pig thrown away is 随意弃置; 假冒牌子 is 假冒注册商标", () => {
    expect(expanded("法律有冇讲唔准畀猪打水")).toContain("注水");
    expect(expanded("我屋企猪病死咗 扔落河得唔得")).toContain("随意弃置");
    expect(expanded("卖假冒牌子嘅烟会坐几耐监")).toContain("假冒注册商标");
  });
});
