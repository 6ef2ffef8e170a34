/**
 * Two searches of the law for one message, as one list: the whole message's (whose words give an elliptical law's ask
 * its matter: 法律有冇讲可以申诉 after 我畀人认定卖卡惩戒咗) and its law's ask alone (lawPart: 货车法律上可唔可以载人
 * without the case's 和乐农用车……罚咗几多). Each list's scores are taken relative to its own best, and a passage's
 * score is the mean of its two (CombSUM, Fox & Shaw 1994), in the whole search's scale: a passage both find leads; one
 * only the law's ask finds still enters. Replacing the whole search by the ask's lost read questions whose ask names
 * its matter by pointing back (种几棵犯法吗, 最多几耐要拿到证); the whole search alone kept the case's words on top.
 * Pure.
 */
import type { Hit } from "../types.js";

export function fuseHits(whole: readonly Hit[], ofAsk: readonly Hit[]): Hit[] {
  if (!ofAsk.length) return [...whole];
  if (!whole.length) return [...ofAsk];
  const scale = Math.abs(whole[0].score) || 1;
  const relative = (hits: readonly Hit[]) => {
    const top = Math.abs(hits[0].score) || 1;
    return new Map(hits.map((h) => [h.passage.id, h.score / top]));
  };
  const a = relative(whole);
  const b = relative(ofAsk);
  const seen = new Map<string, Hit>();
  for (const h of [...whole, ...ofAsk]) if (!seen.has(h.passage.id)) seen.set(h.passage.id, h);
  return [...seen.values()]
    .map((h, i) => ({ h, i, s: (((a.get(h.passage.id) ?? 0) + (b.get(h.passage.id) ?? 0)) / 2) * scale }))
    .sort((x, y) => y.s - x.s || x.i - y.i)
    .map(({ h, s }, i) => ({ ...h, score: s, rank: i + 1 }));
}
