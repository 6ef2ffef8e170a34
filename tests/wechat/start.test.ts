/** startWechat with a puppet given by name, as an operator would set WECHATY_PUPPET (the mock stands in). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { log as wechatyLog } from "wechaty";
import type { PuppetMock } from "wechaty-puppet-mock";
import { restoreCrashHandlers, startWechat } from "../../src/channels/wechat/start.js";
import { wechatConfigOrThrow } from "../../src/channels/wechat/config.js";
import { FakeEngine } from "./fake-engine.js";

wechatyLog.level("silent");
const dataDir = mkdtempSync(path.join(tmpdir(), "pufa-wechat-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("startWechat", () => {
  it("refuses to start without an explicit puppet (no silent fallback to wechat4u)", async () => {
    const config = wechatConfigOrThrow({ PUFA_DATA: dataDir });
    await expect(startWechat(new FakeEngine(), config)).rejects.toThrow(/WECHATY_PUPPET/);
  });

  it("starts the named puppet, shows the login QR code with its URL, and stops cleanly", async () => {
    const config = wechatConfigOrThrow({ WECHATY_PUPPET: "mock", PUFA_DATA: dataDir, PUFA_WECHAT_SESSION: "test-session" });
    expect(config.puppet).toBe("wechaty-puppet-mock");
    const handlersBefore = process.listeners("uncaughtException").length;
    const shown: Array<[string, string]> = [];
    const running = await startWechat(new FakeEngine(), config, { showQr: (qr, url) => shown.push([qr, url]) });
    try {
      expect(running.wechaty.puppet.constructor.name).toBe("PuppetMock");
      (running.wechaty.puppet as unknown as PuppetMock).mocker.scan("https://login.example/qr?x=1");
      await new Promise((r) => setTimeout(r, 20));
      expect(shown).toEqual([["https://login.example/qr?x=1", `https://wechaty.js.org/qrcode/${encodeURIComponent("https://login.example/qr?x=1")}`]]);
      expect(process.listeners("uncaughtException").length).toBe(handlersBefore);
    } finally {
      await running.stop();
    }
  });
});

describe("restoreCrashHandlers", () => {
  it("removes uncaughtException handlers added since the snapshot, and only those", () => {
    const before = process.listeners("uncaughtException");
    const swallower = (err: Error) => void err;
    process.on("uncaughtException", swallower);
    restoreCrashHandlers(before);
    expect(process.listeners("uncaughtException")).toEqual(before);
  });
});
