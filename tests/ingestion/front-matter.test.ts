import { describe, expect, it } from "vitest";
import { parseFrontMatter, serializeFrontMatter } from "../../src/ingestion/front-matter.js";

describe("parseFrontMatter", () => {
  it("parses YAML 1.2: dates stay strings; bodyOffset points at the body", () => {
    const src = "---\ntitle: 标题\ndate: 2021-12-03\ntags: [反诈, 酒驾]\n---\n\n正文。\n";
    const fm = parseFrontMatter(src);
    expect(fm.error).toBeUndefined();
    expect(fm.data).toEqual({ title: "标题", date: "2021-12-03", tags: ["反诈", "酒驾"] });
    expect(fm.body).toBe("\n正文。\n");
    expect(src.slice(fm.bodyOffset)).toBe(fm.body);
  });

  it("handles CRLF and an empty block", () => {
    const crlf = parseFrontMatter("---\r\ntitle: x\r\n---\r\nbody");
    expect(crlf.data).toEqual({ title: "x" });
    expect(crlf.body).toBe("body");
    expect(parseFrontMatter("---\n---\nbody")).toEqual({ data: {}, body: "body", bodyOffset: 8 });
  });

  it("returns the whole text as body when there is no front matter", () => {
    expect(parseFrontMatter("# 标题\n正文")).toEqual({ data: {}, body: "# 标题\n正文", bodyOffset: 0 });
  });

  it("reports malformed YAML without throwing, ignores its fields and keeps the text after the block as body", () => {
    const src = "---\ntitle: [未闭合\n---\n正文";
    const fm = parseFrontMatter(src);
    expect(fm.error).toBeTruthy();
    expect(fm.data).toEqual({});
    expect(fm.body).toBe("正文");
    expect(src.slice(fm.bodyOffset)).toBe(fm.body);
    expect(parseFrontMatter("---\na: 1\na: 2\n---\nx").error).toMatch(/unique/i);
    expect(parseFrontMatter("---\n- a\n---\nx").error).toMatch(/mapping/);
    expect(parseFrontMatter("---\ntitle: x\nno closing line").error).toMatch(/closing/);
  });
});

describe("serializeFrontMatter", () => {
  it("round-trips values as strings, including date-like and number-like ones", () => {
    const data = { title: "万宁公安构筑“平安前哨”", date: "2021-12-03", code: "0123", yes: "true", tags: ["反诈", "扫黑除恶"], url: "" };
    const md = serializeFrontMatter(data, "正文第一段。\n\n第二段。");
    expect(md).toContain('date: "2021-12-03"');
    expect(md).toContain('tags: ["反诈", "扫黑除恶"]');
    const back = parseFrontMatter(md);
    expect(back.data).toEqual(data);
    expect(back.body.trim()).toBe("正文第一段。\n\n第二段。");
    expect(md.endsWith("\n")).toBe(true);
  });
});
