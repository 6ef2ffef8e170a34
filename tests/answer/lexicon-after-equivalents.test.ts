/**
 * The answer engine rewrites a question with equivalents.txt (驾照 → 驾驶证, 电动车 → 电动自行车) before
 * the searcher's lexicon reads it, so a lexicon key holding a spoken word must also be there in the
 * written form, or it never fires for a citizen's question.
 */
import { describe, expect, it } from "vitest";
import { applyEquivalents } from "../../src/answer/equivalents.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";

describe("lexicon keys after the equivalents", () => {
  const lexicon = Lexicon.default();
  const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);

  it.each([
    ["没驾照开车被抓了", "未取得机动车驾驶证"],
    ["电动车被交警罚款合理吗", "非机动车驾驶人"],
    ["过年在城里放炮犯法吗", "燃放烟花爆竹"],
    ["故意把车牌遮起来会怎样", "机动车号牌"],
    // A typo the equivalents mend (架照 → 驾驶证) reaches the key written for it.
    ["没有架照开三轮车被逮到了", "未取得机动车驾驶证"],
    // 狗 is read as 犬只, the articles' and the laws' word; the dog keys are there in both forms.
    ["被邻居家的狗咬了", "饲养的动物"],
    ["邻居家狗叫个不停", "干扰他人正常生活"],
    // 电鸡 is an electric bike; 坐监 is prison; a crop stolen is 盗窃; 不肯交罚款, 拖走 the bike.
    ["冇戴头盔骑电鸡俾交警罚款", "非机动车驾驶人"],
    ["偷人哋槟榔系唔系要坐监", "盗窃"],
    ["唔肯交罚款 会唔会拖走佢架车", "拒绝接受罚款处罚"],
  ])("%s still reads %s", (q, expansion) => {
    expect(expansions(q)).toContain(expansion);
  });

  // 偷偷走去水库 is going secretly, not 偷走 (stealing).
  it("偷偷走去 reads no theft", () => {
    expect(expansions("暑假我个仔偷偷走去水库游水")).not.toContain("盗窃");
  });

  // A child's age is a legal matter beside an act or a consequence, not in a question about a car seat.
  it("12岁, 十三岁 read 不满十四周岁 only beside an act or a consequence", () => {
    expect(expansions("12岁的孩子把人打伤了要坐牢吗")).toContain("不满十四周岁");
    expect(expansions("十三岁的孩子偷了邻居家的鸡")).toContain("不满十四周岁");
    expect(expansions("12岁小孩可以坐副驾驶吗")).not.toContain("不满十四周岁");
    expect(expansions("孩子13岁可以自己去办身份证吗")).not.toContain("不满十四周岁");
  });
});

describe("lexicon keys about the police themselves", () => {
  const lexicon = Lexicon.default();
  const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);

  // Nearly every citizen's question mentions the police; only one that does something to them reads 袭警.
  it.each([
    ["过年打麻将一把输赢几十块钱，警察来了会抓人不", false],
    ["男人喝了酒就打我，我报警的话警察能做啥", false],
    ["他喝醉了打了警察一拳，会判刑吗", true],
    ["酒后打伤警察怎么处理", true],
  ])("%s reads 袭警: %s", (q, reads) => {
    expect(expansions(q).includes("袭警")).toBe(reads);
  });
});
