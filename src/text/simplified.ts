/**
 * Traditional characters typed in a message (補領身份證, 請問醉駕會點罰) read as the simplified ones the
 * office's articles and the law library are written in. opencc-js's character table (t → cn; it is
 * character by character anyway). A conversion into a character outside the common CJK block
 * (嗰 → 𠮶, 喎 → 㖞, 餸 → 𩠌) is no simplification anyone types: Cantonese words stay as typed.
 */
import * as OpenCC from "opencc-js/t2cn";

let convert: ((text: string) => string) | null = null;

/** Common CJK Unified Ideographs: what a simplified character must be to replace the one typed. */
const COMMON_CJK = /^[\u4e00-\u9fff]$/;

/** `text` with its traditional characters simplified (pure; the table is loaded on first use, ~60 ms). */
export function toSimplified(text: string): string {
  convert ??= OpenCC.Converter({ from: "t", to: "cn" });
  let out = "";
  for (const ch of text) {
    const s = ch.charCodeAt(0) < 0x3400 ? ch : convert(ch);
    out += s !== ch && COMMON_CJK.test(s) ? s : ch;
  }
  return out;
}
