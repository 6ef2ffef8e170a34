import { describe, expect, it } from "vitest";
import { findQuantities, quantityKey } from "../../src/llm/quantities.js";

describe("findQuantities", () => {
  it("reads Arabic and Chinese numerals with their unit", () => {
    const keys = (s: string) => findQuantities(s).map(quantityKey);
    expect(keys("处暂扣六个月机动车驾驶证，并处一千元以上二千元以下罚款")).toEqual(["6month", "1000yuan", "2000yuan"]);
    expect(keys("拘留10天，罚款1,000元，或者1万元")).toEqual(["10day", "1000yuan", "10000yuan"]);
    expect(keys("处十日以下拘留；五年内不得重新取得")).toEqual(["10day", "5year"]);
  });

  it("ignores ordinals and words without a number", () => {
    expect(findQuantities("第二年再犯的，每月检查，千万不要开车，十分危险")).toEqual([]);
  });
});
