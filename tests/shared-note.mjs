// Printed before the test run: says plainly when the shared law library is absent and why some tests skip.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/data");
if (!existsSync(path.join(shared, "laws"))) {
  console.log(
    `Note: ${shared}/laws not found — the tests that need the full law library (and the seed page) are skipped.\n` +
      "Everything else runs on the fixtures in tests/fixtures. Put the library there to run them all.",
  );
}
