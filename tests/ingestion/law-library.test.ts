import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLawLibrary, pickCurrent } from "../../src/ingestion/law-library.js";
import { FIXTURES, HAS_LAWS, SHARED_LAWS } from "./paths.js";

const ROOT = path.join(FIXTURES, "laws");

describe("loadLawLibrary on the fixture library", () => {
  it("reads every file, with categories from the top folder and exact offsets", async () => {
    const progress: Array<[number, number]> = [];
    const lib = await loadLawLibrary(ROOT, { onProgress: (d, t) => progress.push([d, t]) });
    expect(lib.files).toHaveLength(11);
    expect(progress.at(-1)).toEqual([11, 11]);
    const criminal = lib.passages.filter((p) => p.file === "刑法/刑法.md");
    expect(criminal.map((p) => p.article)).toEqual(["第一条", "第十七条之一", "第一百三十三条之一", "第二百八十七条之二"]);
    expect(criminal.every((p) => p.category === "刑法")).toBe(true);
    for (const p of lib.passages) {
      const text = await readFile(path.join(ROOT, p.file), "utf8");
      expect(text.slice(p.start, p.end)).toBe(p.text);
    }
    expect(new Set(lib.passages.map((p) => p.id)).size).toBe(lib.passages.length);
  });

  it("gives no articles for the amendment file but lists it", async () => {
    const lib = await loadLawLibrary(ROOT);
    const amendment = lib.files.find((f) => f.file.includes("修正案"));
    expect(amendment).toMatchObject({ articles: 0, version: "2023-12-29", title: "中华人民共和国刑法修正案（十二）" });
    expect(lib.passages.some((p) => p.file.includes("修正案"))).toBe(false);
  });

  it("marks the newest dated version current and keeps 民法典's parts all current", async () => {
    const lib = await loadLawLibrary(ROOT);
    const byFile = new Map(lib.files.map((f) => [f.file, f]));
    expect(byFile.get("民法商法/公司法(2023-12-29).md")?.current).toBe(true);
    expect(byFile.get("民法商法/公司法(2018-10-26).md")?.current).toBe(false);
    expect(byFile.get("民法典/总则.md")?.current).toBe(true);
    expect(byFile.get("民法典/婚姻家庭编.md")?.current).toBe(true);
    // Undated file loses to a dated file with the same title.
    expect(byFile.get("司法解释/某某问题的解释(2019-01-31).md")?.current).toBe(true);
    expect(byFile.get("司法解释/某某问题的解释.md")?.current).toBe(false);
    // The same version filed in two folders: one current, and a warning.
    expect(byFile.get("社会法/反电信网络诈骗法(2022-09-02).md")?.current).toBe(true);
    expect(byFile.get("行政法/反电信网络诈骗法(2022-09-02).md")?.current).toBe(false);
    expect(lib.warnings.some((w) => w.includes("反电信网络诈骗法") && w.includes("more than once"))).toBe(true);
    // Passages follow their file.
    const company = lib.passages.filter((p) => p.lawShort === "公司法");
    expect(company.map((p) => [p.version, p.current])).toEqual([
      ["2018-10-26", false],
      ["2023-12-29", true],
    ]);
    const civil = lib.passages.find((p) => p.articleNo.num === 1079);
    expect(civil?.headings).toEqual(["婚姻家庭编", "第四章 离 婚"]);
  });

  it("warns about a file without a title instead of failing", async () => {
    const lib = await loadLawLibrary(ROOT);
    expect(lib.warnings.some((w) => w.startsWith("其他/没有标题.md") && w.includes("title"))).toBe(true);
    expect(lib.files.find((f) => f.file === "其他/没有标题.md")?.articles).toBe(1);
  });

  it("warns on a missing folder and on an unreadable entry, without throwing", async () => {
    const missing = await loadLawLibrary(path.join(FIXTURES, "no-such-folder"));
    expect(missing.passages).toEqual([]);
    expect(missing.warnings.join("\n")).toMatch(/no-such-folder/);

    const dir = await mkdtemp(path.join(tmpdir(), "pufa-laws-"));
    try {
      await mkdir(path.join(dir, "刑法"));
      await writeFile(path.join(dir, "刑法", "好.md"), "# 某法\n\n<!-- INFO END -->\n\n第一条 甲。\n");
      await writeFile(path.join(dir, "刑法", "坏.md"), new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]));
      const lib = await loadLawLibrary(dir);
      expect(lib.passages).toHaveLength(1);
      expect(lib.warnings.some((w) => w.includes("坏.md"))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("pickCurrent", () => {
  it("prefers the newest date, then the first path on a tie; undated-only groups are all current", () => {
    const cur = pickCurrent([
      { file: "a/X(2001-01-01).md", title: "X", version: "2001-01-01" },
      { file: "b/X(2020-01-01).md", title: "X", version: "2020-01-01" },
      { file: "a/X(2020-01-01).md", title: "X", version: "2020-01-01" },
      { file: "c/Y1.md", title: "Y", version: null },
      { file: "c/Y2.md", title: "Y", version: null },
    ]);
    expect([...cur].sort()).toEqual(["a/X(2020-01-01).md", "c/Y1.md", "c/Y2.md"]);
  });
});

describe.skipIf(!HAS_LAWS)("the full law library (../shared/data/laws)", () => {
  it("loads all files in a few seconds with about 64,665 articles", async () => {
    const t0 = performance.now();
    const lib = await loadLawLibrary(SHARED_LAWS);
    const ms = performance.now() - t0;
    console.info(`law library: ${lib.files.length} files, ${lib.passages.length} articles, ${Math.round(ms)} ms`);
    expect(lib.files).toHaveLength(1512);
    // README counts 64,665 line-start articles; the parser also reads 5 typo'd labels and 112
    // articles written several to a line (飞行基本规则).
    expect(lib.passages.length).toBeGreaterThanOrEqual(64665);
    expect(lib.passages.length).toBeLessThan(64665 * 1.01);
    expect(new Set(lib.passages.map((p) => p.id)).size).toBe(lib.passages.length);
    expect(lib.passages.every((p) => p.text.length > 0 && p.text.startsWith("第"))).toBe(true);
    expect(ms).toBeLessThan(20000);

    const drunk = lib.passages.find((p) => p.lawShort === "刑法" && p.article === "第一百三十三条之一");
    expect(drunk?.text).toContain("醉酒驾驶机动车的");
    const text = await readFile(path.join(SHARED_LAWS, drunk!.file), "utf8");
    expect(text.slice(drunk!.start, drunk!.end)).toBe(drunk!.text);

    const versions = lib.passages.filter((p) => p.lawShort === "公司法" && p.articleNo.num === 1 && p.articleNo.sub === 0);
    expect(versions.filter((p) => p.current).map((p) => p.version)).toEqual(["2023-12-29"]);
    expect(lib.passages.some((p) => p.file.startsWith("刑法/刑法修正案"))).toBe(false);
  }, 60000);
});
