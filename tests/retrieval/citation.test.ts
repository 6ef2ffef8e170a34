import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/retrieval/citation-lookup.js";
import { resolveLawName } from "../../src/retrieval/law-aliases.js";
import { find, fixturePassages } from "./helpers.js";

const ps = fixturePassages();
const index = new CitationIndex(ps);
const refs = (q: string) => index.find(q).map((r) => `${r.lawShort}|${r.articleNo.num}-${r.articleNo.sub}`);

describe("CitationIndex.find", () => {
  it.each([
    ["刑法第一百三十三条之一怎么理解", ["刑法|133-1"]],
    ["刑法133条之一", ["刑法|133-1"]],
    ["道交法第91条规定了什么", ["道路交通安全法|91-0"]],
    ["治安管理处罚法第四十九条", ["治安管理处罚法|49-0"]],
    ["《中华人民共和国刑法》第二百六十六条", ["刑法|266-0"]],
    ["治安处罚法第43条和第七十条", ["治安管理处罚法|43-0", "治安管理处罚法|70-0"]],
    ["反诈法第三十一条、刑法第二百八十七条之二", ["反电信网络诈骗法|31-0", "刑法|287-2"]],
    ["民法典第1079条的规定", ["民法典|1079-0"]],
  ])("%s", (q, expected) => {
    expect(refs(q)).toEqual(expected);
  });

  it("ignores article numbers without a law and unknown laws", () => {
    expect(refs("第三条说了什么")).toEqual([]);
    expect(refs("我住在3条街外")).toEqual([]);
    expect(refs("火星法第三条")).toEqual([]);
  });

  it("maps abbreviations", () => {
    expect(resolveLawName("道交法")).toBe("道路交通安全法");
    expect(resolveLawName("中华人民共和国刑法")).toBe("刑法");
    expect(resolveLawName("婚姻法")).toBe("婚姻法");
  });
});

describe("CitationIndex.lookup", () => {
  it("resolves to the passage, current version preferred", () => {
    const [c] = index.lookup("公司法第4条");
    expect(c.passage?.version).toBe("2023-12-29");
    expect(c.passage?.current).toBe(true);
    const [d] = index.lookup("道交法第九十一条");
    expect(d.passage?.id).toBe(find(ps, "道路交通安全法", 91).id);
  });

  it("returns a null passage for an article the library lacks", () => {
    const [c] = index.lookup("刑法第九百九十九条");
    expect(c.passage).toBeNull();
    expect(c.index).toBe(-1);
  });
});
