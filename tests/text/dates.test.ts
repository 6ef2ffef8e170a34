import { describe, expect, it } from "vitest";
import { importMarkdown } from "../../src/admin/importers/markdown.js";
import { importText } from "../../src/admin/importers/text.js";
import { parseMetaLine } from "../../src/admin/importers/common.js";
import { localDate, normalizeDate, parseLocalDate } from "../../src/text/dates.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("normalizeDate", () => {
  it("accepts the common written forms, a time after them and a YAML Date", () => {
    expect(normalizeDate("2021-12-03")).toBe("2021-12-03");
    expect(normalizeDate("2021/1/5")).toBe("2021-01-05");
    expect(normalizeDate("2021.1.5 10:30")).toBe("2021-01-05");
    expect(normalizeDate("2021年12月3日")).toBe("2021-12-03");
    expect(normalizeDate("2024-03-15T08:00:00+08:00")).toBe("2024-03-15");
    expect(normalizeDate(new Date(Date.UTC(2024, 2, 15)))).toBe("2024-03-15");
  });

  it("rejects days that do not exist, other words and numbers glued on", () => {
    expect(normalizeDate("2023-02-30")).toBeNull();
    expect(normalizeDate("2024-02-29")).toBe("2024-02-29");
    expect(normalizeDate("2023-02-29")).toBeNull();
    expect(normalizeDate("2021-13-01")).toBeNull();
    expect(normalizeDate("2021-12-031")).toBeNull();
    expect(normalizeDate("昨天")).toBeNull();
    expect(normalizeDate(20211203)).toBeNull();
    expect(normalizeDate(new Date(Number.NaN))).toBeNull();
  });

  it("is what every importer uses: 2023-02-30 is stored as no date, not a date the reader would drop", async () => {
    expect((await importMarkdown(utf8("---\ntitle: 通知\ndate: 2023-02-30\n---\n正文。"), "a.md")).date).toBeNull();
    expect(parseMetaLine("发布时间：2023年2月30日 来源：某某公安").date).toBeNull();
    expect(parseMetaLine("发布时间：2023年2月28日 来源：某某公安").date).toBe("2023-02-28");
    const text = await importText(utf8("某地开展反诈宣传\n2023-02-30 10:00 来源：某某公安\n正文第一段。\n正文第二段。\n"), "a.txt");
    expect(text.date).toBeNull();
  });
});

describe("parseLocalDate / localDate", () => {
  it("reads yyyy-mm-dd as local midnight and prints the local day back", () => {
    const d = parseLocalDate("2024-03-15");
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2024, 2, 15, 0]);
    expect(localDate(d)).toBe("2024-03-15");
  });

  it("throws on anything but an existing yyyy-mm-dd", () => {
    for (const bad of ["2023-02-30", "2024/03/15", "2024-3-5", "yesterday", ""]) expect(() => parseLocalDate(bad), bad).toThrow(/yyyy-mm-dd/);
  });
});
