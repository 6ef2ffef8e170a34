/**
 * Limits on what an import may cost, and the refusal an import gets past one. A hostile or broken
 * file (a zip bomb named .docx, a binary renamed .txt, a page nested 10,000 deep, a symlink to a
 * system file) is refused with its reason before anything is written to the corpus.
 */

export interface ImportLimits {
  /** Largest file (or downloaded page) read at all. */
  maxBytes: number;
  /** Largest total a .docx (a zip) may inflate to. */
  maxInflatedBytes: number;
  /** Largest inflated/compressed ratio of one zip entry bigger than RATIO_FLOOR_BYTES. */
  maxZipRatio: number;
  /** Most characters of text one article may have. */
  maxTextChars: number;
  /** Deepest element nesting of an HTML page (the page cleaner walks the tree recursively). */
  maxHtmlDepth: number;
  /** Time allowed for downloading one URL, redirects included. */
  urlTimeoutMs: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 50 * 1024 * 1024,
  maxZipRatio: 100,
  maxTextChars: 2_000_000,
  maxHtmlDepth: 500,
  urlTimeoutMs: 15_000,
};

/** Zip entries smaller than this are never refused for their ratio (a small XML part can compress 200:1). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Why an import was refused; each has its message in prompts/import-<reason>.txt. */
export const REFUSAL_REASONS = [
  "missing",
  "symlink",
  "not-a-file",
  "too-large",
  "zip-bomb",
  "bad-zip",
  "too-much-text",
  "binary",
  "too-deep",
  "url-scheme",
  "url-invalid",
  "url-unreachable",
  "url-timeout",
  "url-redirects",
  "url-http",
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * An import refused on purpose. `reason` names the prompt (prompts/import-<reason>.txt) the
 * channels show; `details` fill its placeholders (some, like a zip's `why` or a connection's
 * `cause`, are for the audit log only); the message is for logs and tests.
 */
export class ImportRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`import refused (${reason}): ${JSON.stringify(details)}`);
    this.name = "ImportRefusedError";
  }
}

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
