import { describe, expect, it } from "vitest";
import { checkOutgoing } from "../../src/safety/outgoing.js";
import { shippedModerator } from "../../src/safety/moderation.js";

const m = shippedModerator();
const ANSWER = "《中华人民共和国刑法》第一百三十三条之一：在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：……醉酒驾驶机动车的；\n来源：[1] 中华人民共和国刑法 第一百三十三条之一\n本回复仅供普法参考。紧急情况请拨打110，法律咨询可拨打12348。";

describe("checkOutgoing", () => {
  it("passes an ordinary answer, including a government link", () => {
    expect(checkOutgoing(ANSWER, m)).toEqual({ ok: true });
    expect(checkOutgoing("详见 https://www.12348.gov.cn/ 或 flk.npc.gov.cn", m)).toEqual({ ok: true });
    expect(checkOutgoing("举报网站：www.12339.gov.cn；电话12339。", m)).toEqual({ ok: true });
    expect(checkOutgoing("罚款5000元，第1.2项，v1.0 版本", m)).toEqual({ ok: true });
    // A 反诈 article may name the scripts it warns about: the cue 诈骗 keeps it sendable.
    expect(checkOutgoing("警方提醒：“日赚千元”的刷单兼职都是诈骗。", m)).toEqual({ ok: true });
  });

  it("blocks a listed word", () => {
    expect(checkOutgoing(`${ANSWER}\n傻逼`, m)).toMatchObject({ ok: false, reason: "blocked_words", detail: ["辱骂"] });
    expect(checkOutgoing("百家乐上分找我", m)).toMatchObject({ ok: false, reason: "blocked_words" });
  });

  it("blocks links that are not on the allow-list", () => {
    expect(checkOutgoing("领取补贴：http://evil.example.com/x", m)).toMatchObject({ ok: false, reason: "url", detail: ["http://evil.example.com/x"] });
    expect(checkOutgoing("访问 www.bet365.com", m)).toMatchObject({ ok: false, reason: "url" });
    expect(checkOutgoing("打开 abc-win.top 注册", m)).toMatchObject({ ok: false, reason: "url" });
    expect(checkOutgoing("打开ｅｖｉｌ．ｃｏｍ", m)).toMatchObject({ ok: false, reason: "url" });
    expect(checkOutgoing("假冒 gov.cn.evil.com", m)).toMatchObject({ ok: false, reason: "url" });
    expect(checkOutgoing("见 https://example.org/a", m, { allowedHosts: ["example.org"] })).toEqual({ ok: true });
  });

  it("blocks @所有人", () => {
    expect(checkOutgoing("@所有人 普法提醒", m)).toMatchObject({ ok: false, reason: "mention_all" });
    expect(checkOutgoing("＠所有人", m)).toMatchObject({ ok: false, reason: "mention_all" });
    expect(checkOutgoing("@全体成员", m)).toMatchObject({ ok: false, reason: "mention_all" });
    expect(checkOutgoing("@张三 你好", m)).toEqual({ ok: true });
  });

  it("blocks bidi and control characters, naming them", () => {
    expect(checkOutgoing("处罚\u202e款", m)).toEqual({ ok: false, reason: "control_chars", detail: ["U+202E"] });
    expect(checkOutgoing("a\u2066b\u2069", m)).toMatchObject({ ok: false, reason: "control_chars", detail: ["U+2066", "U+2069"] });
    // The law library holds zero-width spaces in verbatim articles (80 of them): not a reason to go silent.
    expect(checkOutgoing("第一百二十九条\u200b 公司应当定期……", m)).toEqual({ ok: true });
    expect(checkOutgoing("a\u0007b", m)).toMatchObject({ ok: false, reason: "control_chars" });
    expect(checkOutgoing("第一行\n第二行\t缩进", m)).toEqual({ ok: true });
  });
});

describe("checkOutgoing and cues", () => {
  it("a legal answer's own cue words (处罚, 报警) never excuse abuse going out", () => {
    expect(m.check(`${ANSWER}傻逼`).blocked).toBe(false); // as a citizen's report it would pass …
    expect(checkOutgoing(`${ANSWER}傻逼`, m)).toMatchObject({ ok: false, reason: "blocked_words" }); // … but not from the bot
  });
});
