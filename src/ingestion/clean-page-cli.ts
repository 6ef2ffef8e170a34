/**
 * Converts a captured web page (text) into a corpus Markdown file.
 *   npx tsx src/ingestion/clean-page-cli.ts page.txt [-o corpus/name.md] [--tags 反诈,酒驾醉驾] [--url https://…]
 * Without -o the Markdown goes to stdout. Admin tool: messages are plain English on stderr.
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { capturedPageToMarkdown } from "./clean-page.js";
import { decodeText } from "./decode.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string", short: "o" },
    tags: { type: "string" },
    url: { type: "string" },
  },
});

if (positionals.length !== 1) {
  process.stderr.write("usage: clean-page-cli <captured-page.txt> [-o out.md] [--tags a,b] [--url URL]\n");
  process.exit(2);
}

const { text } = decodeText(await readFile(positionals[0]));
const tags = (values.tags ?? "")
  .split(/[,，、]/)
  .map((t) => t.trim())
  .filter(Boolean);
const markdown = capturedPageToMarkdown(text, { tags, url: values.url });
if (values.out) {
  await writeFile(values.out, markdown, "utf8");
  process.stderr.write(`wrote ${values.out}\n`);
} else {
  process.stdout.write(markdown);
}
