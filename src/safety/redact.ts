/**
 * Personal data out of text before it is stored or listed: 身份证号, 手机号, 银行卡号, e-mail,
 * 微信号 / QQ 号, 车牌号, and a name after 我叫 / 我是 / 本人. Pure and idempotent. Cheap on purpose:
 * digit runs are judged by length and shape with digit boundaries, so 第一百三十三条, dates, 12348,
 * 110 and amounts (5000元) are left alone; names need a common surname, so 我是不是 stays.
 */

export type PersonalDataKind = "身份证号" | "手机号" | "银行卡号" | "邮箱" | "微信号" | "QQ号" | "车牌号" | "姓名";

const mark = (kind: PersonalDataKind) => `[${kind}]`;

// ID card: 6-digit region, birth date 18xx–20xx (15-digit: yy), 3-digit sequence, check digit.
const ID18 = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID15 = /(?<!\d)[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g;
// Mobile: 1[3-9] + 9 digits, optionally +86, optionally grouped by spaces or dashes (138 1234 5678).
const MOBILE = /(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![\d])/g;
// Bank card: 16–19 digits, optionally in groups (6222 0212 3456 7890 123).
const CARD = /(?<![0-9A-Za-z])\d(?:[ -]?\d){15,18}(?![0-9A-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const WECHAT = /((?:微信|威信|vx|VX|wx|WX|weixin)号?\s*(?:是|为|[:：])?\s*)[A-Za-z][-_A-Za-z0-9]{5,19}/g;
const QQ = /((?:qq|QQ|扣扣)号?\s*(?:是|为|[:：])?\s*)[1-9]\d{4,10}(?!\d)/g;
const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·\s]?[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]{1,2}/g;

/** The hundred or so most common surnames (单姓) and the usual compound ones. */
const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤冼岑翁柯";
const COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐"];
/** Characters that end a name early: 我是王小明的妈妈 → 王小明. */
const AFTER_NAME = new Set([..."的了在是和跟被把我你他她它们要想去说也都就今昨从住今年家村镇县乡"]);
/** Words that start with a surname but are no name: 我是高中生, 我是程序员. */
const NOT_NAMES = ["高中", "高一", "高二", "高三", "高校", "程序", "白领", "金融", "石油", "方面", "江湖", "黄牛", "武警", "马上", "任何", "万一", "于是", "付款", "严重", "白天", "夏天", "龙头", "史上", "陆军", "贺卡", "钱包", "雷锋"];

function redactNames(text: string): string {
  return text.replace(/(我叫|我是|本人|我的名字(?:是|叫))(\s*)(\p{Script=Han}{2,4})/gu, (whole, cue: string, space: string, run: string) => {
    const compound = COMPOUND.find((c) => run.startsWith(c));
    const surnameLen = compound ? 2 : SURNAMES.includes(run[0]) && !NOT_NAMES.some((w) => run.startsWith(w)) ? 1 : 0;
    if (!surnameLen) return whole;
    let end = surnameLen;
    while (end < Math.min(run.length, surnameLen + 2) && !AFTER_NAME.has(run[end])) end++;
    if (end === surnameLen) return whole; // a surname alone (我是王) is no name
    return `${cue}${space}${mark("姓名")}${run.slice(end)}`;
  });
}

export function redact(text: string): string {
  return redactNames(
    text
      .replace(EMAIL, mark("邮箱"))
      .replace(ID18, mark("身份证号"))
      .replace(ID15, mark("身份证号"))
      .replace(MOBILE, mark("手机号"))
      .replace(CARD, mark("银行卡号"))
      .replace(WECHAT, (_w, cue: string) => `${cue}${mark("微信号")}`)
      .replace(QQ, (_w, cue: string) => `${cue}${mark("QQ号")}`)
      .replace(PLATE, mark("车牌号")),
  );
}

/** redact() on every string inside a JSON-like value. */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  return value;
}
