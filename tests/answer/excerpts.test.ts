/** The window quoted of a passage: the sentences that say most within the room, clipped only when that says far more. */
import { expect, it } from "vitest";
import { bestWindow } from "../../src/answer/excerpts.js";
import type { Passage } from "../../src/types.js";

const law = (text: string): Passage => ({ kind: "law", id: "law:t#24", text, lawTitle: "中华人民共和国野生动物保护法", lawShort: "野生动物保护法", article: "第二十四条", headings: [] }) as unknown as Passage;
const terms = { weights: new Map([["捕鸟网", { weight: 3, expansion: false }], ["禁止", { weight: 1, expansion: false }]]) };

const RULE = "禁止使用毒药、爆炸物、电击或者电子诱捕装置以及猎套、猎夹、捕鸟网、地枪、排铳等工具进行猎捕，禁止使用夜间照明行猎、歼灭性围猎、捣毁巢穴、火攻、烟熏、网捕等方法进行猎捕。";
const PROVISO = "前款规定以外的禁止使用的猎捕工具和方法，由县级以上地方人民政府规定。";

it("a rule too long for the room that says far more than the short proviso that fits is quoted clipped, not left out", () => {
  const p = law(`${RULE}\n${PROVISO}`);
  const w = bestWindow(p, terms, 60)!;
  expect(w.clipped).toBe(true);
  expect(p.text.slice(w.start, w.end)).toContain("捕鸟网");
  expect(RULE.startsWith(p.text.slice(w.start, w.end))).toBe(true);
});

it("a sentence that fits and says nearly as much is quoted whole", () => {
  const p = law(`${RULE}\n禁止使用捕鸟网。`);
  const w = bestWindow(p, terms, 60)!;
  expect(w.clipped).toBeFalsy();
  expect(p.text.slice(w.start, w.end)).toBe("禁止使用捕鸟网。");
});

it("one sentence asked for brings the next of its paragraph only with nextAlong (the office's article quoted alone), and never across a paragraph", () => {
  const article = (text: string): Passage => ({ kind: "article", id: "article:t#0", docId: "t", text, title: "通报", start: 0, end: text.length }) as unknown as Passage;
  const p = article("民警在路口查获违规使用捕鸟网的人员3名。经教育，3人已当场拆除。\n另有群众举报线索2条。");
  const one = bestWindow(p, terms, 200, { oneSentence: true })!;
  expect(p.text.slice(one.start, one.end)).toBe("民警在路口查获违规使用捕鸟网的人员3名。");
  const along = bestWindow(p, terms, 200, { oneSentence: true, nextAlong: true })!;
  expect(p.text.slice(along.start, along.end)).toBe("民警在路口查获违规使用捕鸟网的人员3名。经教育，3人已当场拆除。");
  // The room still bounds it.
  const tight = bestWindow(p, terms, 25, { oneSentence: true, nextAlong: true })!;
  expect(p.text.slice(tight.start, tight.end)).toBe("民警在路口查获违规使用捕鸟网的人员3名。");
  const last = article("民警在路口查获违规使用捕鸟网的人员3名。\n另有群众举报线索2条。");
  const alone = bestWindow(last, terms, 200, { oneSentence: true, nextAlong: true })!;
  expect(last.text.slice(alone.start, alone.end)).toBe("民警在路口查获违规使用捕鸟网的人员3名。");
});

it("with previousAlong the sentence before comes along too, as the room allows", () => {
  const article = (text: string): Passage => ({ kind: "article", id: "article:t#0", docId: "t", text, title: "通报", start: 0, end: text.length }) as unknown as Passage;
  const p = article("5月3日晚，民警在龙滚镇巡查。民警查获违规使用捕鸟网的人员3名。经教育，3人已当场拆除。");
  const both = bestWindow(p, terms, 200, { oneSentence: true, nextAlong: true, previousAlong: true })!;
  expect(p.text.slice(both.start, both.end)).toBe(p.text);
  const next = bestWindow(p, terms, 200, { oneSentence: true, nextAlong: true })!;
  expect(p.text.slice(next.start, next.end)).toBe("民警查获违规使用捕鸟网的人员3名。经教育，3人已当场拆除。");
  const room = bestWindow(p, terms, 36, { oneSentence: true, nextAlong: true, previousAlong: true })!;
  expect(p.text.slice(room.start, room.end)).toBe("民警查获违规使用捕鸟网的人员3名。经教育，3人已当场拆除。");
});
