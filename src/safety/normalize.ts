/**
 * Text as a matcher should see it: full-width folded to half-width (NFKC), lower case, invisible
 * characters (zero-width, bidi, controls) removed, and the spaces or separators someone put between
 * Chinese characters to slip past a word list (赌 博, 赌\u200b博, 赌.博) closed up.
 */

/**
 * Bidi marks, embeddings, overrides and isolates (they reorder what a reader sees) and C0/C1
 * controls other than line breaks and tabs: never in a message the bot sends.
 */
export const BIDI_OR_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** The above plus zero-width characters, BOM, soft hyphen: removed before matching. The law library itself holds U+200B. */
export const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD\u180E\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");

const CJK = "\\p{Script=Han}";
/** Whitespace and filler symbols between two Chinese characters. */
const CJK_GAP = new RegExp(`(?<=${CJK})[\\s._*·•\\-|/\\\\~～]+(?=${CJK})`, "gu");

export function normalizeForMatch(text: string): string {
  // Whitespace runs fold to one space: the list's patterns allow spaces between tokens, and a long run would make them backtrack.
  return text.normalize("NFKC").replace(INVISIBLE_ALL, "").toLowerCase().replace(/\s+/gu, " ").replace(CJK_GAP, "");
}
