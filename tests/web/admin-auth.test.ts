import { describe, expect, it } from "vitest";
import { AdminAuth, hashAdminPassword } from "../../src/channels/web/admin-auth.js";
import { ReindexJob, type ReindexState } from "../../src/channels/web/reindex-job.js";

describe("AdminAuth", () => {
  it("no secret configured: nobody logs in, not even with an empty string", () => {
    const auth = new AdminAuth({ token: null });
    expect(auth.enabled).toBe(false);
    expect(auth.login("")).toBeNull();
    expect(auth.login(undefined)).toBeNull();
  });

  it("a session lives until its time is up, then is gone; logout ends it at once", () => {
    let now = 1_000;
    const auth = new AdminAuth({ token: "a-long-admin-secret" }, 60_000, () => now);
    expect(auth.login("a-long-admin-secret ")).toBeNull();
    const s = auth.login("a-long-admin-secret")!;
    expect(auth.session(s.id)?.csrf).toBe(s.csrf);
    now += 59_999;
    expect(auth.session(s.id)).not.toBeNull();
    now += 1;
    expect(auth.session(s.id)).toBeNull();
    const t = auth.login("a-long-admin-secret")!;
    auth.logout(t.id);
    expect(auth.session(t.id)).toBeNull();
  });
});

describe("password hash", () => {
  it("logs in with the password whose scrypt hash is configured, and nothing else", () => {
    const auth = new AdminAuth({ token: null, passwordHash: hashAdminPassword("正确的密码 horse") });
    expect(auth.enabled).toBe(true);
    expect(auth.login("正确的密码 horse")).not.toBeNull();
    expect(auth.login("正确的密码")).toBeNull();
  });
});

describe("ReindexJob", () => {
  it("reports each stage's progress and ends at 100; a second start joins the running build", async () => {
    let release!: () => void;
    const runs: number[] = [];
    const job = new ReindexJob(async (p) => {
      runs.push(1);
      p.start("index", 4);
      p.update(2);
      await new Promise<void>((r) => (release = r));
    });
    const seen: ReindexState[] = [];
    job.subscribe((s) => seen.push(s));
    const a = job.start();
    const b = job.start();
    expect(job.state).toMatchObject({ state: "running", stage: "index", percent: 50 });
    release();
    await Promise.all([a, b]);
    expect(runs).toHaveLength(1);
    expect(seen.at(-1)).toMatchObject({ state: "done", percent: 100 });
  });

  it("a failed build says so and frees the job for the next try", async () => {
    const job = new ReindexJob(async () => {
      throw new Error("disk full");
    });
    await job.start();
    expect(job.state).toMatchObject({ state: "failed", error: "disk full" });
  });
});
