/**
 * Which article is the version in force, and which year is asked: a newer county notice sharing one
 * word of an older one's title (出租 of 出租房屋 and of 出租出借银行卡) is no version of it, unless the
 * question names that word (养老) or the newer one's text names the older one's matter (转移登记); a year in the clause that asks wins over a year told in passing (前年看到有人在那巡的).
 * And asks the answer kinds now hear: 人关起来没有 (a case's outcome), 多久查一次 (how often), 跑掉那个叫乜名 (a person's name),
 * a fine a case got (网吧被罚几多钱), and a typo of one of the office's common words (举暴 for 举报) or of
 * a spoken word the equivalents read (狗正 for 狗证).
 */
import { describe, expect, it } from "vitest";
import { OfficeHomophones, soundsLikeOffice } from "../../src/answer/homophones.js";
import { officeAsks } from "../../src/answer/judge.js";
import { answersKind, askedFor } from "../../src/answer/question-type.js";
import { timeScope } from "../../src/answer/time-scope.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/versions"]);

async function ask(question: string, today = "2026-07-15"): Promise<{ docs: string[]; text: string }> {
  const reply = await engineAt(built(), today).ask({ question });
  return { docs: citedDocs(reply), text: reply.citations.map((c) => c.excerpt).join(" ") };
}

describe("the version in force", () => {
  it("a county's newer notice on the matter answers what holds now, not its newer article on another matter sharing one title word", async () => {
    const reply = await ask("我家两间房租出去 租客搬进来以后几天内要去登记 以前讲三天 现在有没有变");
    expect(reply.docs[0]).toBe("v-rental-online");
    expect(reply.docs).not.toContain("v-two-cards");
    expect(reply.text).toContain("24小时内");
  });

  it("a newer notice whose text names the older one's matter is its version, though the titles share only 办理", async () => {
    // The move notice writes 转移登记、临时号牌 of the guide's title: where to go now is the new window.
    const reply = await ask("现在转移登记还在政务中心办吗 听说搬了 搬哪了");
    expect(reply.docs[0]).toBe("v-window-move");
  });

  it("the year of the clause that asks, not of a memory told after it", async () => {
    expect(timeScope("和乐港北那边 今年暑假还有警察守着没有 前年看到有人在那巡的", new Date("2026-07-15")).year).toBe(2026);
    // Told before a year asked of, or with no year asked: the last year named, as before.
    expect(timeScope("前年来过一次 今年还有没有", new Date("2026-07-15")).year).toBe(2026);
    expect(timeScope("他说是去年八月，我查了下应该是2024年", new Date("2026-07-15")).year).toBe(2024);
    const reply = await ask("和乐港北那边 今年暑假还有警察守着没有 前年看到有人在那巡的");
    expect(reply.docs[0]).toBe("v-patrol-2026");
  });
});

describe("asks heard", () => {
  it("人关起来没有 asks how a case stands", () => {
    expect(askedFor("后安那个被骗的 骗子现在人关起来没有")).toContain("outcome");
    expect(answersKind("目前，4名嫌疑人已被依法刑事拘留。", ["outcome"])).toBe(true);
  });

  it("多久查一次 asks how often, not how long", () => {
    expect(askedFor("寒假还会不会去查网吧 多久查一次")).toEqual(["frequency"]);
    expect(askedFor("民警几天巡一次")).toEqual(["frequency"]);
    expect(askedFor("办好要等几天")).toEqual(["duration"]);
    expect(answersKind("寒假期间，派出所将每周不少于2次对辖区场所进行抽查。", ["frequency"])).toBe(true);
    expect(answersKind("派出所在15个工作日内办结。", ["frequency"])).toBe(false);
  });

  it("跑掉那个叫乜名 asks the name of one at large", () => {
    expect(askedFor("还有无跑掉的 跑掉那个叫乜名")).toContain("person");
    expect(answersKind("另有1名犯罪嫌疑人吴某某（男，1990年出生）至今在逃。", ["person"])).toBe(true);
    expect(answersKind("累计被盗电缆约1200米。", ["person"])).toBe(false);
  });

  it("a typo of the people's own word that the equivalents read (狗正 for 狗证) is heard too", () => {
    expect(soundsLikeOffice(built().searcher)("社区叫她去派出所办狗正 要带乜东西")).toBe("社区叫她去派出所办狗证 要带乜东西");
  });

  it("网吧被罚几多钱 asks the fine the case got, the report's figure; 会被罚几多 asks the law", () => {
    expect(officeAsks("一共抓了几个 网吧被罚几多钱")).toContain("网吧被罚几多钱");
    expect(officeAsks("一共抓了几个 我会被罚几多钱")).not.toContain("被罚");
  });

  it("a typo of one of the office's common words (举暴 for 举报) is heard when no topic word sounds so, and a character read into one word is not read into the next", () => {
    const unknown = () => false;
    const office = new OfficeHomophones(["快递", "校车"], [], ["举报", "地点"]);
    expect(office.correct("去举暴的话能奖几多钱", unknown)).toBe("去举报的话能奖几多钱");
    expect(office.correct("快第点在哪", unknown)).toBe("快递点在哪");
    // Another tone is another word (迁来 is no 前来), though no indexed text holds it: a verb and its direction.
    expect(new OfficeHomophones(["前来"]).correct("户口要从外地迁来这边", unknown)).toBe("户口要从外地迁来这边");
  });

  it("a pair nothing indexed holds, spelt like a title's word in another tone, is read as that word (申情 for 申请): the keyboard offers every tone", () => {
    const unknown = () => false;
    const office = new OfficeHomophones(["申请", "烟花"]);
    expect(office.correct("要去边度申情", unknown)).toBe("要去边度申请");
    // Held by some indexed text, the pair is a word of its own, left as typed.
    expect(office.correct("要去边度申情", unknown, unknown, () => false)).toBe("要去边度申情");
  });
});
