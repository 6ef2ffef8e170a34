/** Amounts a question states and the tiers a notice or law sets: which tier holds the amount. */
import { describe, expect, it } from "vitest";
import { roughSumHeld, roughSums, statedQuantities, tierHolds, tiersIn } from "../../src/text/quantities.js";

it("reads amounts as people state them", () => {
  expect(statedQuantities("成五六百株咁多")).toEqual([{ value: 550, unit: "株" }]);
  expect(statedQuantities("偷了两千多块会不会坐牢")).toEqual([{ value: 2000, unit: "元" }]);
  expect(statedQuantities("我阿公62岁了还能报名吗")).toEqual([{ value: 62, unit: "岁" }]);
  expect(statedQuantities("喝了点酒开车")).toEqual([]);
});

it("reads a notice's and a law's tiers, not a list item's number", () => {
  expect(tiersIn("2.50株以上不满500株的，奖励2000元；")).toEqual([{ from: 50, below: 500, unit: "株" }]);
  expect(tiersIn("1.举报非法种植罂粟不满50株的，奖励500元；")).toEqual([{ from: 0, below: 50, unit: "株" }]);
  expect(tiersIn("3.500株以上的，奖励5000元。")).toEqual([{ from: 500, below: Infinity, unit: "株" }]);
  expect(tiersIn("种植罂粟五百株以上不满三千株的")).toEqual([{ from: 500, below: 3000, unit: "株" }]);
});

it("a tier holds an amount in its own measure only", () => {
  const stated = statedQuantities("成五六百株");
  expect(tierHolds(stated, "500株以上的，奖励5000元")).toBe(true);
  expect(tierHolds(stated, "50株以上不满500株的，奖励2000元")).toBe(false);
  expect(tierHolds(stated, "奖励500元以上")).toBe(false);
  expect(tierHolds(statedQuantities("62岁"), "年龄放宽为18周岁至65周岁")).toBe(true);
  expect(tierHolds(statedQuantities("70岁"), "年龄放宽为18周岁至65周岁")).toBe(false);
});

describe("sums told roughly", () => {
  it("五十多万, 一万多, 八万几, 两千多块 span the next step of their last place", () => {
    expect(roughSums("杀猪盘骗了五十多万")).toEqual([{ from: 500000, below: 600000 }]);
    expect(roughSums("被骗了一万多")).toEqual([{ from: 10000, below: 20000 }]);
    expect(roughSums("骗了八万几")).toEqual([{ from: 80000, below: 90000 }]);
    expect(roughSums("被骗了两千多块")).toEqual([{ from: 2000, below: 3000 }]);
    expect(roughSums("被骗了1万多")).toEqual([{ from: 10000, below: 20000 }]);
  });

  it("a count told roughly is no sum (五十多个人, 十几个人, 二十多岁)", () => {
    expect(roughSums("抓了五十多个人")).toEqual([]);
    expect(roughSums("塞了十几个人")).toEqual([]);
    expect(roughSums("二十多岁的后生")).toEqual([]);
  });

  it("a sentence stating a sum within the one told holds it", () => {
    expect(roughSumHeld(roughSums("骗了五十多万"), "先后18次转账共58.6万元")).toBe(true);
    expect(roughSumHeld(roughSums("骗了五十多万"), "冻结涉案资金21.3万元")).toBe(false);
    expect(roughSumHeld(roughSums("被骗了一万多"), "被骗12800元")).toBe(true);
  });
});
