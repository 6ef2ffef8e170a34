import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingestion/decode.js";
import { FIXTURES } from "./paths.js";

describe("decodeText", () => {
  it("decodes UTF-8 and strips a BOM", () => {
    const body = new TextEncoder().encode("普法助手");
    expect(decodeText(body)).toEqual({ text: "普法助手", encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...body]))).toEqual({ text: "普法助手", encoding: "utf-8" });
  });

  it("decodes a GBK file", async () => {
    const bytes = await readFile(path.join(FIXTURES, "corpus/holiday-safety-gbk.txt"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("gb18030");
    expect(text.startsWith("国庆假期出行安全提示\n")).toBe(true);
    expect(text).toContain("“低价转让车票”");
    expect(text).not.toContain("\uFFFD");
  });

  it("decodes very short GBK text that a detector misreads", () => {
    // 民法典 in GBK: detectors often guess Shift_JIS for three characters.
    expect(decodeText(new Uint8Array([0xc3, 0xf1, 0xb7, 0xa8, 0xb5, 0xe4]))).toEqual({ text: "民法典", encoding: "gb18030" });
  });

  it("decodes Big5 when the detector recognises it", async () => {
    const { text, encoding } = decodeText(await readFile(path.join(FIXTURES, "big5-sample.txt")));
    expect(encoding).toBe("big5");
    expect(text).toContain("詐騙集團");
  });

  it("decodes UTF-16 with a BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x6e, 0x66, 0xd5, 0x6c]); // 普法
    expect(decodeText(le)).toEqual({ text: "普法", encoding: "utf-16le" });
  });
});
