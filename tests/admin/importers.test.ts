import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormat, importBytes, importFile, UnsupportedFormatError } from "../../src/admin/importers/index.js";
import { importHtml } from "../../src/admin/importers/html.js";
import { joinBrokenLines } from "../../src/admin/importers/pdf.js";

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/admin");
const fixture = (name: string) => path.join(FIX, name);
const paragraphs = (body: string) => body.split("\n\n");

/** Body convention: trimmed paragraphs separated by exactly one blank line. */
function expectWellFormed(body: string) {
  expect(body).toBe(body.trim());
  expect(body).not.toMatch(/\n{3,}/);
  for (const p of paragraphs(body)) expect(p.trim()).toBe(p);
}

describe("docx importer", () => {
  it("takes the first short paragraph as title, the 来源/发布时间 line as metadata, the rest as body", async () => {
    const a = await importFile(fixture("article.docx"));
    expect(a.format).toBe("docx");
    expect(a.title).toBe("警惕“刷单返利”骗局");
    expect(a.source).toBe("平安临江");
    expect(a.date).toBe("2024-03-15");
    expect(paragraphs(a.body)).toHaveLength(3);
    expect(a.body.startsWith("近期，我市接连发生多起")).toBe(true);
    expect(a.body).toContain("请立即拨打110报警");
    expect(a.body).not.toContain("来源");
    expect(a.body).not.toContain(a.title);
    expectWellFormed(a.body);
  });
});

describe("txt importer (GBK captured page)", () => {
  it("decodes GBK and strips the site header, footer and editor line", async () => {
    const bytes = new Uint8Array(readFileSync(fixture("captured-page-gbk.txt")));
    // The fixture really is not UTF-8.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const a = await importBytes(bytes, "captured-page-gbk.txt");
    expect(a.format).toBe("txt");
    expect(a.title).toBe("醉驾入刑十余年，这些红线不能碰");
    expect(a.date).toBe("2023-12-01");
    expect(a.source).toBe("临江市公安局交警支队");
    expect(paragraphs(a.body)).toHaveLength(3);
    expect(a.body).toContain("吊销机动车驾驶证，依法追究刑事责任");
    for (const chrome of ["门户网站", "首页", "当前位置", "浏览次数", "责任编辑", "王晓明", "打印本页", "版权所有", "ICP"]) {
      expect(a.body).not.toContain(chrome);
    }
    expectWellFormed(a.body);
  });
});

describe("html importer", () => {
  it("keeps only the article of a GBK news page with site chrome, metadata from <meta>", async () => {
    const a = await importFile(fixture("site-page-gbk.html"));
    expect(a.format).toBe("html");
    expect(a.title).toBe("未成年人网络保护，家长需要知道的几件事");
    expect(a.date).toBe("2024-04-08");
    expect(a.source).toBe("临江市公安局网安支队");
    expect(a.url).toBe("https://www.example.gov.cn/pfxc/2024/0408/123.html");
    expect(a.authors).toEqual(["李警官"]);
    expect(paragraphs(a.body)).toHaveLength(4);
    expect(a.body.startsWith("随着互联网的普及")).toBe(true);
    expect(a.body).toContain("《未成年人保护法》专设“网络保护”一章");
    for (const chrome of [
      "欢迎访问", "普法动态", "法规库", "以案说法", "当前位置", "发布时间", "浏览次数", "分享到", "QQ空间",
      "热点推荐", "电动自行车新国标解读", "责任编辑", "赵敏", "版权所有", "ICP", "主办", "_hmt",
    ]) {
      expect(a.body).not.toContain(chrome);
    }
    expectWellFormed(a.body);
  });

  it("without <meta> tags, reads the <h1> and the 发布时间/来源 line under it", async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>防范电信诈骗_某某派出所</title></head><body>
      <nav><a href="/">首页</a><a href="/n">新闻</a></nav>
      <div class="article"><h1>防范电信诈骗</h1>
      <p class="meta">发布时间：2024-01-02 来源：某某派出所</p>
      <div class="text"><p>不听、不信、不转账，是防范电信网络诈骗最有效的办法。陌生来电自称客服要求退款的，一律先挂断再核实。</p>
      <p>如遇可疑情况，请拨打96110反诈专线咨询，或者到就近派出所求助。民警会帮助您判断真假，及时止付。</p>
      <p>（责任编辑：某某）</p></div></div>
      <footer>版权所有 某某派出所</footer></body></html>`;
    const a = await importHtml(new TextEncoder().encode(html), "page.html");
    expect(a.title).toBe("防范电信诈骗");
    expect(a.date).toBe("2024-01-02");
    expect(a.source).toBe("某某派出所");
    expect(paragraphs(a.body)).toHaveLength(2);
    expect(a.body).not.toMatch(/发布时间|责任编辑|版权所有|首页/);
  });

  it("a one-paragraph article: Readability returns the whole block, the chrome inside it still goes", async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>夜间骑行请开灯_平安临江</title></head><body>
      <div class="container"><div class="article"><h1>夜间骑行请开灯</h1>
      <div class="info">发布时间：2024-02-02　浏览次数：88</div>
      <p>夜间骑行电动自行车，请打开车灯、佩戴安全头盔，不要逆行、闯红灯，确保自身和他人安全。</p>
      <div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
      <div class="related"><h3>相关阅读</h3><ul><li><a>头盔怎么选</a></li><li><a>电动自行车上牌指南</a></li></ul></div>
      </div></div></body></html>`;
    const a = await importHtml(new TextEncoder().encode(html), "short.html");
    expect(a.title).toBe("夜间骑行请开灯");
    expect(a.date).toBe("2024-02-02");
    expect(a.body).toBe("夜间骑行电动自行车，请打开车灯、佩戴安全头盔，不要逆行、闯红灯，确保自身和他人安全。");
  });

  it("reads a WeChat official-account page: #activity-name, #js_name, var ct, og:url", async () => {
    const a = await importFile(fixture("wechat-page.html"));
    expect(a.title).toBe("冒充公检法诈骗，记住这“三个凡是”");
    expect(a.source).toBe("平安临江");
    expect(a.date).toBe("2024-05-20"); // ct = 1716170400 = 2024-05-20 10:00 in China
    expect(a.url).toBe("https://mp.weixin.qq.com/s/Xy12AbCdEfGhIjKl");
    expect(a.authors).toEqual(["张警官"]);
    expect(a.body.startsWith("近日，市民陈女士接到")).toBe(true);
    expect(a.body).toContain("凡是要求把钱转到“安全账户”的，都是诈骗；");
    expect(paragraphs(a.body)).toHaveLength(7);
    for (const chrome of ["长按识别", "编辑：", "刘洋", "阅读原文", "扫一扫", "阅读 1.2万", "htmlDecode"]) {
      expect(a.body).not.toContain(chrome);
    }
    expectWellFormed(a.body);
  });

  it("falls back to #publish_time when the page has no ct variable", async () => {
    const html = readFileSync(fixture("wechat-page.html"), "utf8")
      .replace(/var ct = "\d+";/, "")
      .replace('<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>', '<em id="publish_time">2023年7月9日 08:30</em>');
    const a = await importHtml(new TextEncoder().encode(html), "wx.html");
    expect(a.date).toBe("2023-07-09");
  });
});

describe("pdf importer", () => {
  it("extracts a CJK text layer with a non-embedded font (needs cMaps) and joins lines broken mid-sentence", async () => {
    const a = await importFile(fixture("notice.pdf"));
    expect(a.format).toBe("pdf");
    expect(a.title).toBe("关于防范养老诈骗的温馨提示");
    expect(a.date).toBe("2024-06-01");
    expect(paragraphs(a.body)).toEqual([
      "近期，一些不法分子打着“养老服务”“养老投资”的旗号，以高额回报为诱饵，骗取老年人钱财。",
      "请广大老年朋友牢记：正规养老机构不会承诺保本高息，也不会要求预交巨额费用。遇到可疑情况，请及时与子女商量或拨打110咨询。",
    ]);
  });

  it("joinBrokenLines keeps short lines and sentence ends as paragraph breaks", () => {
    const full = "这是一行写满了整个页面宽度的中文文字，句子在这里被";
    expect(joinBrokenLines(["标题", full, "截断了。", "第二段很短。"])).toEqual(["标题", `${full}截断了。`, "第二段很短。"]);
    expect(joinBrokenLines([full, "", "新段落。"])).toEqual([full, "新段落。"]);
    expect(joinBrokenLines(["The quick brown fox jumps over the", "lazy dog."])).toEqual(["The quick brown fox jumps over the lazy dog."]);
  });
});

describe("markdown importer", () => {
  it("keeps the front matter and drops an H1 that repeats the title", async () => {
    const a = await importFile(fixture("with-front-matter.md"));
    expect(a).toMatchObject({
      title: "遇到家庭暴力怎么办",
      source: "临江市妇联",
      date: "2024-02-20",
      url: "https://www.example.gov.cn/fl/2024/0220.html",
      authors: ["陈律师"],
      region: "浙江省临江市",
      tags: ["家庭暴力", "人身安全保护令"],
      format: "md",
    });
    expect(a.body.startsWith("家庭暴力不是家务事")).toBe(true);
    expect(paragraphs(a.body)).toHaveLength(2);
  });
});

describe("detectFormat", () => {
  it("uses the extension, else the first bytes", () => {
    expect(detectFormat("a.DOCX")).toBe("docx");
    expect(detectFormat("a.htm")).toBe("html");
    expect(detectFormat("a.txt")).toBe("txt");
    expect(detectFormat("download", readFileSync(fixture("notice.pdf")))).toBe("pdf");
    expect(detectFormat("download", readFileSync(fixture("article.docx")))).toBe("docx");
    expect(detectFormat("download", readFileSync(fixture("wechat-page.html")))).toBe("html");
    expect(detectFormat("download", new TextEncoder().encode("just some words"))).toBeNull();
  });

  it("refuses what it cannot read", async () => {
    await expect(importBytes(new Uint8Array([1, 2, 3, 4, 5]), "photo.jpg")).rejects.toBeInstanceOf(UnsupportedFormatError);
  });
});
