/**
 * A pinyin keyboard's wrong candidate for a word of the office's (台疯 for 台风, 兴龙 for 兴隆) is read
 * as that word, and so is one of three characters with one mistyped (居住正 for 居住证); a colloquial word
 * the laws never write (转钱, 打到, 打机) is not a typo.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfficeHomophones, soundsLikeOffice } from "../../src/answer/homophones.js";
import type { PufaConfig } from "../../src/config.js";
import type { BuildResult } from "../../src/index/builder.js";
import { buildLocalFixture } from "./helpers.js";

describe("the office's words, heard", () => {
  const office = new OfficeHomophones(["兴隆", "校车", "民宿", "罂粟", "其他", "防盗"]);
  const unknown = () => false;

  it.each([
    ["兴龙植物园附近过年能不能放鞭炮", "兴隆植物园附近过年能不能放鞭炮"],
    ["开学查效车 查了几多架", "开学查校车 查了几多架"],
    ["我在石梅湾开民速的", "我在石梅湾开民宿的"],
    ["后院种了十几棵婴粟", "后院种了十几棵罂粟"],
  ])("%s → %s", (typed, heard) => {
    expect(office.correct(typed, unknown)).toBe(heard);
  });

  it("leaves what is no one-character typo of a word, or is asked, as typed", () => {
    // 骑他 sounds like 其他, but no character of it stays in its place.
    expect(office.correct("成日偷偷骑他老豆的摩托", unknown)).toBe("成日偷偷骑他老豆的摩托");
    // 我是 holds a function word; 是兴 runs across two words.
    expect(office.correct("我是兴隆这边的", unknown)).toBe("我是兴隆这边的");
    // Beside 几 the characters ask (防到几号).
    expect(office.correct("清明防火要防到几号", unknown)).toBe("清明防火要防到几号");
    // A pair the index knows is no typo.
    expect(office.correct("兴龙植物园", (pair) => pair === "兴龙")).toBe("兴龙植物园");
  });

  it("a word spelt in pinyin is read as the one office word or place spelt so (minsu, shimeiwan); ok, app and unknown spellings stay", () => {
    const spelt = new OfficeHomophones(["民宿", "台风", "兴隆"], ["石梅湾"]);
    expect(spelt.correct("我系日月湾开minsu的 那个taifeng通告", unknown)).toBe("我系日月湾开民宿的 那个台风通告");
    expect(spelt.correct("Shimeiwan那边check in要登记吗 ok", unknown)).toBe("石梅湾那边check in要登记吗 ok");
    // Spelt like two of them: no telling which.
    expect(new OfficeHomophones(["民宿", "民俗"]).correct("minsu", unknown)).toBe("minsu");
  });

  it("a word of three characters with one mistyped (居住正, 拖拉鸡, 孔名灯) is read as the office's, even where the typo joins the next word (居住/正要)", () => {
    const triples = new OfficeHomophones([], [], [], [], ["居住证", "拖拉机", "孔明灯"]);
    const common = (pair: string) => ["居住", "正要", "拖拉", "上路", "办证", "要带"].includes(pair);
    expect(triples.correct("办居住正要带啥", common)).toBe("办居住证要带啥");
    expect(triples.correct("拖拉鸡上路要办证吗", common)).toBe("拖拉机上路要办证吗");
    expect(triples.correct("过年能放孔名灯吗", common)).toBe("过年能放孔明灯吗");
  });

  it("a word of three left as typed: written so, sounding like two, its typo's pairs common, or two characters mistyped", () => {
    const common = (pair: string) => ["居住", "住正", "正要"].includes(pair);
    const triples = new OfficeHomophones([], [], [], [], ["居住证", "拖拉机"]);
    // The index holds 住正 and 正要: the characters may be meant as typed.
    expect(triples.correct("办居住正要带啥", common)).toBe("办居住正要带啥");
    // An office article writes it as typed.
    expect(triples.correct("拖拉鸡上路", unknown, unknown, unknown, (t) => t === "拖拉鸡")).toBe("拖拉鸡上路");
    // Sounds like two office words: no telling which.
    expect(new OfficeHomophones([], [], [], [], ["居住证", "居驻证"]).correct("居住正", unknown)).toBe("居住正");
    // Two characters mistyped (拖啦鸡) keep one in its place only.
    expect(triples.correct("拖啦鸡", unknown)).toBe("拖啦鸡");
  });

  it("a typed pair that sounds like two of the office's words is left as typed", () => {
    expect(new OfficeHomophones(["兴隆", "星龙"]).correct("兴龙植物园", unknown)).toBe("兴龙植物园");
  });

  it("a town is heard in any tone, through a function word, or typed as another word no office article writes (后按, 礼记, 万成)", () => {
    const towns = new OfficeHomophones([], ["后安", "礼纪", "万城", "和乐", "北大"]);
    // The laws hold 后按 (之后按照): for a town it is still a typo.
    const lawsKnow = (pair: string) => pair === "后按";
    expect(towns.correct("后按海边啲救生圈有几多个啊", lawsKnow, unknown)).toBe("后安海边啲救生圈有几多个啊");
    expect(towns.correct("礼记小学门口而家仲封路冇", unknown)).toBe("礼纪小学门口而家仲封路冇");
    expect(towns.correct("万成电驴一般几点被偷", unknown)).toBe("万城电驴一般几点被偷");
    expect(towns.correct("北打中学禁毒讲座", unknown)).toBe("北大中学禁毒讲座");
    // A particle is no town's (喝了, 和了); a word keeping no character of the town is another word (完成).
    expect(towns.correct("我和了一局", unknown)).toBe("我和了一局");
    expect(towns.correct("喝了酒开车", unknown)).toBe("喝了酒开车");
    expect(towns.correct("完成登记", unknown)).toBe("完成登记");
    // A word an office article writes is read as written.
    expect(towns.correct("礼记小学", unknown, (w) => w === "礼记")).toBe("礼记小学");
  });
});

describe("over a real index", () => {
  let config: PufaConfig;
  let built: BuildResult;
  beforeAll(async () => {
    ({ config, built } = await buildLocalFixture());
  }, 120_000);
  afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

  it("a title's word (台风) and a place (和乐) are heard through a homophone", () => {
    const heard = soundsLikeOffice(built.searcher);
    expect(heard("台疯来了山根哪段路封了")).toBe("台风来了山根哪段路封了");
    expect(heard("禾乐镇现在准不准放烟花")).toBe("和乐镇现在准不准放烟花");
  });

  it("the people's own words are not typos: a spoken form (打机) and words no title holds (转钱)", () => {
    const heard = soundsLikeOffice(built.searcher);
    expect(heard("细路喺度打机")).toBe("细路喺度打机");
    expect(heard("我妈差点就去转钱了")).toBe("我妈差点就去转钱了");
  });
});
