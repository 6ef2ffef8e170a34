/**
 * The office's focus: the laws its campaigns and daily cases rest on (src/data/focus-laws.txt).
 * Over 64,000 statutes, a colloquial story matches many passages almost equally (a beating told
 * with 警察 in it reaches 人民警察法 and 海警法 as readily as 治安管理处罚法); among those, a police
 * office's citizens are asking about its own laws. A focus passage is lifted by a share of the best
 * score, so it passes others only when they were nearly tied; a clear winner stays first (the
 * lift is applied in law-order.ts, with the labelled questions' vote).
 */
import { dataLines, readDataLines } from "../data/paths.js";
import { lawNameKey } from "../retrieval/law-aliases.js";

/** Share of the best score a focus law's passage is lifted by (answer bench: 0.1–0.3 alike, 0 off). */
export const FOCUS_LIFT = 0.2;

let shipped: FocusLaws | null = null;

export class FocusLaws {
  private readonly keys: Set<string>;

  constructor(names: Iterable<string>) {
    this.keys = new Set([...names].map((n) => lawNameKey(n.trim())).filter(Boolean));
  }

  /** Lines of a focus-laws file (comments and blank lines skipped). */
  static parse(lines: Iterable<string>): FocusLaws {
    return new FocusLaws(dataLines([...lines].join("\n")));
  }

  /** The shipped list (src/data/focus-laws.txt), read once. */
  static default(): FocusLaws {
    return (shipped ??= new FocusLaws(readDataLines("focus-laws.txt")));
  }

  has(lawShort: string): boolean {
    return this.keys.has(lawNameKey(lawShort));
  }
}
