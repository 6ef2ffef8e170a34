/**
 * Chinese word segmentation: @node-rs/jieba with its bundled dictionary plus pufa's
 * domain dictionary (src/data/domain-dict.txt), so that 酒驾, 帮信, 警保联控 stay one word.
 * One lazily created instance per process (loading the dictionary takes ~0.2 s).
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { readFileSync } from "node:fs";
import { dataPath } from "../data/paths.js";

let instance: Jieba | null = null;

/** The shared jieba instance with the domain dictionary loaded. */
export function jieba(): Jieba {
  if (!instance) {
    const j = Jieba.withDict(dict);
    j.loadDict(readFileSync(dataPath("domain-dict.txt")));
    instance = j;
  }
  return instance;
}

/** Words of `text` in order (no HMM: new-word guessing splits legal terms less predictably). */
export function segment(text: string): string[] {
  return jieba().cut(text, false);
}

let charFrequency: Map<string, number> | null = null;

/** How often a single character is a word of its own in jieba's dictionary (去 123402, 申 715; 0 when never). */
export function wordFrequencyOfChar(ch: string): number {
  if (!charFrequency) {
    charFrequency = new Map();
    for (const line of new TextDecoder().decode(dict).split("\n")) {
      const [word, freq] = line.split(" ");
      if (word && Array.from(word).length === 1) charFrequency.set(word, Number(freq) || 0);
    }
  }
  return charFrequency.get(ch) ?? 0;
}
