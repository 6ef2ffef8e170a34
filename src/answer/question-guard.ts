/**
 * Decides what kind of question this is before any retrieval: nothing to answer,
 * too long, a greeting, clearly out of scope, and whether it signals an emergency (110)
 * or a personal dispute (12348). Patterns are data (src/data/intents.txt), not code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dataSections } from "../data/paths.js";

export const DEFAULT_INTENTS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../data/intents.txt");

export type IntentName = "emergency" | "dispute" | "out_of_scope" | "greeting" | "legal" | "legal_topic";
export type IntentPatterns = Record<IntentName, RegExp[]>;

export interface QuestionVerdict {
  /** The question, trimmed and with runs of whitespace folded. */
  question: string;
  kind: "empty" | "too_long" | "greeting" | "out_of_scope" | "question";
  emergency: boolean;
  dispute: boolean;
}

const INTENTS: readonly IntentName[] = ["emergency", "dispute", "out_of_scope", "greeting", "legal", "legal_topic"];

export function parseIntents(text: string): IntentPatterns {
  const sections = dataSections(text, INTENTS);
  return Object.fromEntries(INTENTS.map((n) => [n, sections[n].map((line) => new RegExp(line, "i"))])) as IntentPatterns;
}

let cached: IntentPatterns | null = null;
export function loadIntents(file = DEFAULT_INTENTS_FILE): IntentPatterns {
  if (file === DEFAULT_INTENTS_FILE && cached) return cached;
  const intents = parseIntents(readFileSync(file, "utf8"));
  if (file === DEFAULT_INTENTS_FILE) cached = intents;
  return intents;
}

/** True when the text has at least one letter or digit of any script (emoji and punctuation alone do not count). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function classifyQuestion(
  raw: string,
  options: { maxChars: number; intents?: IntentPatterns },
): QuestionVerdict {
  const intents = options.intents ?? loadIntents();
  const question = raw.replace(/\s+/g, " ").trim();
  const base = { question, emergency: false, dispute: false };
  if (!hasWords(question)) return { ...base, kind: "empty" };
  if (question.length > options.maxChars) return { ...base, kind: "too_long" };
  const matches = (name: IntentName) => intents[name].some((re) => re.test(question));
  const emergency = matches("emergency");
  const dispute = matches("dispute");
  if (matches("greeting")) return { ...base, kind: "greeting" };
  // An emergency is never "out of scope": the 110 advice matters more than the topic.
  if (!emergency && matches("out_of_scope")) return { ...base, kind: "out_of_scope", dispute };
  return { question, kind: "question", emergency, dispute };
}
