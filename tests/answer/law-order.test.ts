/** The order the law hits are judged in: the searcher's score, the focus lift and the labelled questions' vote, in one key. */
import { describe, expect, it } from "vitest";
import { FocusLaws } from "../../src/answer/focus-laws.js";
import { orderLawHits, penaltyCompanions, VOTE_LIFT } from "../../src/answer/law-order.js";
import type { Hit, LawPassage } from "../../src/types.js";

function lawHit(lawShort: string, article: string, score: number, vote?: number): Hit {
  const passage = { kind: "law", id: `${lawShort}${article}`, lawShort, lawTitle: `中华人民共和国${lawShort}`, article, text: "", headings: [] } as unknown as LawPassage;
  return { passage, score, rank: 1, ...(vote ? { vote } : {}) } as Hit;
}
const withText = (h: Hit, text: string): Hit => ({ ...h, passage: { ...h.passage, text } as LawPassage });
const names = (hits: Hit[]) => hits.map((h) => `${(h.passage as LawPassage).lawShort}${(h.passage as LawPassage).article}`);

describe("the vote lift", () => {
  const hits = [lawHit("刑法", "第二百六十四条", 2.0), lawHit("刑法", "第二百六十六条", 1.6, 0.3), lawHit("刑法", "第二百七十四条", 1.5), lawHit("刑法", "第二百六十七条", 0.5, 0.2)];

  it("adds the vote, in shares of the first hit's score: a strong vote lifts a near passage first", () => {
    expect(names(orderLawHits(hits, null, { vote: 1 }))).toEqual(["刑法第二百六十六条", "刑法第二百六十四条", "刑法第二百七十四条", "刑法第二百六十七条"]);
  });

  it("a weak vote or a far passage stays where it is; no lift, or no vote, keeps the searcher's order", () => {
    expect(names(orderLawHits(hits, null, { vote: 0.5 }))).toEqual(names(hits));
    expect(names(orderLawHits(hits, null, { vote: 0 }))).toEqual(names(hits));
    const unvoted = hits.map((h) => ({ ...h, vote: undefined }));
    expect(names(orderLawHits(unvoted, null, { vote: VOTE_LIFT }))).toEqual(names(hits));
    expect(orderLawHits([], null)).toEqual([]);
  });
});

describe("both lifts together", () => {
  it("add up in one key: a focus law's passage keeps its lift when another passage has a vote", () => {
    const focus = FocusLaws.parse(["治安管理处罚法"]);
    const hits = [lawHit("人民警察法", "第二条", 2.0), lawHit("刑法", "第二百三十四条", 1.7, 0.1), lawHit("治安管理处罚法", "第四十三条", 1.65)];
    // Focus: 1.65 + 0.4 = 2.05; vote: 1.7 + 0.2 = 1.9; the first 2.0.
    expect(names(orderLawHits(hits, focus, { focus: 0.2, vote: 1 }))).toEqual(["治安管理处罚法第四十三条", "人民警察法第二条", "刑法第二百三十四条"]);
    // Ordered by one lift and then by the other, the focus lift would be lost.
    expect(names(orderLawHits(orderLawHits(hits, focus, { focus: 0.2, vote: 0 }), null, { vote: 1 }))[0]).not.toBe("治安管理处罚法第四十三条");
  });
});

describe("the penalty lift", () => {
  const forbids = withText(lawHit("反电信网络诈骗法", "第三十一条", 2.0), "第三十一条 任何单位和个人不得非法买卖、出租、出借银行账户。");
  const crime = withText(lawHit("刑法", "第二百八十七条之二", 1.9), "第二百八十七条之二 明知他人利用信息网络实施犯罪，为其犯罪提供支付结算等帮助……");
  const fines = withText(lawHit("反电信网络诈骗法", "第四十四条", 1.5), "第四十四条 违反本法第三十一条第一款规定的，没收违法所得……处二十万元以下罚款。");
  const other = withText(lawHit("刑法", "第四十四条", 1.45), "第四十四条 违反本法第二百八十七条之二的……");

  it("asked a fine, the article that fines what a first hit forbids comes before it; the same law only", () => {
    expect(names(orderLawHits([forbids, crime, fines], null, { vote: 0 }, "出租银行卡会不会罚钱"))).toEqual(["反电信网络诈骗法第四十四条", "反电信网络诈骗法第三十一条", "刑法第二百八十七条之二"]);
    // 刑法 cites no 反电信网络诈骗法 article: no lift.
    expect(names(orderLawHits([forbids, other], null, { vote: 0 }, "出租银行卡会不会罚钱"))).toEqual(["反电信网络诈骗法第三十一条", "刑法第四十四条"]);
  });

  it("not asked a fine, or without the lift, the searcher's order stays", () => {
    expect(names(orderLawHits([forbids, crime, fines], null, { vote: 0 }, "出租银行卡违法吗"))).toEqual(["反电信网络诈骗法第三十一条", "刑法第二百八十七条之二", "反电信网络诈骗法第四十四条"]);
    expect(names(orderLawHits([forbids, crime, fines], null, { vote: 0, penalty: 0 }, "出租银行卡会不会罚钱"))).toEqual(["反电信网络诈骗法第三十一条", "刑法第二百八十七条之二", "反电信网络诈骗法第四十四条"]);
  });
});

describe("the fine-amount lift", () => {
  const crime = withText(lawHit("刑法", "第三百四十条", 2.0), "第三百四十条 违反保护水产资源法规，在禁渔区、禁渔期……捕捞水产品，情节严重的，处三年以下有期徒刑、拘役、管制或者罚金。");
  const forbids = withText(lawHit("渔业法", "第三十条", 1.9), "第三十条 禁止使用炸鱼、毒鱼、电鱼等破坏渔业资源的方法进行捕捞。");
  const fines = withText(lawHit("渔业法", "第三十八条", 1.6), "第三十八条 使用炸鱼、毒鱼、电鱼等破坏渔业资源方法进行捕捞的……没收渔获物和违法所得，处五万元以下的罚款。");
  const multiple = withText(lawHit("道路交通安全法", "第九十八条", 1.6), "第九十八条 机动车所有人、管理人未按照国家规定投保机动车第三者责任强制保险的……处依照规定投保最低责任限额应缴纳的保险费的二倍罚款。");

  it("asked how much the fine is, an article that names its amount or multiple comes before one that names none", () => {
    expect(names(orderLawHits([crime, forbids, fines], null, { vote: 0, penalty: 0 }, "禁渔期电鱼被抓到罚几多钱"))).toEqual(["渔业法第三十八条", "刑法第三百四十条", "渔业法第三十条"]);
    expect(names(orderLawHits([crime, forbids, multiple], null, { vote: 0, penalty: 0 }, "交强险过期被查到罚多少"))[0]).toBe("道路交通安全法第九十八条");
  });

  it("asked whether it is fined, or without the lift, the searcher's order stays", () => {
    expect(names(orderLawHits([crime, forbids, fines], null, { vote: 0, penalty: 0 }, "禁渔期电鱼犯法吗"))).toEqual(["刑法第三百四十条", "渔业法第三十条", "渔业法第三十八条"]);
    expect(names(orderLawHits([crime, forbids, fines], null, { vote: 0, penalty: 0, fineAmount: 0 }, "禁渔期电鱼罚几多钱"))).toEqual(["刑法第三百四十条", "渔业法第三十条", "渔业法第三十八条"]);
  });
});

describe("the term lift", () => {
  const traffic = withText(lawHit("道路交通安全法实施条例", "第五十五条", 2.0), "第五十五条 机动车载人应当遵守下列规定：……摩托车后座不得乘坐未满12周岁的未成年人……");
  const theft = withText(lawHit("刑法", "第二百六十四条", 1.7), "第二百六十四条 盗窃公私财物，数额较大的，或者多次盗窃……的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金；");
  const fight = withText(lawHit("治安管理处罚法", "第二十一条", 2.0), "第二十一条 违反治安管理行为人有下列情形之一，依照本法应当给予行政拘留处罚的，不执行行政拘留处罚……");
  const drugs = withText(lawHit("治安管理处罚法", "第七十二条", 1.7), "第七十二条 有下列行为之一的，处十日以上十五日以下拘留，可以并处二千元以下罚款……（三）吸食、注射毒品的；");

  it("asked how long the prison term is, an article setting one comes first; asked how long the detention, one setting its days", () => {
    expect(names(orderLawHits([traffic, theft], null, { vote: 0, penalty: 0 }, "偷摩托车犯法要坐几年牢"))).toEqual(["刑法第二百六十四条", "道路交通安全法实施条例第五十五条"]);
    expect(names(orderLawHits([traffic, theft], null, { vote: 0, penalty: 0 }, "偷摩托车会判几年"))).toEqual(["刑法第二百六十四条", "道路交通安全法实施条例第五十五条"]);
    // 第二十一条 names 行政拘留 but sets no days of it.
    expect(names(orderLawHits([fight, drugs], null, { vote: 0, penalty: 0 }, "后生仔吸咗毒警察捉到要拘留几耐"))).toEqual(["治安管理处罚法第七十二条", "治安管理处罚法第二十一条"]);
    expect(names(orderLawHits([fight, drugs], null, { vote: 0, penalty: 0 }, "吸毒会被关几天"))[0]).toBe("治安管理处罚法第七十二条");
  });

  it("asked whether it is a crime, or without the lift, the searcher's order stays", () => {
    expect(names(orderLawHits([traffic, theft], null, { vote: 0, penalty: 0 }, "偷摩托车犯法吗"))).toEqual(["道路交通安全法实施条例第五十五条", "刑法第二百六十四条"]);
    expect(names(orderLawHits([traffic, theft], null, { vote: 0, penalty: 0, term: 0 }, "偷摩托车要坐几年牢"))).toEqual(["道路交通安全法实施条例第五十五条", "刑法第二百六十四条"]);
    // A prison term asked does not lift a detention's days, nor back.
    expect(names(orderLawHits([fight, drugs, traffic], null, { vote: 0, penalty: 0 }, "吸毒会判几年"))).toEqual(["治安管理处罚法第二十一条", "道路交通安全法实施条例第五十五条", "治安管理处罚法第七十二条"]);
  });
});

describe("the articles that fine what a first hit forbids, from the whole library", () => {
  const passage = (lawShort: string, article: string, text: string, version = "2022-09-02") =>
    ({ kind: "law", id: `${lawShort}${article}-0`, lawShort, lawTitle: `中华人民共和国${lawShort}`, article, text, headings: [], version }) as unknown as LawPassage;
  const forbids = passage("反电信网络诈骗法", "第三十一条", "第三十一条 任何单位和个人不得非法买卖、出租、出借电话卡、物联网卡、电信线路、短信端口、银行账户、支付账户。");
  const fines = passage("反电信网络诈骗法", "第四十四条", "第四十四条 违反本法第三十一条第一款规定的，没收违法所得，由公安机关处违法所得一倍以上十倍以下罚款。");
  const other = passage("反电信网络诈骗法", "第四十二条", "第四十二条 违反本法第十四条、第十五条规定的，处十万元以上五十万元以下罚款。");
  const olderVersion = passage("反电信网络诈骗法", "第四十四条", "第四十四条 违反本法第三十一条规定的，处罚款。", "2021-01-01");
  const library = [forbids, fines, other, olderVersion];
  const hits: Hit[] = [lawHit("刑法", "第二百八十七条之二", 2.0), lawHit("治安管理处罚法", "第十九条", 1.8), { passage: forbids, score: 1.5, rank: 3 }];

  it("asked a fine, adds the article citing 违反本法第三十一条 of the same version, just under the article it fines", () => {
    const added = penaltyCompanions(hits, library, "出租银行卡会唔会罚钱");
    expect(added.map((h) => h.passage.id)).toEqual(["反电信网络诈骗法第四十四条-0"]);
    expect(added[0].score).toBeLessThan(1.5);
    // The penalty lift then judges it with the others.
    expect(names(orderLawHits([...hits, ...added], null, {}, "出租银行卡会唔会罚钱"))).toContain("反电信网络诈骗法第四十四条");
  });

  it("adds nothing when no fine is asked, without the library, or when search already returned it", () => {
    expect(penaltyCompanions(hits, library, "出租银行卡犯法吗")).toEqual([]);
    expect(penaltyCompanions(hits, null, "出租银行卡会唔会罚钱")).toEqual([]);
    expect(penaltyCompanions([...hits, { passage: fines, score: 0.2, rank: 4 }], library, "出租银行卡会唔会罚钱")).toEqual([]);
  });
});

describe("a law's fines for its rules at large", () => {
  const passage = (article: string, text: string, headings = ["第七章 法律责任"]) =>
    ({ kind: "law", id: `道路交通安全法${article}-0`, lawShort: "道路交通安全法", lawTitle: "中华人民共和国道路交通安全法", article, text, headings, version: "2021-04-29" }) as unknown as LawPassage;
  const rule = passage("第五十一条", "第五十一条 机动车行驶时，驾驶人、乘坐人员应当按规定使用安全带，摩托车驾驶人及乘坐人员应当按规定戴安全头盔。", ["中华人民共和国道路交通安全法", "第四章 道路通行规定", "第一节 一般规定"]);
  const licence = passage("第十九条", "第十九条 驾驶机动车，应当依法取得机动车驾驶证。", ["中华人民共和国道路交通安全法", "第二章 车辆和驾驶人", "第二节 机动车驾驶人"]);
  const walkers = passage("第八十九条", "第八十九条 行人、乘车人、非机动车驾驶人违反道路交通安全法律、法规关于道路通行规定的，处警告或者五元以上五十元以下罚款。");
  const drivers = passage("第九十条", "第九十条 机动车驾驶人违反道路交通安全法律、法规关于道路通行规定的，处警告或者二十元以上二百元以下罚款。本法另有规定的，依照规定处罚。");
  const parking = passage("第九十三条", "第九十三条 对违反道路交通安全法律、法规关于机动车停放、临时停车规定的，可以指出违法行为，并予以口头警告，令其立即驶离。\n\n机动车驾驶人不在现场……处二十元以上二百元以下罚款。");
  const fines = passage("第九十一条", "第九十一条 饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证，并处一千元以上二千元以下罚款。");
  const library = [rule, walkers, drivers, parking, fines];
  const hits: Hit[] = [{ passage: rule, score: 2.0, rank: 1 }];
  const added = (question: string, about = question) => penaltyCompanions(hits, library, question, about).map((h) => (h.passage as LawPassage).article);

  it("asked a fine for a rule that sets none, adds the one on the question's matter: a motorcyclist's is the drivers', an e-bike rider's the non-motor vehicles'", () => {
    expect(added("骑摩托不戴头盔罚多少", "骑摩托不戴头盔罚多少 摩托车驾驶人及乘坐人员 戴安全头盔")).toEqual(["第九十条"]);
    expect(added("电动自行车不戴头盔罚多少", "电动自行车不戴头盔罚多少 非机动车")).toEqual(["第八十九条"]);
  });

  it("adds none for a rule with its own penalty, a rule of another kind (a licence is no 道路通行 rule), or when no fine is asked", () => {
    expect(penaltyCompanions([{ passage: fines, score: 2.0, rank: 1 }], library, "喝酒开车罚多少")).toEqual([]);
    expect(penaltyCompanions([{ passage: licence, score: 2.0, rank: 1 }], [...library, licence], "没驾照开摩托车罚多少")).toEqual([]);
    expect(added("骑摩托要戴头盔吗")).toEqual([]);
  });

  it("lifts the one on the matter above the rule when both were found", () => {
    const found: Hit[] = [
      { passage: rule, score: 2.0, rank: 1 },
      { passage: walkers, score: 1.2, rank: 2 },
      { passage: drivers, score: 1.1, rank: 3 },
    ];
    const order = orderLawHits(found, null, { vote: 0, fineAmount: 0 }, "骑摩托不戴头盔罚不罚", "骑摩托不戴头盔罚不罚 摩托车驾驶人及乘坐人员").map((h) => (h.passage as LawPassage).article);
    expect(order.indexOf("第九十条")).toBeLessThan(order.indexOf("第八十九条"));
  });
});
