/**
 * The one place an OpenAI client is constructed. Call it only with a configured key:
 * `new OpenAI()` without one throws "Missing credentials". The SDK's own retries are off;
 * retry.ts retries within the whole-answer deadline instead.
 */
import OpenAI from "openai";
import type { LlmConfig } from "./config.js";

export function createOpenAiClient(config: Pick<LlmConfig, "apiKey" | "baseURL" | "timeoutMs">): OpenAI {
  return new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, timeout: config.timeoutMs, maxRetries: 0 });
}
