import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LawPassage } from "../../src/types.js";

/** ~30 real articles (刑法, 道交法, 治安法, 反诈法, 民法典 …) and two versions of 公司法 第四条. */
export function fixturePassages(): LawPassage[] {
  const file = fileURLToPath(new URL("../fixtures/retrieval/law-passages.json", import.meta.url));
  return JSON.parse(readFileSync(file, "utf8")) as LawPassage[];
}

export function find(ps: readonly LawPassage[], law: string, num: number, sub = 0): LawPassage {
  const p = ps.find((x) => x.lawShort === law && x.articleNo.num === num && x.articleNo.sub === sub && x.current);
  if (!p) throw new Error(`fixture lacks ${law} ${num}-${sub}`);
  return p;
}

/** A gold label in the pufa eval format. */
export function gold(law: string, article: string): { law: string; article: string } {
  return { law, article };
}
