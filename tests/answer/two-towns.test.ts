/**
 * Two towns' notices on the same matter, the newer one naming the older one's town (不用再跑到万城):
 * asked about the older town, its own notice answers; the other town's is no newer version of it.
 */
import { expect, it } from "vitest";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/two-towns"]);

it("another town's newer notice on the matter does not supersede the town's own", async () => {
  const reply = await engineAt(built(), "2023-06-01").ask({ question: "我住万城 电动车要去哪里上牌 有没有就在镇上办的不用跑太远" });
  expect(citedDocs(reply)).toContain("t-ebike-wancheng");
  expect(citedDocs(reply)).not.toContain("t-ebike-houan");
  expect(reply.text).toContain("红专西路");
});

it("a message naming no town is still about the town the person's last turn named", async () => {
  const engine = engineAt(built(), "2023-06-01");
  const reply = await engine.ask({ question: "电动自行车登记地点在哪里", context: [{ question: "万城那边上牌几点办", at: 0 }] });
  expect(citedDocs(reply)[0]).toBe("t-ebike-wancheng");
  expect(reply.text).toContain("红专西路");
  const alone = await engine.ask({ question: "电动自行车登记地点在哪里" });
  expect(citedDocs(alone)[0]).not.toBe("t-ebike-wancheng");
});
