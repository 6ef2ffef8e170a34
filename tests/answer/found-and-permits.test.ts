/**
 * Questions of local-fresh84 and 86's kind (wristbands for the lost, lost-and-found, fireworks permits).
 * What is asked: 要70岁先领到 (an age), 要签咩嘢 and 拍边啲位置 (papers and photos), 要带啲乜, the thing counted
 * before 几个. Follow-ups: 嗰度, a bare 这个 or 那个, 咁, 有无 and 点算. Over original fixtures: a shortened name
 * (快处点) read as the title's; an old figure quoted answered by the change, first; where to go (去边度拎) not
 * told by where a thing was found; where a child was found (公交站台); a season's year (27年春节) in the title
 * of a notice issued the year before; 礼拜六 held by 星期六; a move to a 新址 it does not name telling no place.
 */
import { describe, expect, it } from "vitest";
import { looksLikeFollowUp } from "../../src/answer/follow-up.js";
import { readAsked } from "../../src/answer/equivalents.js";
import { askedFor, countedThing } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("what is asked", () => {
  it("要70岁先领到 asks the age from which one may (Cantonese 先 for 才)", () => {
    expect(askedFor("我阿妈67岁 听讲要70岁先领到手环 系唔系真的")).toContain("age");
  });
  it("灭火器要放几个先得 counts the 灭火器, not the 先得 after the count", () => {
    expect(countedThing("卖烟花嘅铺头 灭火器要放几个先得")).toBe("灭火器");
    expect(countedThing("查了几多间民宿")).toBe("民宿");
  });
  it("要带啲乜 asks what to bring, as 要带啲咩 does (啲乜 read as 些什么)", () => {
    expect(askedFor(readAsked("要带啲乜"))).toContain("documents");
  });
  it("拍边啲位置 asks the photos to take (边啲 read as 哪些)", () => {
    expect(askedFor(readAsked("刮到人家车尾 要拍几张相先可以挪车 拍边啲位置"))).toContain("documents");
  });
  it("要签咩嘢 asks the paper one signs", () => {
    expect(askedFor("要签咩嘢")).toContain("documents");
    expect(askedFor("签咗名未")).not.toContain("documents");
  });
});

describe("pointing back", () => {
  it("喺嗰度 (there) and a bare 这个 (办这个) are of the last turn", () => {
    expect(looksLikeFollowUp("定位卡都系喺嗰度领咩 要签咩嘢")).toBe(true);
    expect(looksLikeFollowUp("办这个要交钱咩")).toBe(true);
    expect(looksLikeFollowUp("被骗了打咩电话 反诈那个")).toBe(true);
  });
  it("咁 (那么) opens a follow-up; 有无 asks as 有没有 does, 点搞 as 怎么办", () => {
    expect(looksLikeFollowUp("咁有冇电话可以问下先")).toBe(true);
    expect(looksLikeFollowUp("礼拜六有无开")).toBe(true);
    expect(looksLikeFollowUp("围墙点搞")).toBe(true);
  });
  it("这个 naming a thing of its own (办这个证件), or at the end of a story told, does not point back", () => {
    expect(looksLikeFollowUp("我想问下办这个证件需要准备哪些材料呢")).toBe(false);
    expect(looksLikeFollowUp("我收到条短信话我中咗奖要先交手续费 这个系唔系真嘅")).toBe(false);
  });
});

describe("over a small office", () => {
  const built = fixtureIndex(["tests/fixtures/answer/found-and-permits"]);
  const ask = askerOf(built, "2026-12-01");

  it("快处点 is the title's 快处快赔服务点, not an article that only holds 周六下午", async () => {
    const { docs, text } = await ask("周六下午被人追尾 快处点今日开唔开 几点关门");
    expect(docs[0]).toBe("f-quick-claim");
    expect(text).toContain("8:00—21:00");
  });

  it("an old figure quoted (要70岁先领到) is answered by the notice that changes it, first", async () => {
    const { docs, text } = await ask("我阿妈67岁 听讲要70岁先领到手环 系唔系真的");
    expect(docs[0]).toBe("f-wristband-2024");
    expect(text).toContain("年满65周岁");
  });

  it("a follow-up pointing back with 嗰度 gets the paper to sign", async () => {
    const { docs, text } = await ask("定位卡都系喺嗰度领咩 要签咩嘢", "而家去边度领防走失手环");
    expect(docs[0]).toBe("f-wristband-2024");
    expect(text).toContain("安全使用承诺书");
  });

  it("办这个要交钱咩 after a question on the permit is of the permit", async () => {
    const { docs, text } = await ask("办这个要交钱咩", "申请烟花零售许可要带啲咩材料");
    expect(docs[0]).toBe("f-permit-guide");
    expect(text).toContain("不收取任何费用");
  });

  it("去边度拎 is answered by the place to claim, not by where the things were found", async () => {
    const { docs, text } = await ask("北大失物招令去边度拎 几点开门");
    expect(docs[0]).toBe("f-found-items");
    expect(text).toContain("二楼接待室");
  });

  it("where a lost child was found is told by 在……公交站台旁找到", async () => {
    const { docs, text } = await ask("龙滚嗰个细路仔走失 最后喺边度揾到");
    expect(docs[0]).toBe("f-lost-boy");
    expect(text).toContain("公交站台");
  });

  it("27年春节 names the season of a notice issued in 2026, and its extension's new figure leads", async () => {
    const { docs, text } = await ask("27年春节全市烟花零售点最后定咗几多个 仲系30个咩");
    expect(docs[0]).toBe("f-permit-extended");
    expect(text).toContain("36个");
  });

  it("搬去边 is answered by the new address, not by the sentence moving it to a 新址 it does not name", async () => {
    const { docs, text } = await ask("出入境大厅仲喺红旗路咩 系咪搬咗 搬去边");
    expect(docs[0]).toBe("f-exit-entry-moved");
    expect(text).toContain("光明北路20号");
  });

  it("礼拜六 is held by an article writing 星期六", async () => {
    const { docs, text } = await ask("我平时要返工 礼拜六去办烟花零售证 窗口有人咩");
    expect(docs[0]).toBe("f-permit-extended");
    expect(text).toContain("星期六上午");
  });
});
