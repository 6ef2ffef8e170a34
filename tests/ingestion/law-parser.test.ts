import { describe, expect, it } from "vitest";
import { lawVersionFromName, parseLawDocument, parseLawFile } from "../../src/ingestion/law-parser.js";

const E = "\u2002";

function roundTrip(text: string, passages: { text: string; start: number; end: number }[]): void {
  for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
}

describe("parseLawFile", () => {
  const criminal = [
    "# 中华人民共和国刑法",
    "",
    "1979年7月1日 通过",
    "",
    "第九十九条 历史区里的假条文，应被跳过。",
    "",
    "<!-- INFO END -->",
    "",
    "## 第二编 分则",
    "",
    "### 第二章 危害公共安全罪",
    "",
    "第一百三十三条 违反交通运输管理法规，因而发生重大事故的，处三年以下有期徒刑或者拘役。",
    "",
    "第一百三十三条之一 在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：",
    "",
    "（一）追逐竞驶，情节恶劣的；",
    "",
    "（二）醉酒驾驶机动车的。",
    "",
    "",
    "第一百三十三条之二\u3000对行驶中的公共交通工具的驾驶人员使用暴力的，处一年以下有期徒刑。",
    "",
    "#### 第一节 某节",
    "",
    "第二百八十七条之二 明知他人利用信息网络实施犯罪的……",
    "",
  ].join("\n");

  it("reads 第X条 and 第X条之N with Chinese numerals, after any whitespace kind", () => {
    const ps = parseLawFile(criminal, "刑法/刑法.md", "刑法");
    expect(ps.map((p) => p.article)).toEqual(["第一百三十三条", "第一百三十三条之一", "第一百三十三条之二", "第二百八十七条之二"]);
    expect(ps.map((p) => p.articleNo)).toEqual([
      { num: 133, sub: 0 },
      { num: 133, sub: 1 },
      { num: 133, sub: 2 },
      { num: 287, sub: 2 },
    ]);
    expect(ps[1].id).toBe("law:刑法/刑法.md#133-1");
  });

  it("skips the history lines before INFO END", () => {
    const ps = parseLawFile(criminal, "刑法/刑法.md", "刑法");
    expect(ps.some((p) => p.articleNo.num === 99)).toBe(false);
  });

  it("takes all paragraphs of an article, verbatim, up to the next article or heading", () => {
    const ps = parseLawFile(criminal, "刑法/刑法.md", "刑法");
    expect(ps[1].text).toBe(
      "第一百三十三条之一 在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：\n\n（一）追逐竞驶，情节恶劣的；\n\n（二）醉酒驾驶机动车的。",
    );
    roundTrip(criminal, ps);
    expect(ps[2].text.endsWith("有期徒刑。")).toBe(true);
  });

  it("fills title, lawShort, category, headings and version", () => {
    const ps = parseLawFile(criminal, "刑法/刑法.md", "刑法");
    expect(ps[0]).toMatchObject({
      kind: "law",
      lawTitle: "中华人民共和国刑法",
      lawShort: "刑法",
      category: "刑法",
      version: null,
      current: true,
      headings: ["第二编 分则", "第二章 危害公共安全罪"],
    });
    expect(ps[3].headings).toEqual(["第二编 分则", "第二章 危害公共安全罪", "第一节 某节"]);
  });

  it("handles the 民法典 layout: a second H1 is the outermost heading, U+2002 spaces collapse", () => {
    const text = [
      "# 中华人民共和国民法典",
      "",
      "# 婚姻家庭编",
      "",
      "2020年5月28日 通过",
      "",
      "<!-- INFO END -->",
      "",
      `## 第四章${E}${E}离${E}${E}婚`,
      "",
      "第一千零七十九条 夫妻一方要求离婚的，可以由有关组织进行调解。",
      "",
      "人民法院审理离婚案件，应当进行调解。",
      "",
    ].join("\n");
    const [p] = parseLawFile(text, "民法典/婚姻家庭编.md", "民法典");
    expect(p.lawTitle).toBe("中华人民共和国民法典");
    expect(p.lawShort).toBe("民法典");
    expect(p.headings).toEqual(["婚姻家庭编", "第四章 离 婚"]);
    expect(p.articleNo).toEqual({ num: 1079, sub: 0 });
    expect(p.text).toBe("第一千零七十九条 夫妻一方要求离婚的，可以由有关组织进行调解。\n\n人民法院审理离婚案件，应当进行调解。");
    roundTrip(text, [p]);
  });

  it("gives no passages for an amendment file that lists 一、二、…", () => {
    const text = "# 中华人民共和国刑法修正案（十二）\n\n2023年12月29日 通过\n\n<!-- INFO END -->\n\n一、在刑法第一百六十五条中增加一款。\n\n二、本修正案自2024年3月1日起施行。\n";
    expect(parseLawFile(text, "刑法/刑法修正案（十二）(2023-12-29).md", "刑法")).toEqual([]);
  });

  it("does not take a paragraph that merely starts with 第X条的 for an article", () => {
    const text = "# 某法\n\n<!-- INFO END -->\n\n第一条 正文。\n\n第三十一条的规定，适用于前款。\n";
    const ps = parseLawFile(text, "x/某法.md", "x");
    expect(ps).toHaveLength(1);
    expect(ps[0].text).toBe("第一条 正文。\n\n第三十一条的规定，适用于前款。");
  });

  it("accepts the typo 第X 条 and reports it", () => {
    const text = "# 某法\n\n<!-- INFO END -->\n\n第一百二十七条 正文一。\n\n第一百二十八 条侦查人员应当进行勘验。\n";
    const doc = parseLawDocument(text, "x/某法.md", "x");
    expect(doc.passages.map((p) => p.articleNo.num)).toEqual([127, 128]);
    expect(doc.passages[1].article).toBe("第一百二十八条");
    expect(doc.warnings.join("\n")).toMatch(/第一百二十八 条/);
    roundTrip(text, doc.passages);
  });

  it("splits several articles written on one line", () => {
    const text = "# 某规则\n\n<!-- INFO END -->\n\n第十一条 空域管理应当统一规划。 第十二条 空域应当合理利用。 第十三条 另一条。\n";
    const ps = parseLawFile(text, "x/某规则.md", "x");
    expect(ps.map((p) => p.text)).toEqual(["第十一条 空域管理应当统一规划。", "第十二条 空域应当合理利用。", "第十三条 另一条。"]);
    roundTrip(text, ps);
  });

  it("ends the last article before an appendix and at <!-- --> markers", () => {
    const text = "# 某法\n\n<!-- INFO END -->\n\n第九条 本法自公布之日起施行。\n\n附件：某某表\n\n（一）能源\n\n第十条 正文。\n\n<!-- TABLE -->\n\n| a | b |\n";
    const ps = parseLawFile(text, "x/某法.md", "x");
    expect(ps.map((p) => p.text)).toEqual(["第九条 本法自公布之日起施行。", "第十条 正文。"]);
  });

  it("keeps ids unique when a file repeats an article number", () => {
    const text = "# 某法\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第一条 乙。\n\n第一条 丙。\n";
    const doc = parseLawDocument(text, "x/某法.md", "x");
    expect(doc.passages.map((p) => p.id)).toEqual(["law:x/某法.md#1-0", "law:x/某法.md#1-0~2", "law:x/某法.md#1-0~3"]);
    expect(doc.warnings).toHaveLength(1);
  });

  it("keeps offsets exact with CRLF line ends", () => {
    const text = "# 某法\r\n\r\n<!-- INFO END -->\r\n\r\n## 第一章\u3000总则\r\n\r\n第一条 甲。\r\n\r\n第二款。\r\n\r\n第二条 乙。\r\n";
    const ps = parseLawFile(text, "x/某法.md", "x");
    expect(ps.map((p) => p.text)).toEqual(["第一条 甲。\r\n\r\n第二款。", "第二条 乙。"]);
    expect(ps[0].headings).toEqual(["第一章 总则"]);
    roundTrip(text, ps);
  });

  it("uses the file name when the H1 is missing, with a warning", () => {
    const doc = parseLawDocument("第一条 甲。\n", "其他/某条例(2001-02-03).md", "其他");
    expect(doc.title).toBe("某条例");
    expect(doc.version).toBe("2001-02-03");
    expect(doc.passages).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(/no "# title"/);
  });
});

describe("lawVersionFromName", () => {
  it("reads the date in parentheses only", () => {
    expect(lawVersionFromName("民法商法/公司法(2023-12-29).md")).toBe("2023-12-29");
    expect(lawVersionFromName("宪法/宪法修正案（1988年）.md")).toBeNull();
    expect(lawVersionFromName("刑法/刑法.md")).toBeNull();
  });
});
