import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createModerator, loadModerator, ModerationListError, parseModerationList, shippedModerator } from "../../src/safety/moderation.js";
import { normalizeForMatch } from "../../src/safety/normalize.js";

/** What citizens ask about offences: the topics are the very words a naive list would block. */
const LEGITIMATE = [
  "赌博怎么处罚",
  "被骂了可以报警吗",
  "在微信群里抢红包赌博算违法吗",
  "打麻将带点彩头会被抓吗",
  "网上赌博输了钱能追回来吗",
  "吸毒会被拘留几天",
  "家里人吸毒怎么办，可以举报吗",
  "种几棵罂粟犯法吗",
  "贩卖毒品判几年",
  "嫖娼被抓了会通知家里吗",
  "卖淫怎么处罚",
  "组织卖淫罪判多少年",
  "网上传播淫秽视频违法吗",
  "裸聊被敲诈了怎么办",
  "刷单返利是不是诈骗",
  "有人冒充公安让我转账到安全账户，是诈骗吗",
  "被电信诈骗了钱还能追回吗",
  "帮别人跑分犯法吗",
  "出租银行卡会判刑吗",
  "出租银行卡会唔会罚钱",
  "出租银行卡罚多少",
  "出租银行卡犯不犯法",
  "有人说日赚千元的兼职是真的吗",
  "邻居骂我傻逼，我可以告他侮辱吗",
  "在群里被人辱骂怎么办",
  "网上有人造谣说我坏话怎么处理",
  "打架把人打成轻伤要坐牢吗",
  "家暴可以报警吗",
  "酒驾第一次被查怎么处罚",
  "醉驾会坐牢吗",
  "电动车被偷了怎么报警",
  "未成年人打架学校要负责吗",
  "校园霸凌怎么处理",
  "被人威胁要杀我怎么办",
  "借钱不还可以起诉吗",
  "散布谣言会被拘留吗",
  "收到短信说我ETC失效要点链接，是诈骗吗",
  "放高利贷违法吗",
  "传销怎么认定",
];

/** Abuse aimed at the bot, ads, contact handles, gambling and fraud recruitment, chain messages. */
const HOSTILE = [
  "你个傻逼机器人",
  "傻 逼",
  "傻\u200b逼",
  "ＳＢ机器人",
  "sb",
  "操你妈",
  "草泥马的普法",
  "你妈死了",
  "滚你妈的",
  "狗日的东西",
  "王八蛋",
  "脑残玩意儿",
  "去死吧你",
  "贱人",
  "同城约炮，加我",
  "小姐上门，包夜八百",
  "援交妹子看这里",
  "百家乐上分下分，24小时在线",
  "注册送彩金，首充送100",
  "带你回血上岸，稳赢计划",
  "澳门赌场直营，线上娱乐城",
  "兼职刷单日结，日赚千元",
  "躺赚项目，稳赚不赔",
  "无抵押秒下款，当天到账",
  "高价收卡，收购银行卡",
  "征信修复，洗白征信",
  "点击链接领取补贴",
  "加我微信 abc12345 了解详情",
  "加V：wxid_9988776",
  "+vx: money8888",
  "扫码进群，进群领红包",
  "互粉互赞，代发广告",
  "不转不是中国人！",
  "看完速转，马上就要删了",
  "内部消息不要外传，国家要变天",
  "ｖｘ：ａｂｃ１２３４５６",
];

describe("shipped moderation list", () => {
  const moderator = shippedModerator();

  it(`lets ${LEGITIMATE.length} legal questions about offences through`, () => {
    expect(LEGITIMATE.length).toBeGreaterThanOrEqual(30);
    const blocked = LEGITIMATE.filter((q) => moderator.check(q).blocked);
    expect(blocked).toEqual([]);
  });

  it(`blocks ${HOSTILE.length} hostile inputs, each with a category`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
    const passed = HOSTILE.filter((q) => !moderator.check(q).blocked);
    expect(passed).toEqual([]);
    for (const q of HOSTILE) expect(moderator.check(q).categories.length, q).toBeGreaterThan(0);
  });

  it("stays fast on hostile shapes (long whitespace runs once made a pattern backtrack: 1.5 s for 20,000 spaces)", () => {
    const started = performance.now();
    for (const text of ["加" + " ".repeat(100_000) + "!", ("加微信" + " ".repeat(50)).repeat(2000), "a".repeat(100_000), "赌 ".repeat(50_000)]) moderator.check(text);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("names the categories found", () => {
    expect(moderator.check("你个傻逼").categories).toEqual(["辱骂"]);
    expect(moderator.check("百家乐上分").categories).toEqual(["赌博引流"]);
    expect(moderator.check("加我微信 abc12345").categories).toEqual(["广告引流"]);
    expect(moderator.check("醉驾怎么处罚")).toEqual({ blocked: false, categories: [] });
  });

  it("a cue (报警, 被骗 …) lifts quoted abuse but never contact handles", () => {
    expect(moderator.check("他骂我傻逼").blocked).toBe(false);
    expect(moderator.check("你个傻逼").blocked).toBe(true);
    expect(moderator.check("被骗了，对方让我加微信 abc12345").blocked).toBe(true);
  });

  it("a scam told as a story (说稳赚不赔…还要我交保证金) reaches the answer; the same words as an advert do not", () => {
    expect(moderator.check("网上认识个老师带我炒币，说稳赚不赔，平台上显示赚了好多就是提不出来，还要我再交一笔保证金才能提现").blocked).toBe(false);
    expect(moderator.check("稳赚不赔，日赚千元，私聊领取").blocked).toBe(true);
  });
});

describe("normalisation", () => {
  it("folds width and case, drops invisible characters, closes gaps between Chinese characters", () => {
    expect(normalizeForMatch("ＡＢＣ")).toBe("abc");
    expect(normalizeForMatch("赌 博")).toBe("赌博");
    expect(normalizeForMatch("赌\u200b博")).toBe("赌博");
    expect(normalizeForMatch("赌\u202e博")).toBe("赌博");
    expect(normalizeForMatch("赌.博　机")).toBe("赌博机");
    expect(normalizeForMatch("hello world")).toBe("hello world"); // only gaps between Chinese characters
    expect(normalizeForMatch("不要赌。博彩")).toBe("不要赌。博彩"); // sentence ends are not gaps
  });
});

describe("word list files", () => {
  it("parses categories, regular expressions and cues; rejects a bad line with its number", () => {
    const list = parseModerationList("# 注释\n辱骂 坏 蛋\n广告引流 re:q{2}\n引述 报警\n");
    expect(list.words).toEqual([{ category: "辱骂", word: "坏蛋" }]);
    expect(list.patterns.map((p) => p.pattern.source)).toEqual(["q{2}"]);
    expect(list.cues).toEqual(["报警"]);
    expect(() => parseModerationList("只有一个词", "x.txt")).toThrow(/x\.txt:1/);
    expect(() => parseModerationList("\n辱骂 re:(", "x.txt")).toThrow(ModerationListError);
    const m = createModerator(list);
    expect(m.check("你这个坏　蛋").blocked).toBe(true);
    expect(m.check("qq").categories).toEqual(["广告引流"]);
  });

  it("re-reads the file when it changes, and keeps the last good list when it breaks", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pufa-mod-"));
    try {
      const file = path.join(dir, "list.txt");
      writeFileSync(file, "辱骂 坏蛋\n");
      const m = loadModerator(file);
      expect(m.check("坏蛋").blocked).toBe(true);
      expect(m.check("笨蛋").blocked).toBe(false);
      writeFileSync(file, "辱骂 笨蛋\n");
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      expect(m.check("笨蛋").blocked).toBe(true);
      expect(m.check("坏蛋").blocked).toBe(false);
      writeFileSync(file, "坏行\n");
      utimesSync(file, new Date(), new Date(Date.now() + 10000));
      expect(m.check("笨蛋").blocked).toBe(true); // the broken edit did not disarm the list
      expect(() => loadModerator(path.join(dir, "missing.txt"))).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
