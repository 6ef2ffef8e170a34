import { describe, expect, it } from "vitest";
import { LlmConfigError, loadLlmConfig } from "../../src/llm/config.js";

describe("loadLlmConfig", () => {
  it("is disabled without a key (blank counts as unset)", () => {
    expect(loadLlmConfig({})).toEqual({ enabled: false });
    expect(loadLlmConfig({ OPENAI_API_KEY: "  ", PUFA_CHAT_MODEL: "qwen-plus" })).toEqual({ enabled: false });
  });

  it("fills the documented defaults", () => {
    const c = loadLlmConfig({ OPENAI_API_KEY: "sk-x" });
    expect(c).toMatchObject({
      enabled: true,
      apiKey: "sk-x",
      baseURL: undefined,
      chatModel: "gpt-4o-mini",
      timeoutMs: 8000,
      maxRetries: 2,
      temperature: 0.2,
      embeddingModel: undefined,
      embeddingBatchSize: 64,
    });
  });

  it("reads every setting and trims a trailing slash of the base URL", () => {
    const c = loadLlmConfig({
      OPENAI_API_KEY: "sk-x",
      OPENAI_BASE_URL: "https://dashscope.aliyuncs.com/compatible-mode/v1/",
      PUFA_CHAT_MODEL: "qwen-plus",
      PUFA_LLM_TIMEOUT_MS: "5000",
      PUFA_LLM_MAX_RETRIES: "0",
      PUFA_LLM_TEMPERATURE: "0",
      PUFA_LLM_CIRCUIT_FAILURES: "3",
      PUFA_LLM_CIRCUIT_COOLDOWN_MS: "1000",
      PUFA_EMBEDDING_MODEL: "text-embedding-v3",
      PUFA_EMBEDDING_DIMENSIONS: "512",
      PUFA_LLM_TIMEOUT: "ignored: not one of ours",
    });
    expect(c).toMatchObject({
      enabled: true,
      baseURL: "https://dashscope.aliyuncs.com/compatible-mode/v1",
      chatModel: "qwen-plus",
      timeoutMs: 5000,
      maxRetries: 0,
      temperature: 0,
      circuitFailures: 3,
      circuitCooldownMs: 1000,
      embeddingModel: "text-embedding-v3",
      embeddingDimensions: 512,
    });
  });

  it("lists every bad value with its variable name and the value given", () => {
    let err: unknown;
    try {
      loadLlmConfig({ OPENAI_API_KEY: "sk-x", OPENAI_BASE_URL: "localhost:11434", PUFA_LLM_TIMEOUT_MS: "8s", PUFA_LLM_TEMPERATURE: "3", PUFA_LLM_MAX_RETRIES: "-1" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LlmConfigError);
    const problems = (err as LlmConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith("OPENAI_BASE_URL"))).toContain('"localhost:11434"');
    expect(problems.find((p) => p.startsWith("PUFA_LLM_TIMEOUT_MS"))).toMatch(/whole number.*"8s"/);
    expect(problems.find((p) => p.startsWith("PUFA_LLM_TEMPERATURE"))).toMatch(/between 0 and 2/);
    expect(problems.find((p) => p.startsWith("PUFA_LLM_MAX_RETRIES"))).toMatch(/at least 0/);
  });

  it("validates values even when no key is set, so a typo shows before the key is added", () => {
    expect(() => loadLlmConfig({ PUFA_LLM_TIMEOUT_MS: "abc" })).toThrow(/PUFA_LLM_TIMEOUT_MS/);
  });
});
