/**
 * Keeps the instructions and the excerpt delimiters out of what is sent. A reply that echoes
 * 20 or more consecutive characters of a prompt (compared on letters and digits only, so that
 * re-punctuated or de-Markdowned copies are still caught) or that contains a delimiter is a leak.
 */

/** Prompt overlap at or above this length counts as a leak. */
export const LEAK_WINDOW = 20;

/** A whole prompt line this long (letters and digits) is distinctive enough to count when echoed. */
const MIN_LINE = 6;

export interface LeakGuardOptions {
  /** Per-request nonce of the delimiters. */
  nonce?: string;
  /** Instruction texts that must not be echoed: the system prompt and the literal parts of templates. */
  secrets?: string[];
  window?: number;
}

/** Letters and digits only: whitespace, punctuation and Markdown do not hide a copy. */
export function leakKey(text: string): string {
  return text.normalize("NFKC").replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
}

export class LeakGuard {
  private readonly windows = new Set<string>();
  /** Whole short lines of the prompts (headings such as 群众这次的提问：), too short for a window. */
  private readonly lines: string[] = [];
  private readonly window: number;
  private readonly nonce: string | undefined;

  constructor(options: LeakGuardOptions = {}) {
    this.window = options.window ?? LEAK_WINDOW;
    this.nonce = options.nonce?.toLowerCase();
    for (const secret of options.secrets ?? []) {
      const chars = Array.from(leakKey(secret));
      for (let i = 0; i + this.window <= chars.length; i++) this.windows.add(chars.slice(i, i + this.window).join(""));
      for (const line of secret.split("\n")) {
        const key = leakKey(line);
        if (key.length >= MIN_LINE && key.length < this.window) this.lines.push(key);
      }
    }
  }

  /** Why `text` must not be sent, or null when it is clean. */
  check(text: string): string | null {
    if (/<<<|>>>|\bEXCERPT\b|<<<?\s*END\b/i.test(text)) return "delimiter leak";
    if (this.nonce && text.toLowerCase().includes(this.nonce)) return "delimiter leak (nonce)";
    const key = leakKey(text.replace(/\[\d+\]/g, ""));
    if (this.lines.some((l) => key.includes(l))) return "prompt leak (line)";
    const chars = Array.from(key);
    for (let i = 0; i + this.window <= chars.length; i++) {
      if (this.windows.has(chars.slice(i, i + this.window).join(""))) return "prompt leak";
    }
    return null;
  }
}

/** The fixed wording of a template: the text between {placeholders}. */
export function literalParts(template: string): string[] {
  return template.split(/\{\w+\}/).filter((s) => s.trim());
}
