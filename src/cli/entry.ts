/** Whether a module is the file the process was started with (`node x.js`, `tsx x.ts`), so importing it runs nothing. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function isEntryFile(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
