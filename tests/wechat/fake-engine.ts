/**
 * A deterministic stand-in for the answer engine: builds a cited reply from the question and
 * records every request (question, context, channel) so tests can check what the channel passed.
 */
import type { AnswerEngine, AskRequest, Reply } from "../../src/types.js";

export const LAW_SOURCE = "《中华人民共和国刑法》第一百三十三条之一";

export interface FakeEngineOptions {
  /** Excerpts per answer (default 1). */
  excerpts?: number;
  /** Characters per excerpt (default: a short sentence). */
  excerptChars?: number;
  /** Questions containing this word are refused as out of scope. */
  refuseWord?: string;
  /** Questions containing this word make ask() throw. */
  failWord?: string;
}

export class FakeEngine implements AnswerEngine {
  readonly calls: AskRequest[] = [];

  constructor(private readonly options: FakeEngineOptions = {}) {}

  async ask(request: AskRequest): Promise<Reply> {
    this.calls.push(structuredClone(request));
    const q = request.question;
    if (this.options.failWord && q.includes(this.options.failWord)) throw new Error("engine exploded");
    if (this.options.refuseWord && q.includes(this.options.refuseWord)) {
      const text = `关于“${q}”，这不是法律问题，我回答不了。`;
      return { text, parts: { body: [text], sources: "", notes: [] }, citations: [], refused: true, reason: "out_of_scope", emergency: false, mode: "canned" };
    }
    const n = this.options.excerpts ?? 1;
    const excerpts = Array.from({ length: n }, (_, i) => `[${i + 1}]「${excerptText(q, i, this.options.excerptChars)}」`);
    const sources = Array.from({ length: n }, (_, i) => `[${i + 1}] ${LAW_SOURCE}（摘录${i + 1}）`);
    const parts = { body: [`关于“${q}”，普法资料中的相关内容如下：\n\n${excerpts.join("\n\n")}`], sources: `来源：\n${sources.join("\n")}`, notes: ["（以上内容仅供学习参考。）"] };
    const text = [...parts.body, parts.sources, ...parts.notes].join("\n\n");
    return {
      text,
      parts,
      citations: [],
      refused: false,
      reason: "answered",
      emergency: false,
      mode: "extractive",
    };
  }

  questions(): string[] {
    return this.calls.map((c) => c.question);
  }
}

/** Sentences ending in 。 so a splitter would love to cut inside the excerpt (it must not). */
function excerptText(q: string, i: number, chars?: number): string {
  const base = `在道路上醉酒驾驶机动车的，处拘役，并处罚金。这是第${i + 1}段摘录，针对：${q}。`;
  if (!chars) return base;
  let s = base;
  while (s.length < chars) s += `有前款行为，同时构成其他犯罪的，依照处罚较重的规定定罪处罚。`;
  return s.slice(0, chars - 1) + "。";
}
