/** Amounts a question states and the tiers a notice or law sets: which tier holds the amount. */
import { expect, it } from "vitest";
import { statedQuantities, tierHolds, tiersIn } from "../../src/text/quantities.js";

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
