/**
 * The last look at a message before a channel sends it under the office's name. Pure: the channel
 * calls it on every message and sends nothing that fails. Excerpts are verbatim law and articles,
 * so a failure means a poisoned article or a model answer gone wrong, and the channel should send
 * its canned fallback instead.
 */
import { WARNED_CATEGORIES, type Moderator } from "./moderation.js";
import { BIDI_OR_CONTROL } from "./normalize.js";

export type OutgoingVerdict =
  | { ok: true }
  | { ok: false; reason: "control_chars" | "mention_all" | "url" | "blocked_words"; detail: string[] };

export interface OutgoingOptions {
  /** Hosts a message may link to; a host matches itself and its subdomains. Default: government sites (gov.cn). */
  allowedHosts?: readonly string[];
}

export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ["gov.cn"];

/** A link written out (http://, www.) or a bare domain under a common top-level domain. */
const URL_CHAR = `[^\\s\\p{Script=Han}，。！？、；;,）)》」"'<>]`;
const URL_RE = new RegExp(
  `(?:https?://|www\\.)${URL_CHAR}+|(?<![\\w.@-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:com|cn|net|org|top|xyz|vip|cc|io|me|info|biz|club|site|online|shop|app|link|ly|tk|icu|live|pro)(?![a-z0-9-])(?:[/:?#]${URL_CHAR}*)?`,
  "giu",
);
const MENTION_ALL = /@\s*(?:所有人|全体成员|all\b|everyone\b)/iu;

function hostOf(link: string): string {
  const withScheme = /^https?:\/\//i.test(link) ? link : `http://${link}`;
  try {
    return new URL(withScheme).hostname.toLowerCase();
  } catch {
    return link.toLowerCase();
  }
}

const allowed = (host: string, hosts: readonly string[]) => hosts.some((h) => host === h || host.endsWith(`.${h}`));

export function checkOutgoing(text: string, moderator: Moderator, options: OutgoingOptions = {}): OutgoingVerdict {
  const controls = [...text].filter((c) => BIDI_OR_CONTROL.test(c));
  if (controls.length) {
    return { ok: false, reason: "control_chars", detail: [...new Set(controls)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`) };
  }
  const folded = text.normalize("NFKC");
  if (MENTION_ALL.test(folded)) return { ok: false, reason: "mention_all", detail: [] };
  const hosts = options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS;
  const links = (folded.match(URL_RE) ?? []).map((l) => l.replace(/[.,;:!?；：]+$/u, "")).filter((l) => !allowed(hostOf(l), hosts));
  if (links.length) return { ok: false, reason: "url", detail: links };
  const verdict = moderator.check(text, { liftable: WARNED_CATEGORIES });
  if (verdict.blocked) return { ok: false, reason: "blocked_words", detail: verdict.categories };
  return { ok: true };
}
