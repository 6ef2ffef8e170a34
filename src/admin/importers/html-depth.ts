/**
 * How deeply a page's elements nest, by a cheap scan of its tags (no DOM). The page cleaner
 * (linkedom, Readability) walks the tree recursively: a page nested 10,000 deep overflows the
 * stack, so such a page is refused before it is parsed.
 */

// Elements that never hold children, and those whose end tag the parser implies (a new <p>
// closes the open <p>): neither deepens the tree, so neither is counted.
const NOT_NESTING = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
]);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

/** The deepest nesting of elements in `html`; the scan stops once it passes `stopAbove`. */
export function htmlDepth(html: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TOKEN)) {
    const name = m[3]?.toLowerCase();
    if (!name || NOT_NESTING.has(name)) continue;
    if (m[2]) depth = Math.max(0, depth - 1);
    else if (!m[4]) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) break;
      }
    }
  }
  return max;
}
