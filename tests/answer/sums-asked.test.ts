/**
 * A report rounds its sums (涉案价值3600余元, 19万余元): asked 值几多钱, that sentence tells the money,
 * not the arrest told with a count of people.
 */
import { expect, it } from "vitest";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/versions-asked"]);

it("quotes the sentence with the rounded sum when asked how much it was worth", async () => {
  const reply = await engineAt(built(), "2026-12-05").ask({ question: "北大偷快递那两个后生仔 偷了几件 值几多钱" });
  expect(citedDocs(reply)[0]).toBe("r-locker-theft");
  expect(reply.citations[0].excerpt).toContain("3600余元");
});
