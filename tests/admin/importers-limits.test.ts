/**
 * Hostile import files are refused before anything is parsed past the limits: each refusal names its
 * reason (the prompt the channels show). The CLI's end of the same cases is in tests/cli/add-hostile.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { looksBinary } from "../../src/admin/importers/binary.js";
import { htmlDepth } from "../../src/admin/importers/html-depth.js";
import { DEFAULT_IMPORT_LIMITS, importBytes, importFile, ImportRefusedError, REFUSAL_REASONS, type ImportLimits } from "../../src/admin/importers/index.js";
import { Prompts } from "../../src/answer/prompts.js";
import { checkZip, zipEntries } from "../../src/admin/importers/zip-check.js";
import { deepHtml, lyingZipDocx, makeZip, randomBinary, zipBombDocx } from "../fixtures/admin/hostile.js";

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/admin");
const dir = mkdtempSync(path.join(os.tmpdir(), "pufa-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const limits = (over: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...over });

async function refusal(run: Promise<unknown>): Promise<ImportRefusedError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportRefusedError);
  return err as ImportRefusedError;
}

describe("zip (.docx) limits", () => {
  it("a .docx that would inflate past the total is refused from its central directory, before inflating", async () => {
    const bomb = zipBombDocx(60 * MB);
    expect(bomb.length).toBeLessThan(200_000);
    const err = await refusal(importBytes(bomb, "bomb.docx"));
    expect(err.reason).toBe("zip-bomb");
    expect(err.details.entry).toBe("word/document.xml");
  });

  it("an entry over the ratio cap is refused even when the total is small", async () => {
    const err = await refusal(importBytes(zipBombDocx(4 * MB), "ratio.docx"));
    expect(err.reason).toBe("zip-bomb");
    // Within both limits when they are raised: the same file gets past the check.
    expect(() => checkZip(zipBombDocx(4 * MB), limits({ maxZipRatio: 100_000 }))).not.toThrow();
  });

  it("a zip that lies about its sizes is refused while inflating, at the size it states", async () => {
    const liar = lyingZipDocx(30 * MB);
    expect(zipEntries(liar).map((e) => e.size)).toEqual([expect.any(Number), 1024]);
    expect((await refusal(importBytes(liar, "liar.docx"))).reason).toBe("zip-bomb");
  });

  it("a truncated zip is a broken file, and the real fixture .docx still imports", async () => {
    const real = readFileSync(path.join(FIX, "article.docx"));
    expect((await refusal(importBytes(real.subarray(0, real.length - 30), "cut.docx"))).reason).toBe("bad-zip");
    expect((await importBytes(new Uint8Array(real), "article.docx")).title).toBe("警惕“刷单返利”骗局");
    expect(() => checkZip(makeZip([{ name: "a.xml", data: Buffer.from("<a/>") }]), DEFAULT_IMPORT_LIMITS)).not.toThrow();
  });
});

describe("size and text limits", () => {
  it("a file over maxBytes is refused from its size, before it is read", async () => {
    const file = path.join(dir, "big.txt");
    writeFileSync(file, "反诈宣传。\n".repeat(300_000));
    const err = await refusal(importFile(file, limits({ maxBytes: 1 * MB })));
    expect(err.reason).toBe("too-large");
    expect(err.details).toMatchObject({ max: "1.0" });
  });

  it("text over maxTextChars is refused", async () => {
    const text = `标题\n${"提醒群众不要出租出借银行卡。".repeat(1000)}`;
    const err = await refusal(importBytes(new TextEncoder().encode(text), "long.txt", limits({ maxTextChars: 5000 })));
    expect(err.reason).toBe("too-much-text");
    expect(err.details.max).toBe(5000);
  });
});

describe("binary content", () => {
  it("random bytes named .txt or .md are refused, whatever the extension says", async () => {
    const bytes = new Uint8Array(randomBinary(4096));
    expect((await refusal(importBytes(bytes, "photo.txt"))).reason).toBe("binary");
    expect((await refusal(importBytes(bytes, "photo.md"))).reason).toBe("binary");
  });

  it("looksBinary: a NUL or many control characters; real Chinese text and its line breaks are text", () => {
    expect(looksBinary("正常的文章内容。\n第二段\t缩进。\r\n")).toBe(false);
    expect(looksBinary("文章\u0000内容")).toBe(true);
    expect(looksBinary("乱码\u0001\u0002\u0003\u0004".repeat(10))).toBe(true);
    expect(looksBinary(`${"正常文字".repeat(500)}\ufffd`)).toBe(false);
  });
});

describe("deeply nested HTML", () => {
  it("a page nested 10,000 deep is refused before parsing, with the limit; a normal page is not", async () => {
    const err = await refusal(importBytes(new TextEncoder().encode(deepHtml(10_000)), "deep.html"));
    expect(err.reason).toBe("too-deep");
    expect(err.details.max).toBe(500);
    const ok = await importBytes(new TextEncoder().encode(deepHtml(40)), "ok.html");
    expect(ok.body).toContain("出租出借银行卡");
  });

  it("htmlDepth counts nesting elements only: unclosed <p>/<li>, void tags, comments and scripts do not deepen", () => {
    expect(htmlDepth("<html><body><div><span>x</span></div></body></html>")).toBe(4);
    expect(htmlDepth(`<body>${"<p>段落".repeat(2000)}${"<li>条目".repeat(2000)}${"<br><img src=a>".repeat(2000)}</body>`)).toBe(1);
    expect(htmlDepth(`<div><!-- ${"<div>".repeat(100)} --><script>${"<div>".repeat(100)}</script></div>`)).toBe(1);
    expect(htmlDepth(deepHtml(10_000), 500)).toBe(501);
  });
});

describe("files that are not regular files", () => {
  it("a symlink is refused (never followed), and so is a folder given as a file", async () => {
    const link = path.join(dir, "passwd.txt");
    symlinkSync("/etc/passwd", link);
    expect((await refusal(importFile(link))).reason).toBe("symlink");
    const sub = path.join(dir, "folder.txt");
    mkdirSync(sub);
    expect((await refusal(importFile(sub))).reason).toBe("not-a-file");
    expect((await refusal(importFile(path.join(dir, "no-such.txt")))).reason).toBe("missing");
  });
});

describe("refusal messages", () => {
  it("every refusal reason has its message in prompts/, Chinese, with no placeholder left unknown", () => {
    const prompts = new Prompts();
    const known = ["size", "max", "entry", "ratio", "chars", "scheme", "seconds", "status"];
    for (const reason of REFUSAL_REASONS) {
      const text = prompts.get(`import-${reason}`);
      expect(text, reason).toMatch(/\p{Script=Han}/u);
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) expect(known, `${reason}: {${name}}`).toContain(name);
    }
  });
});
