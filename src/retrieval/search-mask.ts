/** Which passages a search may return, per (kinds, allVersions): cached, since there are few combinations. */
import type { Passage, PassageKind } from "../types.js";

export class SearchMasks {
  private readonly masks = new Map<string, Uint8Array>();

  constructor(
    private readonly passages: readonly Passage[],
    /** 1 = passage withdrawn by an incremental update. */
    private readonly removed: Uint8Array | null,
  ) {}

  /** 1 = may be returned: kinds filter and (unless allVersions) current law versions only; undefined = everything. */
  get(kinds: PassageKind[] | undefined, allVersions: boolean): Uint8Array | undefined {
    const key = `${kinds?.slice().sort().join(",") ?? "*"}|${allVersions}`;
    if (!kinds && allVersions && !this.removed) return undefined;
    let m = this.masks.get(key);
    if (!m) {
      m = new Uint8Array(this.passages.length);
      this.passages.forEach((p, i) => {
        const kindOk = !kinds || kinds.includes(p.kind);
        const versionOk = allVersions || p.kind !== "law" || p.current;
        m![i] = kindOk && versionOk && !this.removed?.[i] ? 1 : 0;
      });
      this.masks.set(key, m);
    }
    return m;
  }
}
