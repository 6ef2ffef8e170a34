import { describe, expect, it } from "vitest";
import { splitClauses, splitSentences } from "../../src/text/sentences.js";

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe("splitSentences", () => {
  it("splits at Chinese and ASCII terminators and keeps the terminator", () => {
    expect(texts("开车不喝酒。喝酒不开车！记住了吗？记住了；好的!真的?")).toEqual([
      "开车不喝酒。",
      "喝酒不开车！",
      "记住了吗？",
      "记住了；",
      "好的!",
      "真的?",
    ]);
  });

  it("never splits inside numbers", () => {
    expect(texts("破案率上升11.6%，涉案1,000余元。共3.5万人。")).toEqual(["破案率上升11.6%，涉案1,000余元。", "共3.5万人。"]);
  });

  it("keeps a quotation whole and its closing quote with the sentence", () => {
    expect(texts("“我来自首。”11月15日，他到派出所投案。")).toEqual(["“我来自首。”", "11月15日，他到派出所投案。"]);
    expect(texts("他说：“不要转账！先核实。我是民警。”然后离开了。")).toEqual([
      "他说：“不要转账！先核实。我是民警。”",
      "然后离开了。",
    ]);
    expect(texts("「先挂断，再核实。」民警说")).toEqual(["「先挂断，再核实。」民警说"]);
  });

  it("keeps a short attribution tail with the quotation it follows", () => {
    expect(texts("“下一步，我们将继续努力。”梁某说。记者了解到，活动还在继续。")).toEqual([
      "“下一步，我们将继续努力。”梁某说。",
      "记者了解到，活动还在继续。",
    ]);
  });

  it("keeps closing brackets and repeated terminators attached", () => {
    expect(texts("（详见附件。）下一句。真的吗？！是的。")).toEqual(["（详见附件。）", "下一句。", "真的吗？！", "是的。"]);
  });

  it("does not split a URL at ? or ;", () => {
    expect(texts("详见http://a.example/x?y=1;z=2 页面。下一句。")).toEqual(["详见http://a.example/x?y=1;z=2 页面。", "下一句。"]);
  });

  it("treats a line break as a boundary, and an unbalanced quote only affects its own line", () => {
    expect(texts("标题一行\n“没有闭合。第二句。\n下一段。")).toEqual(["标题一行", "“没有闭合。", "第二句。", "下一段。"]);
  });

  it("returns offsets into the original text (plus offset) without surrounding whitespace", () => {
    const src = "  　第一句。  第二句！\n\n\u3000\u3000第三句？  ";
    const out = splitSentences(src, 100);
    expect(out.map((s) => s.text)).toEqual(["第一句。", "第二句！", "第三句？"]);
    for (const s of out) expect(src.slice(s.start - 100, s.end - 100)).toBe(s.text);
  });

  it("returns nothing for blank text and the whole text when there is no terminator", () => {
    expect(splitSentences("  \n \u3000 ")).toEqual([]);
    expect(texts("严打犯罪保平安")).toEqual(["严打犯罪保平安"]);
  });
});

describe("splitClauses", () => {
  it("also splits at commas outside quotations and numbers", () => {
    expect(splitClauses("共1,200余份，时间10:30，“不要，不要。”他说，走吧").map((s) => s.text)).toEqual([
      "共1,200余份，",
      "时间10:30，",
      "“不要，不要。”",
      "他说，",
      "走吧",
    ]);
  });
});
