import { expect, it } from "vitest";
import { surnameReferences } from "../../src/answer/persons.js";

it("a person named by surname (那个姓符的, 姓王嘅) is read as the reports write one (符某, 王某)", () => {
  expect(surnameReferences("我之前见过那个姓符的 现在报线索还有钱拿吗")).toEqual(["符某"]);
  expect(surnameReferences("姓王嘅同姓陈个都系佢哋")).toEqual(["王某", "陈某"]);
  expect(surnameReferences("姓符")).toEqual(["符某"]);
  // 姓名, 百姓: no person named.
  expect(surnameReferences("要写真实姓名吗 老百姓怎么办")).toEqual([]);
});
