/**
 * The first stage's prior per passage: a multiplier per library folder (people rarely ask about
 * 部门规章) and a lower one for laws repealed by the Civil Code and their interpretations.
 */
import { readDataLines } from "../data/paths.js";
import type { Passage } from "../types.js";
import type { HybridConfig } from "./hybrid-config.js";
import { lawNameKey } from "./law-aliases.js";

let supersededNames: string[] | null = null;

/** A law repealed by the Civil Code, or a judicial interpretation of one (by its title). */
export function isSuperseded(lawName: string): boolean {
  supersededNames ??= readDataLines("superseded-laws.txt").map(lawNameKey);
  const t = lawNameKey(lawName);
  return supersededNames.some((n) => t === n || t.includes(`《${n}》`));
}

/** One multiplier per passage (1 for the corpus's articles). */
export function passagePrior(passages: readonly Passage[], config: Pick<HybridConfig, "categoryPrior" | "supersededPrior">): Float32Array {
  const prior = new Float32Array(passages.length);
  passages.forEach((p, i) => {
    if (p.kind !== "law") prior[i] = 1;
    else prior[i] = (config.categoryPrior[p.category] ?? 1) * (isSuperseded(p.lawShort) ? config.supersededPrior : 1);
  });
  return prior;
}
