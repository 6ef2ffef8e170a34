/**
 * Reading a chat text: is the bot addressed (@mention, trigger prefix, quote of one of its
 * messages), and what is the question once the addressing is taken off. Pure string functions.
 */

export interface Quote {
  /** Display name of the quoted message's sender; null when the quote has no "name：" part. */
  name: string | null;
  quoted: string;
  /** What the person wrote under the quote. */
  rest: string;
}

/**
 * WeChat (as wechaty-puppet-wechat4u and the PC client present it) writes a quote reply as
 * `「name：quoted text」\n- - - - - - - - - - - - - - -\nreply`.
 */
const QUOTE = /^\s*「([\s\S]*?)」[ \t]*\r?\n[ \t]*(?:-[ \t]*){5,}(?:\r?\n|$)([\s\S]*)$/;

export function parseQuote(text: string): Quote | null {
  const m = QUOTE.exec(text);
  if (!m) return null;
  const inner = m[1];
  const colon = inner.search(/[：:]/);
  return {
    name: colon > 0 ? inner.slice(0, colon).trim() : null,
    quoted: colon > 0 ? inner.slice(colon + 1) : inner,
    rest: m[2].trim(),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Removes "@name" (followed by U+2005, a space or the end) for each name; found: any was there. */
export function stripMentions(text: string, names: string[]): { text: string; found: boolean } {
  let out = text;
  let found = false;
  for (const name of names) {
    if (!name) continue;
    const re = new RegExp(`[@＠]${escapeRegExp(name)}(?:[\\u2005\\u0020]|$)`, "g");
    out = out.replace(re, () => {
      found = true;
      return " ";
    });
  }
  return { text: found ? out.replace(/[\u2005 ]{2,}/g, " ").trim() : text, found };
}

/** Punctuation and spaces allowed between a trigger word and the question. */
const AFTER_TRIGGER = /^[\s\u2005，,：:。.、]+/;

/**
 * The question when the text starts with one of the prefixes (checked in the given order, so pass
 * longer ones first) or with the bot's own name without @; null otherwise.
 */
export function matchPrefix(text: string, prefixes: string[]): { prefix: string; rest: string } | null {
  const t = text.trimStart();
  for (const prefix of prefixes) {
    if (prefix && t.startsWith(prefix)) return { prefix, rest: t.slice(prefix.length).replace(AFTER_TRIGGER, "").trim() };
  }
  return null;
}

/** Key for "the same question again": width-folded, lower case, without spaces, punctuation or symbols. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

/** "#状态 extra" / "＃状态" → { name: "状态", args: "extra" }; null when the text is no command form. */
export function parseCommand(text: string): { name: string; args: string } | null {
  const m = /^[#＃]\s*([^\s#＃]+)\s*([\s\S]*)$/.exec(text.trim());
  return m ? { name: m[1], args: m[2].trim() } : null;
}
