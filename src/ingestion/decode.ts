/**
 * Bytes → text for corpus and law files. UTF-8 first (the common case, and exact), then a
 * detector for legacy Chinese encodings. Every reader must decode through here: passage
 * offsets are positions in this decoded text (BOM removed).
 */
import { detect } from "jschardet";

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used: "utf-8", "gb18030", "big5", "utf-16le" … */
  encoding: string;
}

/** Detector names that mean "GB family": GB18030 is a superset of GBK and GB2312. */
const GB_FAMILY = /^(gb2312|gbk|gb18030|gb_2312|x-gbk|cp936|hz-gb-2312|euc-cn|iso-2022-cn)$/i;
/** Trust a non-Chinese guess only when the detector is this sure (short GBK text is often misread as Shift_JIS). */
const FOREIGN_CONFIDENCE = 0.9;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };

  const guess = detect(bytes);
  const label = guess.encoding ? normalizeLabel(guess.encoding) : null;
  if (label && label !== "utf-8") {
    const chinese = label === "gb18030" || label === "big5";
    if (chinese || guess.confidence >= FOREIGN_CONFIDENCE) {
      const text = tryDecode(label, bytes);
      if (text !== null) return { text, encoding: label };
    }
  }
  const gb = tryDecode("gb18030", bytes);
  if (gb !== null) return { text: gb, encoding: "gb18030" };
  if (label) {
    const lenient = tryDecode(label, bytes, false);
    if (lenient !== null) return { text: lenient, encoding: label };
  }
  return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
}

/** Maps a detector's name to a TextDecoder label, or null when TextDecoder does not know it. */
function normalizeLabel(name: string): string | null {
  const n = name.trim().toLowerCase();
  if (GB_FAMILY.test(n)) return "gb18030";
  if (n === "utf-8-sig" || n === "ascii") return "utf-8";
  try {
    return new TextDecoder(n).encoding;
  } catch {
    return null;
  }
}

function tryDecode(label: string, bytes: Uint8Array, fatal = true): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}
