/**
 * YAML front matter (`---` … `---` at the top of a Markdown file), parsed with `yaml` (YAML 1.2:
 * dates and 0123 stay as written when quoted; unquoted dates stay strings). Never throws: a broken
 * block is reported in `error` and its fields are ignored, so one bad file cannot stop an import.
 * A closed block that does not parse is still not body text (quoting "title: …" lines as an
 * excerpt would be wrong); only an unclosed block leaves the whole file as body.
 */
import YAML from "yaml";

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The text after the closing `---` line (the whole source when there is no valid block). */
  body: string;
  /** Offset of `body` in `src`. */
  bodyOffset: number;
  /** Why the block was ignored, when it was. */
  error?: string;
}

const BLOCK = /^(\uFEFF)?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function parseFrontMatter(src: string): FrontMatter {
  const m = BLOCK.exec(src);
  if (!m) {
    const opened = /^\uFEFF?---[ \t]*\r?\n/.test(src);
    return {
      data: {},
      body: src,
      bodyOffset: 0,
      ...(opened ? { error: "front matter has no closing --- line" } : {}),
    };
  }
  const whole = { data: {}, body: src.slice(m[0].length), bodyOffset: m[0].length };
  let parsed: unknown;
  try {
    const doc = YAML.parseDocument(m[2] ?? "", { uniqueKeys: true });
    if (doc.errors.length) return { ...whole, error: oneLine(doc.errors[0].message) };
    parsed = doc.toJS();
  } catch (err) {
    return { ...whole, error: oneLine(err instanceof Error ? err.message : String(err)) };
  }
  if (parsed !== null && parsed !== undefined && (typeof parsed !== "object" || Array.isArray(parsed))) {
    return { ...whole, error: "front matter is not a key: value mapping" };
  }
  const bodyOffset = m[0].length;
  return { data: (parsed ?? {}) as Record<string, unknown>, body: src.slice(bodyOffset), bodyOffset };
}

/**
 * Front matter + body. Strings are double-quoted so they read back as strings with any YAML
 * parser (a YAML 1.1 parser would turn a bare 2021-12-03 into a Date); lists are written inline.
 */
export function serializeFrontMatter(data: Record<string, unknown>, body: string): string {
  const doc = new YAML.Document(data);
  YAML.visit(doc, {
    Seq(_key, node) {
      node.flow = true;
    },
  });
  const yaml = doc.toString({
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
    lineWidth: 0,
    flowCollectionPadding: false,
  });
  const text = body.replace(/^\s*\n/, "");
  return `---\n${yaml}---\n\n${text.endsWith("\n") || text === "" ? text : `${text}\n`}`;
}

function oneLine(s: string): string {
  return s.split("\n")[0].trim();
}
