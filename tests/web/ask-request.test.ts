import { describe, expect, it } from "vitest";
import { BadRequest, parseAskBody } from "../../src/channels/web/ask-request.js";
import { bindRefusal, isLoopback } from "../../src/channels/web/bind-policy.js";

describe("parseAskBody caps the context", () => {
  it("keeps the last turns, each cut to its character budget, answers dropped", () => {
    const context = Array.from({ length: 9 }, (_, i) => ({ question: `问题${i}${"长".repeat(900)}`, answer: "x", at: i }));
    const parsed = parseAskBody(JSON.stringify({ question: "那呢", context }), { turns: 3, charsPerTurn: 100 });
    expect(parsed.context.map((t) => t.at)).toEqual([6, 7, 8]);
    expect(parsed.context.every((t) => t.question.length === 100 && !("answer" in t))).toBe(true);
  });

  it("rejects what is not a question", () => {
    expect(() => parseAskBody("[]")).toThrow(BadRequest);
    expect(() => parseAskBody("{")).toThrow(BadRequest);
  });
});

describe("bind policy", () => {
  it.each(["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"])("%s is loopback", (h) => expect(isLoopback(h)).toBe(true));
  it.each(["0.0.0.0", "::", "192.168.1.5", "example.org"])("%s is not", (h) => expect(isLoopback(h)).toBe(false));
  it("beyond loopback only with a secret", () => {
    expect(bindRefusal("0.0.0.0", false)).toMatch(/PUFA_ADMIN_TOKEN/);
    expect(bindRefusal("0.0.0.0", true)).toBeNull();
    expect(bindRefusal("127.0.0.1", false)).toBeNull();
  });
});
