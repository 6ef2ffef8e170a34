import { expect, it } from "vitest";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { spokenDigits } from "../../src/text/numerals.js";

it("digits read out one by one are written as figures (二零二四年 → 2024年, 九六幺幺零 → 96110)", () => {
  expect(spokenDigits("二零二四年过年那次查酒驾")).toBe("2024年过年那次查酒驾");
  expect(spokenDigits("有个九六幺幺零打过来的电话")).toBe("有个96110打过来的电话");
  expect(spokenDigits("打幺幺零")).toBe("打110");
});

it("positional numerals, pairs and 幺 as a word stay as they are", () => {
  for (const text of ["罚款三百五十块", "九九八十一", "二十五号去办", "幺妹今年十五岁", "一两个人", "三四天"]) expect(spokenDigits(text)).toBe(text);
});

it("the question is searched and read with the figures", () => {
  expect(rewriteWords("二零二四年和乐查了几多起醉架").text).toContain("2024年");
  expect(readAsked("九六幺幺零打来要不要接")).toContain("96110");
});
