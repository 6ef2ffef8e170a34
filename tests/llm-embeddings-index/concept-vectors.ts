/**
 * Deterministic 16-d "embeddings" for the fake endpoint: a faint bag of characters hashed into 13
 * dimensions, plus one strong dimension per topic a text mentions (drinking, fraud, drowning), in
 * Chinese or English. So an English word no passage contains still lands next to the passages of
 * its topic: the only way to find them is the vector.
 */
const TOPICS: RegExp[] = [/[酒醉]|tipsy|drunk/i, /诈骗|scam/i, /溺水|游泳|drown/i];
const BAG = 16 - TOPICS.length;

export function conceptVectors(input: string[]): number[][] {
  return input.map((text) => {
    const bag = new Array<number>(BAG).fill(0);
    for (const ch of text) bag[(ch.codePointAt(0) ?? 0) % BAG] += 1;
    const norm = Math.hypot(...bag) || 1;
    return [...bag.map((x) => (0.2 * x) / norm), ...TOPICS.map((re) => (re.test(text) ? 1 : 0))];
  });
}
