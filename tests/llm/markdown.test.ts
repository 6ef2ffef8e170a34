import { describe, expect, it } from "vitest";
import { stripMarkdown, stripThinking } from "../../src/llm/markdown.js";

describe("stripMarkdown", () => {
  it("removes emphasis, headings, bullets, quotes and code but keeps the words", () => {
    const md = "## 结论\n**醉驾**属于*危险驾驶*[1]。\n- 第一点：`处拘役`[1]\n* 第二点\n> 引用的话\n```\n代码\n```\n---";
    expect(stripMarkdown(md)).toBe("结论\n醉驾属于危险驾驶[1]。\n第一点：处拘役[1]\n第二点\n引用的话\n代码");
  });

  it("keeps [n] markers, turns [1](url) and [^1] into [1], and links into their text", () => {
    expect(stripMarkdown("见[1](https://x.cn)和[^2]，详见[司法部网站](https://www.moj.gov.cn)。")).toBe("见[1]和[2]，详见司法部网站。");
  });

  it("turns a numbered list into 1、 and a table into plain rows", () => {
    expect(stripMarkdown("1. 饮酒驾驶\n2) 醉酒驾驶")).toBe("1、饮酒驾驶\n2、醉酒驾驶");
    expect(stripMarkdown("| 行为 | 处罚 |\n|---|---|\n| 醉驾 | 拘役 |")).toBe("行为，处罚\n醉驾，拘役");
  });

  it("leaves plain text alone", () => {
    const plain = "醉驾的，「处拘役，并处罚金」[1]。\n饮酒后驾驶的，暂扣驾驶证[2]。";
    expect(stripMarkdown(plain)).toBe(plain);
  });
});

describe("stripThinking", () => {
  it("removes reasoning blocks, closed or cut off", () => {
    expect(stripThinking("<think>想一想</think>答案[1]。")).toBe("答案[1]。");
    expect(stripThinking("推理过程</think>答案[1]。")).toBe("答案[1]。");
    expect(stripThinking("答案[1]。<think>没写完")).toBe("答案[1]。");
  });
});
