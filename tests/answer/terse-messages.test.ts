/**
 * Short, fast-typed messages (偷咗几单, 万城领电驴仲得唔得 ddl？, 礼记小学门口而家仲封路冇？？): a town
 * typed as another word, a count in a measure of its own, a correction that names the day of what it
 * changes, a report on last year in this year's notice, and a follow-up that leans on the last turn's article.
 */
import { expect, it } from "vitest";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/terse"]);

/** Every article the reply cites, and all it quotes. */
async function ask(question: string, previous?: string): Promise<{ docs: string[]; quoted: string; refused: boolean }> {
  const context = previous ? [{ question: previous, at: Date.now() }] : undefined;
  const reply = await engineAt(built(), "2026-05-25").ask({ question, context });
  return { docs: citedDocs(reply), quoted: reply.citations.map((c) => c.excerpt).join(" "), refused: reply.refused };
}

it("a count asked in a measure of its own (偷咗几单 → 几起) is answered by the figure in it, not the place's sentence", async () => {
  const { docs, quoted } = await ask("长乐村出租屋抓嘅贼偷咗几单");
  expect(docs[0]).toBe("t-bike-thefts");
  expect(quoted).toContain("破案17起");
});

it("an extension that names the day of the notice it extends (我所3月17日发布……) is that notice's correction; its recital answers no date", async () => {
  const { docs, quoted } = await ask("万城领电驴仲得唔得 ddl？");
  expect(docs[0]).toBe("t-bike-claims-extended");
  expect(quoted).toContain("延长至2026年6月30日");
});

it("asked where, by a road only the first notice names (红专西路), the extension that cites its day leads with the new place", async () => {
  const { docs, quoted } = await ask("红专西路冇咗嘅电驴去边度领");
  expect(docs[0]).toBe("t-bike-claims-extended");
  expect(quoted).toContain("环市一路36号");
});

it("a correction's cited title holds no answer (《……查处案件14起》): its corrected figure does", async () => {
  const { docs, quoted } = await ask("电鱼嗰单 公安讲收咗几多套电鱼机啊");
  expect(docs[0]).toBe("t-fish-correction");
  expect(quoted).toContain("32套");
});

it("asked whether it still holds (而家仲封路冇), a withdrawal's change from its day is quoted; a town typed as another word (礼记) is read as the town", async () => {
  const { docs, quoted } = await ask("礼记小学门口而家仲封路冇？？");
  expect(docs[0]).toBe("t-school-road-lifted");
  expect(quoted).toContain("自2026年5月18日起");
});

it("of an extension's changes, the one asked is quoted (管制时间延长至……), not a side change naming the landmark its recital restates (植物园南门)", async () => {
  const { docs, quoted } = await ask("植物园南门那段路现在还封吗 封到几号");
  expect(docs[0]).toBe("t-road-control-extended");
  expect(quoted).toContain("延长至2026年3月3日");
});

it("去年 is answered by this year's notice that reports on last year (去年整治期间……2316起), not by last year's notice alone", async () => {
  const { docs, quoted } = await ask("去年查骑手违章总共几多单");
  expect(docs[0]).toBe("t-riders-2026");
  expect(quoted).toContain("2316起");
});

it("the thing counted is read by its head when the article words it otherwise (几多个卡点 → 查缉点……12处)", async () => {
  const { quoted } = await ask("jj今年查骑手设咗几多个卡点");
  expect(quoted).toContain("12处");
});

it("a village of the office's articles named (田新村那段路) asks about local matters; 有冇限速 asks the limit's figure", async () => {
  const { docs, quoted } = await ask("田新村那段路听讲塌了一截 现在车还过得去不 有冇限速 我开货车的");
  expect(docs[0]).toBe("t-road-collapse");
  expect(quoted).toContain("限速30公里/小时");
});

it("a follow-up neither source answers alone leans on the article that answered the last turn (冇发票得唔得)", async () => {
  const alone = await ask("冇发票得唔得");
  expect(alone.refused).toBe(true);
  const { docs, quoted } = await ask("冇发票得唔得", "万城被偷嘅电驴而家去边度领");
  expect(docs).toContain("t-bike-claims-extended");
  expect(quoted).toContain("车辆归属证明");
});

it("a follow-up about what the article does not hold is still refused (有冇停车场)", async () => {
  const { refused } = await ask("有冇停车场", "万城被偷嘅电驴而家去边度领");
  expect(refused).toBe(true);
});
