/**
 * Sentence units of a model reply, the granularity at which verification keeps or drops text.
 * A sentence ends at 。！？!? outside quotes and brackets, and takes the closing marks and [n]
 * markers that follow it ("……罚金。[1]" is one unit), so a citation stays with its claim.
 */

export interface ReplySentence {
  text: string;
  /** Paragraph index: sentences are re-joined per paragraph after removal. */
  paragraph: number;
}

/** One marker style: [1][2]. Accepts 【1】 ［1］ [1,2] [1、2] [1-3] [1，2]. */
export function normalizeCitations(text: string): string {
  return text
    .replace(/[【［]\s*(\d+(?:\s*[,，、\-–~～]\s*\d+)*)\s*[】］]/g, "[$1]")
    .replace(/\[\s*(\d+(?:\s*[,，、\-–~～]\s*\d+)+)\s*\]/g, (_, list: string) => expandList(list))
    .replace(/\[\s+(\d+)\s+\]/g, "[$1]");
}

function expandList(list: string): string {
  const out: number[] = [];
  for (const part of list.split(/\s*[,，、]\s*/)) {
    const range = /^(\d+)\s*[\-–~～]\s*(\d+)$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      // A range wider than a handful is not a citation list: keep its ends only, the verifier judges them.
      if (b >= a && b - a <= 10) for (let i = a; i <= b; i++) out.push(i);
      else out.push(a, b);
    } else out.push(Number(part));
  }
  return out.map((n) => `[${n}]`).join("");
}

const OPENERS: Record<string, string> = { "「": "」", "“": "”", "『": "』", "（": "）", "(": ")", "《": "》" };
const TERMINATORS = new Set(["。", "！", "？", "!", "?"]);
const TRAILING = /^(?:[\s]*(?:\[\d+\]|[」”』）)》"']))*/;

export function splitReply(text: string): ReplySentence[] {
  const out: ReplySentence[] = [];
  const paragraphs = text.split(/\n+/);
  paragraphs.forEach((para, p) => {
    let start = 0;
    const stack: string[] = [];
    let ascii = false; // inside "…"
    for (let i = 0; i < para.length; i++) {
      const ch = para[i];
      if (ch === '"') ascii = !ascii;
      else if (OPENERS[ch]) stack.push(OPENERS[ch]);
      else if (stack.length && ch === stack[stack.length - 1]) stack.pop();
      else if (TERMINATORS.has(ch) && !stack.length && !ascii) {
        let end = i + 1;
        while (end < para.length && TERMINATORS.has(para[end])) end++; // ？！ runs
        end += TRAILING.exec(para.slice(end))![0].length;
        push(para.slice(start, end), p);
        start = end;
        i = end - 1;
      }
    }
    push(para.slice(start), p);
  });
  return out;

  function push(s: string, paragraph: number) {
    const t = s.trim();
    if (t) out.push({ text: t, paragraph });
  }
}

/** Re-assembles kept sentences: same paragraph → joined directly (Chinese needs no space), paragraphs by newline. */
export function joinReply(sentences: ReplySentence[]): string {
  const paras = new Map<number, string[]>();
  for (const s of sentences) {
    const list = paras.get(s.paragraph) ?? [];
    list.push(s.text);
    paras.set(s.paragraph, list);
  }
  return [...paras.values()].map((l) => l.join("")).join("\n");
}

/** The [n] numbers in a piece of text, in order, with repeats. */
export function citationNumbers(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}
