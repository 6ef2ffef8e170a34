import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { capturedPageToMarkdown, cleanCapturedPage, detectRegion, parseNames } from "../../src/ingestion/clean-page.js";
import { parseFrontMatter } from "../../src/ingestion/front-matter.js";
import { FIXTURES, HAS_SEED, SHARED_SEED } from "./paths.js";

const fixture = (name: string) => readFile(path.join(FIXTURES, name), "utf8");

describe("cleanCapturedPage on a page shaped like the seed", () => {
  it("extracts title, source, date, reporters and region", async () => {
    const page = cleanCapturedPage(await fixture("captured-page.txt"));
    expect(page.title).toBe("反诈宣传进社区 守护群众“钱袋子”");
    expect(page.source).toBe("人民公安报");
    expect(page.date).toBe("2023-05-08");
    expect(page.authors).toEqual(["李晓明", "陈静", "周涛"]);
    expect(page.region).toBe("浙江省湖州市德清县");
  });

  it("drops header, editor line and footer, keeps paragraphs verbatim without indentation", async () => {
    const raw = await fixture("captured-page.txt");
    const { body } = cleanCapturedPage(raw);
    expect(body).not.toMatch(/普法网|欢迎|责任编辑|本报记者|通讯员/);
    const paragraphs = body.split("\n\n");
    expect(paragraphs[0]).toBe("近日，浙江省湖州市德清县公安局民警走进社区，向居民讲解常见电信网络诈骗手法。");
    expect(paragraphs).toContain("守住钱袋子");
    expect(paragraphs.at(-1)).toBe("据介绍，今年以来当地反诈预警劝阻成功率提升了3.5个百分点。");
    // Verbatim: every paragraph is a trimmed line of the capture.
    const lines = new Set(raw.split("\n").map((l) => l.trim()));
    for (const p of paragraphs) {
      expect(lines.has(p)).toBe(true);
      expect(p).toBe(p.trim());
    }
    expect(body).not.toMatch(/\n{3}/);
  });

  it("handles labelled source lines, breadcrumbs and a navigation footer without an editor line", async () => {
    const page = cleanCapturedPage(await fixture("captured-page-nav.txt"));
    expect(page.title).toBe("醉驾被查后还想“找关系”？民警：法律面前没有例外");
    expect(page.source).toBe("某某晚报");
    expect(page.date).toBe("2023-06-01");
    expect(page.authors).toEqual([]);
    const paragraphs = page.body.split("\n\n");
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe("6月1日凌晨，交警在某路口查获一名醉酒驾驶机动车的驾驶人。");
    expect(page.body).not.toMatch(/相关链接|普法动态|版权所有|当前位置/);
  });

  it("produces Markdown whose front matter reads back", async () => {
    const md = capturedPageToMarkdown(await fixture("captured-page.txt"), { tags: ["反诈"] });
    const fm = parseFrontMatter(md);
    expect(fm.error).toBeUndefined();
    expect(fm.data).toMatchObject({
      title: "反诈宣传进社区 守护群众“钱袋子”",
      source: "人民公安报",
      date: "2023-05-08",
      authors: ["李晓明", "陈静", "周涛"],
      region: "浙江省湖州市德清县",
      tags: ["反诈"],
      url: "",
    });
    expect(fm.body.trim().startsWith("近日，")).toBe(true);
  });
});

describe("helpers", () => {
  it("parseNames joins two-character names padded with spaces", () => {
    expect(parseNames("本报记者   邢东伟 翟小功")).toEqual(["邢东伟", "翟小功"]);
    expect(parseNames("□ 本报通讯员 王  雷")).toEqual(["王雷"]);
    expect(parseNames("记者 张三 通讯员 李四")).toEqual(["张三", "李四"]);
  });

  it("detectRegion finds a province with its city or county, or nothing", () => {
    expect(detectRegion("走在海南省万宁市主要街道上")).toBe("海南省万宁市");
    expect(detectRegion("广东省深圳市南山区警方")).toBe("广东省深圳市南山区");
    expect(detectRegion("北京市公安局")).toBe("北京市");
    expect(detectRegion("来自山西的吕女士")).toBeNull();
  });
});

describe.skipIf(!HAS_SEED)("cleanCapturedPage on the real seed (../shared/data/seed)", () => {
  it("matches the expected metadata and strips the site chrome", async () => {
    const raw = await readFile(SHARED_SEED, "utf8");
    const page = cleanCapturedPage(raw);
    expect(page.title).toBe("万宁公安构筑基层社会治理“平安前哨”");
    expect(page.source).toBe("法治日报");
    expect(page.date).toBe("2021-12-03");
    expect(page.authors).toEqual(["邢东伟", "翟小功", "王雷"]);
    expect(page.region).toBe("海南省万宁市");
    expect(page.body).not.toMatch(/智慧普法平台|责任编辑|欢迎/);
    expect(page.body.startsWith("不管是白天还是夜晚")).toBe(true);
    expect(page.body.endsWith("梁一强说。")).toBe(true);
    expect(page.body.split("\n\n")).toContain("严打犯罪保平安");
  });
});
