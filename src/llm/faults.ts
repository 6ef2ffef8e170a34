/**
 * Every way a model call can fail, reduced to a short cause string (what the logs and
 * ComposeResult report) and whether another attempt could help.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

export class LlmFault extends Error {
  constructor(
    /** timeout | http_429 | http_500 | connection | empty | malformed | content_filter | … */
    readonly code: string,
    message?: string,
    readonly retryable = false,
    /** Server-requested wait (Retry-After), when it gave one. */
    readonly retryAfterMs?: number,
  ) {
    super(message ?? code);
    this.name = "LlmFault";
  }
}

/** Turns anything thrown by the SDK (or by our own deadline) into an LlmFault. */
export function toFault(err: unknown, deadlineSignal?: AbortSignal): LlmFault {
  if (err instanceof LlmFault) return err;
  if (deadlineSignal?.aborted) return new LlmFault("timeout", "deadline reached");
  if (err instanceof APIConnectionTimeoutError) return new LlmFault("timeout", err.message);
  if (err instanceof APIUserAbortError) return new LlmFault("timeout", err.message);
  if (err instanceof APIConnectionError) return new LlmFault("connection", err.message, true);
  if (err instanceof APIError && typeof err.status === "number") {
    const status = err.status;
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    return new LlmFault(`http_${status}`, err.message, retryable, retryAfter(err.headers));
  }
  if (err instanceof SyntaxError) return new LlmFault("malformed", `response is not valid JSON: ${err.message}`);
  if (err instanceof Error && err.name === "AbortError") return new LlmFault("timeout", err.message);
  return new LlmFault("error", err instanceof Error ? err.message : String(err));
}

/** retry-after-ms / retry-after (seconds or an HTTP date) → ms. */
export function retryAfter(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = headers.get("retry-after");
  if (!raw) return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** Causes that say the endpoint works (it answered; the answer just could not be used). */
export const ENDPOINT_HEALTHY_CAUSES = new Set(["verification_failed", "no_citations", "content_filter", "length"]);
