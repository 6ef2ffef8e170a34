/**
 * Cuts a reply that is too long for one chat message into several, so that each part still reads
 * (and forwards) on its own. A structured reply (ReplyParts) is cut by its parts: the body sections
 * first, then the source list with the notes (advice, disclaimer) in the last message. Where the
 * sources begin is known from the structure, never by looking for a heading word in the text, so
 * rewording prompts/answer-sources.txt cannot move a cut. Within a body section:
 * - cuts only at sentence ends or line breaks;
 * - never inside a quoted excerpt 「…」, and never between an excerpt and its [n]
 *   (the engine writes `[1]「…」`; `「…」[1]` is kept together as well, with a cut allowed after the [1]).
 * Only a single sentence longer than the limit is cut mid-sentence (at a comma when there is one).
 * Lengths are UTF-16 code units (String.length), which is never less than what WeChat counts.
 */
import { joinParts } from "../answer/layout.js";
import type { ReplyParts } from "../types.js";

export const MIN_SPLIT_LIMIT = 20;

const TERMINATORS = new Set(["。", "！", "？", "!", "?", "；", ";", "…"]);
const CLOSERS = new Set(["”", "’", '"', "）", ")", "】", "」", "』", "》", "〉"]);
const SOFT_BREAKS = new Set(["，", "、", ",", "：", ":", " ", "\n", "\t"]);
/** A citation marker on the same line: "[1]", "［2］", possibly after spaces. */
const MARKER_AHEAD = /^[ \t]*[[［]\d+[\]］]/;
/** Text ending in a citation marker right after an excerpt or a sentence: "…」[1]", "…。[2]". */
const MARKER_BEHIND = /(?:[。！？!?；;…」])[”’"）)】』》〉]*[ \t]*[[［]\d+[\]］]$/;
const NO_CUT_BEFORE = new Set(["，", "、", ",", "：", ":"]);
/** Blank line between sections of one message, as the engine joins them. */
const SECTION_GAP = "\n\n";

/** The messages for a structured reply: body sections packed in order, sources and notes in the last message(s). */
export function splitReplyParts(parts: ReplyParts, limit: number): string[] {
  checkLimit(limit);
  const whole = joinParts(parts);
  if (whole.length <= limit) return whole ? [whole] : [];

  const messages: string[] = [];
  for (const section of parts.body.map((b) => b.trim()).filter(Boolean)) {
    const last = messages.at(-1);
    if (last !== undefined && last.length + SECTION_GAP.length + section.length <= limit) {
      messages[messages.length - 1] = `${last}${SECTION_GAP}${section}`;
    } else {
      messages.push(...pack(sentenceAtoms(section), limit));
    }
  }
  const tail = [parts.sources, ...parts.notes].map((s) => s.trim()).filter(Boolean).join(SECTION_GAP);
  if (!tail) return messages;
  const last = messages.at(-1);
  if (last !== undefined && last.length + SECTION_GAP.length + tail.length <= limit) {
    messages[messages.length - 1] = `${last}${SECTION_GAP}${tail}`;
  } else {
    messages.push(...pack(tail.split(/(?<=\n)/), limit));
  }
  return messages;
}

/** The messages for a plain text (a notice, a command's output): cut between sentences or lines. */
export function splitText(text: string, limit: number): string[] {
  checkLimit(limit);
  const whole = text.trim();
  if (whole.length <= limit) return whole ? [whole] : [];
  return pack(sentenceAtoms(whole), limit);
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < MIN_SPLIT_LIMIT) {
    throw new RangeError(`reply splitter: limit must be an integer ≥ ${MIN_SPLIT_LIMIT}, got ${limit}`);
  }
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
