/** .md: the front matter is kept as the article's metadata; the first `# ` heading is the title fallback. */
import { decodeText } from "../../ingestion/decode.js";
import { parseFrontMatter } from "../../ingestion/front-matter.js";
import { splitAuthors, titleFromFilename } from "./common.js";
import { normalizeDate } from "../../text/dates.js";
import type { ImportedArticle } from "./types.js";

export async function importMarkdown(bytes: Uint8Array, filename: string): Promise<ImportedArticle> {
  return markdownArticle(decodeText(bytes).text, filename);
}

/** The article in a decoded Markdown text (synchronous: the corpus manager scans with it). */
export function markdownArticle(text: string, filename: string): ImportedArticle {
  const fm = parseFrontMatter(text);
  const data = fm.data;
  let body = fm.body.replace(/\r\n?/g, "\n");

  const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body);
  const title = str(data.title) ?? heading?.[1].trim() ?? titleFromFilename(filename);
  // A leading H1 that repeats the title would otherwise be quoted as if it were content.
  if (heading && heading[1].trim() === title && body.slice(0, heading.index).trim() === "") {
    body = body.slice(heading.index + heading[0].length);
  }

  return {
    title,
    source: str(data.source),
    date: normalizeDate(data.date instanceof Date ? data.date : str(data.date)),
    url: str(data.url),
    authors: list(data.authors ?? data.author),
    body: body
      .split(/\n[ \t]*\n/)
      .map((p) => p.replace(/[ \t]+$/gm, "").replace(/^\n+|\n+$/g, ""))
      .filter((p) => p.trim())
      .join("\n\n"),
    format: "md",
    region: str(data.region),
    tags: list(data.tags),
  };
}

function str(v: unknown): string | null {
  if (typeof v === "number") return String(v);
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => str(x)).filter((x): x is string => x !== null);
  const s = str(v);
  return s ? splitAuthors(s) : [];
}
