/** An "A+B" key's part may name alternatives (12岁+打|偷): any one of them will do. */
import { describe, expect, it } from "vitest";
import { Lexicon } from "../../src/retrieval/lexicon.js";

describe("a lexicon key with alternatives in a part", () => {
  const lexicon = Lexicon.parse(["12岁+打|偷|伤 不满十四周岁", "狗+咬 饲养的动物"]);
  const keys = (q: string) => lexicon.match(q).map((m) => m.key);

  it("matches when every part has one of its alternatives", () => {
    expect(keys("12岁的孩子偷东西")).toEqual(["12岁+打|偷|伤"]);
    expect(keys("12岁的孩子把人打伤了")).toEqual(["12岁+打|偷|伤"]);
  });

  it("does not match when a part has none of them, and plain A+B keys work as before", () => {
    expect(keys("12岁小孩可以坐副驾驶吗")).toEqual([]);
    expect(keys("被狗咬了")).toEqual(["狗+咬"]);
  });
});

describe("the shipped lexicon", () => {
  it("hurt while helping (追, 救, 拦) and asking who pays reads as 保护他人民事权益 (民法典第一百八十三条's words)", () => {
    const keys = (q: string) => Lexicon.default().match(q).map((m) => m.key);
    expect(keys("看到有人抢包上去追，自己摔伤了，医药费谁出")).toContain("救|追|拦+伤+医药费|医疗费|谁出|谁赔");
    // Hurt, and asking who pays, without helping anyone: no such reading.
    expect(keys("在工地摔伤了医药费谁出")).not.toContain("救|追|拦+伤+医药费|医疗费|谁出|谁赔");
  });
});

describe("the shipped lexicon on typhoons and private lotteries", () => {
  const keys = (q: string) => Lexicon.default().match(q).map((m) => m.key);

  it("a road closed in a typhoon reads as 恶劣气象条件's traffic control; refusing to leave as 拒不执行 an emergency order", () => {
    expect(keys("打风交警把滨海公路封了 有无法律讲可以封")).toContain("台风|打风|暴雨+封+可以|凭什么|有权|合法|法律|规定");
    // Asked the fine for driving through, not whether closing is lawful: the fine's articles, not 第四十条.
    expect(keys("台风封路那阵硬冲卡点 这样会点罚啊")).not.toContain("台风|打风|暴雨+封+可以|凭什么|有权|合法|法律|规定");
    expect(keys("打风叫转移死活不肯走 法律上罚几多")).toContain("台风|打风|暴雨|洪水+不肯走|不肯离开|不肯转移|不肯撤离|不肯搬|不走");
    // Moving property and refusing to give it back is no emergency.
    expect(keys("老公转移财产 不肯走法律程序")).not.toContain("台风|打风|暴雨|洪水+不肯走|不肯离开|不肯转移|不肯撤离|不肯搬|不走");
  });

  it("driving after taking drugs reads as 道路交通安全法第二十二条's 服用国家管制的精神药品", () => {
    expect(keys("溜冰后开车被查到会咋样")).toContain("吸毒|溜冰|吸了毒|吸过毒+开车|驾驶|揸车|开摩托");
    expect(keys("法律上吸了毒能开车不")).toContain("吸毒|溜冰|吸了毒|吸过毒+开车|驾驶|揸车|开摩托");
  });

  it("买码, 字花 and 坐庄 read as 赌博", () => {
    expect(keys("阿公天天去买码")).toContain("买码");
    expect(keys("大茂那对夫妻坐庄收码 犯的咩罪")).toEqual(expect.arrayContaining(["坐庄", "收码"]));
  });
});
