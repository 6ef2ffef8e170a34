/**
 * Cuts a reply that is too long for one chat message into several, so that each part still reads
 * (and forwards) on its own:
 * - cuts only at sentence ends or line breaks;
 * - never inside a quoted excerpt 「…」, and never between an excerpt and its [n]
 *   (the engine writes `[1]「…」`; `「…」[1]` is kept together as well, with a cut allowed after the [1]);
 * - the source list (the last line starting with 来源：, and everything after it: advice, disclaimer)
 *   goes into the last part.
 * Only a single sentence longer than the limit is cut mid-sentence (at a comma when there is one).
 * Lengths are UTF-16 code units (String.length), which is never less than what WeChat counts.
 */

export const MIN_SPLIT_LIMIT = 20;

const TERMINATORS = new Set(["。", "！", "？", "!", "?", "；", ";", "…"]);
const CLOSERS = new Set(["”", "’", '"', "）", ")", "】", "」", "』", "》", "〉"]);
const SOFT_BREAKS = new Set(["，", "、", ",", "：", ":", " ", "\n", "\t"]);
/** A citation marker on the same line: "[1]", "［2］", possibly after spaces. */
const MARKER_AHEAD = /^[ \t]*[[［]\d+[\]］]/;
/** Text ending in a citation marker right after an excerpt or a sentence: "…」[1]", "…。[2]". */
const MARKER_BEHIND = /(?:[。！？!?；;…」])[”’"）)】』》〉]*[ \t]*[[［]\d+[\]］]$/;
const NO_CUT_BEFORE = new Set(["，", "、", ",", "：", ":"]);
const SOURCES_LINE = /(?:^|\n)[ \t]*来源[ \t]*[：:]/g;

export function splitReply(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < MIN_SPLIT_LIMIT) {
    throw new RangeError(`splitReply: limit must be an integer ≥ ${MIN_SPLIT_LIMIT}, got ${limit}`);
  }
  const whole = text.trim();
  if (whole.length <= limit) return whole ? [whole] : [];

  const { body, tail } = separateSources(whole);
  const parts = pack(sentenceAtoms(body), limit);
  if (tail) {
    const last = parts.at(-1);
    if (last !== undefined && last.length + 2 + tail.length <= limit) {
      parts[parts.length - 1] = `${last}\n\n${tail}`;
    } else {
      parts.push(...pack(tail.split(/(?<=\n)/), limit));
    }
  }
  return parts;
}

/** Body before the last "来源：" line, and that line with everything after it. */
export function separateSources(text: string): { body: string; tail: string } {
  let start = -1;
  for (const m of text.matchAll(SOURCES_LINE)) start = m.index + (m[0].startsWith("\n") ? 1 : 0);
  if (start < 0) return { body: text, tail: "" };
  return { body: text.slice(0, start).trim(), tail: text.slice(start).trim() };
}

/** Contiguous slices of `text` between the places where a cut is allowed. */
export function sentenceAtoms(text: string): string[] {
  const atoms: string[] = [];
  let depth = 0;
  let from = 0;
  for (let p = 1; p < text.length; p++) {
    const prev = text[p - 1];
    if (prev === "「") depth++;
    else if (prev === "」" && depth > 0) depth--;
    if (depth === 0 && mayCutBefore(text, p)) {
      atoms.push(text.slice(from, p));
      from = p;
    }
  }
  if (from < text.length) atoms.push(text.slice(from));
  return atoms;
}

function mayCutBefore(text: string, p: number): boolean {
  const next = text[p];
  if (text[p - 1] === "\n") return true;
  if (TERMINATORS.has(next) || CLOSERS.has(next)) return false;
  if (MARKER_BEHIND.test(text.slice(Math.max(0, p - 12), p))) return !NO_CUT_BEFORE.has(next) && !MARKER_AHEAD.test(text.slice(p, p + 8));
  let q = p - 1;
  while (q >= 0 && CLOSERS.has(text[q])) q--;
  if (q < 0 || !TERMINATORS.has(text[q])) return false;
  return !MARKER_AHEAD.test(text.slice(p, p + 8));
}

/** Greedily fills parts with whole atoms; an atom over the limit is cut by hardSplit. */
function pack(atoms: string[], limit: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const atom of atoms) {
    if ((current + atom).trim().length <= limit) {
      current += atom;
      continue;
    }
    if (current.trim()) parts.push(current.trim());
    current = "";
    if (atom.trim().length <= limit) {
      current = atom;
      continue;
    }
    const pieces = hardSplit(atom.trim(), limit);
    parts.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? "";
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Cuts one over-long sentence: at the last comma-like break in the second half of the window, else at the limit. */
export function hardSplit(text: string, limit: number): string[] {
  const chars = Array.from(text); // code points: never split a surrogate pair
  const pieces: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let end = i;
    let units = 0;
    while (end < chars.length && units + chars[end].length <= limit) units += chars[end++].length;
    if (end < chars.length) {
      let soft = -1;
      for (let k = end; k > i + (end - i) / 2; k--) {
        if (SOFT_BREAKS.has(chars[k - 1])) {
          soft = k;
          break;
        }
      }
      end = soft > 0 ? soft : avoidMarkerCut(chars, i, end);
    }
    const piece = chars.slice(i, end).join("").trim();
    if (piece) pieces.push(piece);
    i = end;
  }
  return pieces;
}

/** Moves a cut that would fall inside "[12]" to just before the "[". */
function avoidMarkerCut(chars: string[], from: number, end: number): number {
  for (let k = end - 1; k > from && k >= end - 6; k--) {
    if (chars[k] === "]" || chars[k] === "］") return end;
    if (chars[k] === "[" || chars[k] === "［") return /^\d+$/.test(chars.slice(k + 1, end).join("")) ? k : end;
  }
  return end;
}
