/**
 * Index generations on disk, switched atomically.
 *
 *   <data>/index/CURRENT          name of the generation being served (replaced by rename(2))
 *   <data>/index/gen-<stamp>/     one complete index; COMPLETE is written last
 *
 * A build writes a new generation beside the served one and only then renames CURRENT, so a
 * crash or kill -9 mid-build leaves the old index serving; the next build removes the leftovers.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from "node:fs";
import path from "node:path";

const COMPLETE = "COMPLETE";
const CURRENT = "CURRENT";

export interface Generation {
  name: string;
  dir: string;
}

export class IndexStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, "index");
  }

  /** The generation being served, or null when none was ever completed. */
  current(): Generation | null {
    const pointer = path.join(this.root, CURRENT);
    if (!existsSync(pointer)) return null;
    const name = readFileSync(pointer, "utf8").trim();
    const dir = path.join(this.root, name);
    if (!name || !existsSync(path.join(dir, COMPLETE))) return null;
    return { name, dir };
  }

  /** A fresh, empty folder for a new generation. Nothing serves it until commit(). */
  begin(): Generation {
    mkdirSync(this.root, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:.]/g, "").replace("T", "-").replace("Z", "");
    const name = `gen-${stamp}-${process.pid}`;
    const dir = path.join(this.root, name);
    mkdirSync(dir, { recursive: true });
    return { name, dir };
  }

  /** Marks the generation complete and makes it the served one, atomically. Older generations are removed, the previous one kept. */
  commit(gen: Generation): void {
    writeDurably(path.join(gen.dir, COMPLETE), new Date().toISOString());
    const tmp = path.join(this.root, `${CURRENT}.${process.pid}.tmp`);
    writeDurably(tmp, gen.name);
    const previous = this.current();
    renameSync(tmp, path.join(this.root, CURRENT));
    this.prune([gen.name, previous?.name].filter((n): n is string => !!n));
  }

  /** Throws away a generation that will not be committed. */
  abort(gen: Generation): void {
    rmSync(gen.dir, { recursive: true, force: true });
  }

  /** Removes every generation but `keep`, and leftovers of interrupted builds (incomplete generations, temp pointers). */
  prune(keep: string[] = [this.current()?.name].filter((n): n is string => !!n)): string[] {
    if (!existsSync(this.root)) return [];
    const removed: string[] = [];
    for (const entry of readdirSync(this.root)) {
      if (entry === CURRENT || keep.includes(entry)) continue;
      if (entry.startsWith("gen-") || entry.endsWith(".tmp")) {
        rmSync(path.join(this.root, entry), { recursive: true, force: true });
        removed.push(entry);
      }
    }
    return removed;
  }
}

function writeDurably(file: string, content: string): void {
  writeFileSync(file, content);
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
