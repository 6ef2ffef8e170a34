import { describe, expect, it } from "vitest";
import { decide, type DecideSettings, type MessageFacts } from "../../src/channels/wechat/decide.js";
import { expandPrefixes } from "../../src/channels/wechat/config.js";
import { matchPrefix, normalizeQuestion, parseCommand, parseQuote, stripMentions } from "../../src/channels/wechat/triggers.js";

const T0 = 1_700_000_000_000;
const SEP = "- - - - - - - - - - - - - - -";

const settings: DecideSettings = {
  selfNames: ["普法助手"],
  prefixes: expandPrefixes(["普法", "问："]),
  allowedRooms: [],
  adminIds: ["boss"],
  startedAt: T0,
  graceMs: 60_000,
  commandNames: new Set(["状态", "未答", "帮助"]),
};

function group(text: string, extra: Partial<MessageFacts> = {}): MessageFacts {
  return {
    self: false,
    kind: "text",
    text,
    at: T0 + 1000,
    room: { id: "r1@chatroom", topic: "村民群" },
    talkerId: "alice",
    talkerIsPerson: true,
    mentionSelf: false,
    ...extra,
  };
}

function dm(text: string, extra: Partial<MessageFacts> = {}): MessageFacts {
  return group(text, { room: null, ...extra });
}

describe("decide: which messages are dropped, and why", () => {
  const none: Partial<DecideSettings> = {};
  it.each<[string, MessageFacts, Partial<DecideSettings>]>([
    ["self", group("@普法助手 醉驾", { self: true, mentionSelf: true }), none],
    ["stale", group("@普法助手 醉驾", { at: T0 - 61_000, mentionSelf: true }), none],
    ["not-a-person", dm("公众号推送", { talkerIsPerson: false }), none],
    ["room-not-allowed", group("@普法助手 醉驾", { mentionSelf: true, room: { id: "x@chatroom", topic: "别的群" } }), { allowedRooms: ["村民群"] }],
    ["media-in-group", group("", { kind: "media", mentionSelf: false }), none],
    ["unsupported-type", dm("<appmsg/>", { kind: "other" }), none],
    ["empty", dm("   "), none],
    ["not-addressed", group("今天吃什么？"), none],
    ["not-addressed", group(`「张三：醉驾怎么罚」\n${SEP}\n我也想知道`), none],
  ])("%s", (reason, facts, override) => {
    expect(decide(facts, { ...settings, ...override })).toEqual({ kind: "drop", reason });
  });

  it("keeps a message inside the startup grace window", () => {
    expect(decide(dm("醉驾怎么罚", { at: T0 - 59_000 }), settings).kind).toBe("answer");
  });

  it("accepts an allowed room by id as well as by topic", () => {
    const facts = group("@普法助手 醉驾", { mentionSelf: true });
    expect(decide(facts, { ...settings, allowedRooms: ["r1@chatroom"] }).kind).toBe("answer");
    expect(decide(facts, { ...settings, allowedRooms: ["村民群"] }).kind).toBe("answer");
  });
});

describe("decide: questions", () => {
  it("answers every private text, stripping a prefix or mention if present", () => {
    expect(decide(dm("醉驾怎么罚？"), settings)).toEqual({ kind: "answer", question: "醉驾怎么罚？", trigger: "private" });
    expect(decide(dm("问：醉驾怎么罚？"), settings)).toMatchObject({ question: "醉驾怎么罚？" });
  });

  it("answers a group @mention (puppet mention list or text) without the mention", () => {
    expect(decide(group("@普法助手\u2005醉驾怎么罚？", { mentionSelf: true }), settings)).toEqual({
      kind: "answer",
      question: "醉驾怎么罚？",
      trigger: "mention",
    });
    expect(decide(group("醉驾怎么罚？@普法助手"), settings)).toMatchObject({ question: "醉驾怎么罚？", trigger: "mention" });
  });

  it("answers a group prefix, full- and half-width colons, and the bare bot name", () => {
    expect(decide(group("普法：醉驾怎么罚"), settings)).toMatchObject({ question: "醉驾怎么罚", trigger: "prefix" });
    expect(decide(group("问:醉驾怎么罚"), settings)).toMatchObject({ question: "醉驾怎么罚", trigger: "prefix" });
    expect(decide(group("普法助手，醉驾怎么罚"), settings)).toMatchObject({ question: "醉驾怎么罚", trigger: "prefix" });
  });

  it("answers a quote of the bot's message with the text under the quote only", () => {
    const d = decide(group(`「普法助手：关于“醉驾”…\n[1]「醉酒驾驶…」」\n${SEP}\n那第二次被查到呢？`), settings);
    expect(d).toEqual({ kind: "answer", question: "那第二次被查到呢？", trigger: "quote" });
  });

  it("recognises the bot under another name it goes by (account name, group alias)", () => {
    const s = { ...settings, selfNames: ["普法助手", "派出所小王"] };
    expect(decide(group("@派出所小王 醉驾怎么罚"), s)).toMatchObject({ question: "醉驾怎么罚", trigger: "mention" });
  });

  it("hints in private chat for media", () => {
    expect(decide(dm("", { kind: "media" }), settings)).toEqual({ kind: "hint" });
  });
});

describe("decide: commands", () => {
  it("marks admin and non-admin commands; unknown # words are questions", () => {
    expect(decide(dm("#状态", { talkerId: "boss" }), settings)).toMatchObject({ kind: "command", name: "状态", admin: true });
    expect(decide(dm("＃未答 20"), settings)).toMatchObject({ kind: "command", name: "未答", args: "20", admin: false });
    expect(decide(group("@普法助手 #状态", { mentionSelf: true, talkerId: "boss" }), settings)).toMatchObject({ kind: "command", admin: true });
    expect(decide(dm("#醉驾"), settings)).toMatchObject({ kind: "answer", question: "#醉驾" });
  });

  it("ignores a command in a group when the bot is not addressed", () => {
    expect(decide(group("#状态", { talkerId: "boss" }), settings)).toEqual({ kind: "drop", reason: "not-addressed" });
  });
});

describe("triggers", () => {
  it("parseQuote reads name, quoted text and the reply", () => {
    expect(parseQuote(`「张三：你好」\n${SEP}\n回复`)).toEqual({ name: "张三", quoted: "你好", rest: "回复" });
    expect(parseQuote("「只是引号」里的话")).toBeNull();
  });

  it("stripMentions removes @name followed by U+2005, a space or the end, and nothing else", () => {
    expect(stripMentions("@普法助手\u2005醉驾", ["普法助手"])).toEqual({ text: "醉驾", found: true });
    expect(stripMentions("@普法助手真好", ["普法助手"])).toEqual({ text: "@普法助手真好", found: false });
    expect(stripMentions("问一下 @普法助手", ["普法助手"])).toEqual({ text: "问一下", found: true });
  });

  it("matchPrefix needs the prefix at the start", () => {
    expect(matchPrefix("  普法，醉驾", ["普法"])).toEqual({ prefix: "普法", rest: "醉驾" });
    expect(matchPrefix("我想普法", ["普法"])).toBeNull();
  });

  it("normalizeQuestion ignores spacing, punctuation and width", () => {
    expect(normalizeQuestion("醉驾 怎么处罚？")).toBe(normalizeQuestion("醉驾怎么处罚?"));
    expect(normalizeQuestion("ＡＢＣ！")).toBe("abc");
    expect(normalizeQuestion("醉驾怎么处罚")).not.toBe(normalizeQuestion("酒驾怎么处罚"));
  });

  it("parseCommand", () => {
    expect(parseCommand(" #未答  5 ")).toEqual({ name: "未答", args: "5" });
    expect(parseCommand("未答")).toBeNull();
  });
});
