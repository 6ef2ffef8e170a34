/**
 * The files below a folder, as "/"-separated relative paths in a stable order. Dotfiles and
 * dot-folders (.history) are skipped, so are README.md files: they describe a folder, they are not content.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";

export async function listFiles(root: string, warnings: string[], onOther?: (file: string) => void, accept: (name: string) => boolean = () => true): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      warnings.push(`${rel || root}: cannot list folder (${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(dir, e.name), relPath);
      else if (e.isFile() && e.name.toLowerCase() !== "readme.md") {
        if (accept(e.name)) out.push(relPath);
        else onOther?.(relPath);
      }
    }
  };
  await walk(root, "");
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
