import { describe, expect, it } from "vitest";
import { expandPrefixes, loadWechatConfig, normalizePuppetName, sessionPath, wechatConfigOrThrow } from "../../src/channels/wechat/config.js";

describe("loadWechatConfig", () => {
  it("has working defaults for an empty environment, with no puppet", () => {
    const r = loadWechatConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      puppet: null,
      botName: "普法助手",
      allowedRooms: [],
      adminIds: [],
      maxReplyChars: 1500,
      sendDelayMs: { min: 800, max: 2500 },
    });
    expect(r.config.groupPrefixes).toEqual(expect.arrayContaining(["普法", "问：", "问:"]));
  });

  it("reads every variable", () => {
    const config = wechatConfigOrThrow({
      WECHATY_PUPPET: "wechat4u",
      PUFA_BOT_NAME: "派出所小助手",
      PUFA_GROUP_PREFIXES: "法律，咨询:",
      PUFA_ALLOWED_ROOMS: "村民群, 12345@chatroom",
      PUFA_ADMIN_IDS: "wxid_a, wxid_b",
      PUFA_MAX_REPLY_CHARS: "800",
      PUFA_RATE_PERSON_PER_MINUTE: "3",
      PUFA_RATE_GROUP_PER_MINUTE: "12",
      PUFA_GROUP_DAILY_BUDGET: "99",
      PUFA_QUEUE_SIZE: "50",
      PUFA_SEND_DELAY_MS: "100-200",
      PUFA_FOLLOWUP_MINUTES: "5",
      PUFA_DUPLICATE_MINUTES: "2",
      PUFA_STARTUP_GRACE_SECONDS: "15",
      PUFA_HINT_INTERVAL_MINUTES: "7",
      PUFA_MEMORY_CONVERSATIONS: "10",
      PUFA_DATA: "/tmp/pufa-data",
      PUFA_WECHAT_SESSION: "village",
    });
    expect(config).toMatchObject({
      puppet: "wechaty-puppet-wechat4u",
      botName: "派出所小助手",
      allowedRooms: ["村民群", "12345@chatroom"],
      adminIds: ["wxid_a", "wxid_b"],
      maxReplyChars: 800,
      perPersonPerMinute: 3,
      perGroupPerMinute: 12,
      groupDailyBudget: 99,
      queueSize: 50,
      sendDelayMs: { min: 100, max: 200 },
      followUpMinutes: 5,
      duplicateMinutes: 2,
      startupGraceSeconds: 15,
      hintIntervalMinutes: 7,
      memoryConversations: 10,
    });
    expect(config.groupPrefixes.sort()).toEqual(["法律", "咨询:", "咨询："].sort());
    expect(sessionPath(config)).toBe("/tmp/pufa-data/village");
  });

  it("reports every wrong value with the variable name and what was given", () => {
    const r = loadWechatConfig({
      PUFA_MAX_REPLY_CHARS: "lots",
      PUFA_RATE_PERSON_PER_MINUTE: "0",
      PUFA_SEND_DELAY_MS: "3000-100",
      WECHATY_PUPPET: "bad name!",
      PUFA_BOT_NAME: "@bot",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(5);
    expect(r.errors.find((e) => e.startsWith("PUFA_MAX_REPLY_CHARS:"))).toContain('"lots"');
    expect(r.errors.find((e) => e.startsWith("PUFA_RATE_PERSON_PER_MINUTE:"))).toContain("got 0");
    expect(r.errors.find((e) => e.startsWith("PUFA_SEND_DELAY_MS:"))).toContain("larger than the maximum");
    expect(r.errors.some((e) => e.startsWith("WECHATY_PUPPET:"))).toBe(true);
    expect(r.errors.some((e) => e.startsWith("PUFA_BOT_NAME:"))).toBe(true);
  });

  it("rejects an empty prefix list", () => {
    const r = loadWechatConfig({ PUFA_GROUP_PREFIXES: " , " });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^PUFA_GROUP_PREFIXES:/);
  });

  it("throws with all problems listed", () => {
    expect(() => wechatConfigOrThrow({ PUFA_QUEUE_SIZE: "-1" })).toThrow(/PUFA_QUEUE_SIZE/);
  });
});

describe("helpers", () => {
  it("expands short puppet names and keeps full or scoped ones", () => {
    expect(normalizePuppetName("padlocal")).toBe("wechaty-puppet-padlocal");
    expect(normalizePuppetName("wechaty-puppet-service")).toBe("wechaty-puppet-service");
    expect(normalizePuppetName("@juzibot/wechaty-puppet-wxwork")).toBe("@juzibot/wechaty-puppet-wxwork");
  });

  it("adds the other colon width and sorts longest first", () => {
    expect(expandPrefixes(["问", "问："])).toEqual(["问：", "问:", "问"]);
  });
});
