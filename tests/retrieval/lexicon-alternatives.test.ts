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
