/**
 * Offline follow-up handling: "那第二次被查到呢？" means little alone, so when it looks like a
 * follow-up and the same person asked something a few minutes ago, retrieval sees both.
 * (With a model configured, the engine asks it for a standalone rewrite first.)
 */
import type { ConversationTurn } from "../types.js";

const FOLLOW_UP_START = /^(那|那么|那要|那如果|如果|要是|假如|还有|再|第二次|第三次|然后|所以|这样|这种|这个|它|他|她)/;

export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim();
  return FOLLOW_UP_START.test(q) || Array.from(q.replace(/[\p{P}\s]/gu, "")).length <= 6;
}

/** The question retrieval should see: the last earlier question plus this one, for a follow-up. */
export function retrievalQuery(question: string, context: ConversationTurn[] | undefined): string {
  const last = context?.at(-1);
  if (!last || !looksLikeFollowUp(question)) return question;
  return `${last.question} ${question}`;
}
