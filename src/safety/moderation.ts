/**
 * Moderation against an admin-editable word list (src/data/moderation.txt, or PUFA_MODERATION):
 * "类别 词语" per line, words matched with Aho–Corasick, "re:" entries as regular expressions, all
 * on normalised text (see normalize.ts). The same check guards what comes in and what goes out.
 *
 * Citizens quote what was done to them ("他骂我傻逼，可以报警吗"): a line of category 引述 names
 * a cue (报警, 被骗 …) that marks such a report, and with a cue present the quotable categories do
 * not block. Contact handles (广告引流) and chain-message formulas (涉政谣言) always block: a legal
 * question needs neither.
 */
import AhoCorasick from "modern-ahocorasick";
import { readFileSync, statSync } from "node:fs";
import { dataPath } from "../data/paths.js";
import { childLogger } from "../logger.js";
import { normalizeForMatch } from "./normalize.js";

const log = childLogger("moderation");

export const CUE_CATEGORY = "引述";
/** Categories a cue lifts: words a victim repeats when reporting them. */
export const QUOTABLE_CATEGORIES: ReadonlySet<string> = new Set(["辱骂", "色情", "赌博引流", "诈骗话术"]);
/**
 * What the office's own text may quote when warning about it (反诈 articles cite "日赚千元"). Every
 * legal answer holds a cue (处罚, 违法), so outgoing text lifts only these, never abuse.
 */
export const WARNED_CATEGORIES: ReadonlySet<string> = new Set(["赌博引流", "诈骗话术"]);

export interface ModerationVerdict {
  blocked: boolean;
  /** Categories of every entry found, blocking or not, in list order, without repeats. */
  categories: string[];
}

export interface CheckOptions {
  /** Categories a cue lifts (default QUOTABLE_CATEGORIES; outgoing text uses WARNED_CATEGORIES). */
  liftable?: ReadonlySet<string>;
}

export interface Moderator {
  check(text: string, options?: CheckOptions): ModerationVerdict;
}

export interface ModerationList {
  words: { category: string; word: string }[];
  patterns: { category: string; pattern: RegExp }[];
  cues: string[];
}

export class ModerationListError extends Error {}

/** Parses the list; a malformed line or regular expression throws with its file and line. */
export function parseModerationList(text: string, source = "moderation list"): ModerationList {
  const list: ModerationList = { words: [], patterns: [], cues: [] };
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith("#")) return;
      const m = /^(\S+)\s+(.+)$/u.exec(line);
      if (!m) throw new ModerationListError(`${source}:${i + 1}: expected "类别 词语", got "${line}"`);
      const [, category, entry] = m;
      if (entry.startsWith("re:")) {
        try {
          list.patterns.push({ category, pattern: new RegExp(entry.slice(3), "u") });
        } catch (err) {
          throw new ModerationListError(`${source}:${i + 1}: bad regular expression: ${(err as Error).message}`);
        }
        return;
      }
      const word = normalizeForMatch(entry);
      if (!word) return;
      if (category === CUE_CATEGORY) list.cues.push(word);
      else list.words.push({ category, word });
    });
  return list;
}

/** A moderator over a fixed list. */
export function createModerator(list: ModerationList): Moderator {
  const words = list.words.length ? new AhoCorasick(list.words.map((w) => ({ pattern: w.word, data: w.category }))) : null;
  const cues = list.cues.length ? new AhoCorasick(list.cues) : null;
  return {
    check(text, options = {}) {
      const norm = normalizeForMatch(text);
      const found = new Set<string>();
      for (const m of words?.search(norm) ?? []) found.add(m.data as string);
      for (const p of list.patterns) if (p.pattern.test(norm)) found.add(p.category);
      if (!found.size) return { blocked: false, categories: [] };
      const categories = [...found];
      const quoted = cues?.match(norm) ?? false;
      const liftable = options.liftable ?? QUOTABLE_CATEGORIES;
      return { blocked: categories.some((c) => !quoted || !liftable.has(c)), categories };
    },
  };
}

export const DEFAULT_MODERATION_FILE = dataPath("moderation.txt");

/**
 * The list in `file`, re-read when the file changes (like prompts). An unreadable or malformed
 * file at start throws; later, the last good list stays in force and the fault is logged.
 */
export function loadModerator(file: string = DEFAULT_MODERATION_FILE): Moderator {
  const read = () => createModerator(parseModerationList(readFileSync(file, "utf8"), file));
  let current = read();
  let mtimeMs = statSync(file).mtimeMs;
  return {
    check(text, options) {
      try {
        const m = statSync(file).mtimeMs;
        if (m !== mtimeMs) {
          mtimeMs = m;
          current = read();
          log.info({ file }, "moderation list reloaded");
        }
      } catch (err) {
        log.error({ err, file }, "moderation list unreadable; keeping the previous one");
      }
      return current.check(text, options);
    },
  };
}

let shipped: Moderator | null = null;
/** The shipped list, loaded once per process. */
export function shippedModerator(): Moderator {
  return (shipped ??= loadModerator());
}
