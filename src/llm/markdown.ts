/**
 * WeChat shows Markdown as literal characters, and models add it even when told not to.
 * These functions turn a model reply into plain text without touching [n] citation markers.
 */

/** Removes reasoning blocks some models (DeepSeek-R1, Qwen3 via Ollama/vLLM) put in the content. */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?(?:<\/think>|$)/gi, "").replace(/^[\s\S]*?<\/think>/i, "");
}

/** Plain text from a Markdown-ish reply: emphasis, headings, bullets, quotes, code, links, tables, rules. */
export function stripMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (const raw of lines) {
    let line = raw;
    if (/^\s*```/.test(line)) continue; // code fences: keep the content, drop the fence
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) continue; // horizontal rule
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table separator
    line = line.replace(/^\s{0,3}#{1,6}\s+/, ""); // heading
    line = line.replace(/^\s*(>\s*)+/, ""); // block quote
    line = line.replace(/^\s*[-*+•·]\s+/, ""); // bullet
    line = line.replace(/^\s*(\d+)[.)]\s+/, "$1、"); // "1. " → "1、" (a numbered list reads fine in Chinese this way)
    if (/^\s*\|.*\|\s*$/.test(line)) line = line.replace(/^\s*\|\s*|\s*\|\s*$/g, "").replace(/\s*\|\s*/g, "，");
    out.push(line);
  }
  return out
    .join("\n")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // image
    .replace(/\[([^\]]*[^\]\d][^\]]*)\]\((?:[^)]*)\)/g, "$1") // link whose text is not a bare number
    .replace(/\[(\d+)\]\((?:[^)]*)\)/g, "[$1]") // [1](url) → [1]
    .replace(/\[\^(\d+)\]/g, "[$1]") // footnote style [^1]
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2") // bold
    .replace(/(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, "$1") // italic with *
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1") // strikethrough
    .replace(/`([^`\n]+)`/g, "$1") // inline code
    .replace(/\*\*/g, "") // stray bold marks left by unbalanced emphasis
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
