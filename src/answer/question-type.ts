/**
 * What a question asks for, so the reply can quote the sentence that holds it: an amount with its
 * measure word, a date or time, a place, a list of documents, a phone number, or an outcome
 * (抓到没有). Such questions are about the office's own notices and reports first. Each kind also
 * says what a sentence that answers it looks like.
 */
import { loadIntents } from "./question-guard.js";
import { jieba, segment } from "../text/segmenter.js";
import { splitClauses } from "../text/sentences.js";
import { stopwordSet } from "../text/tokenize.js";

export type AskedFor = "amount" | "fee" | "time" | "date" | "duration" | "frequency" | "place" | "route" | "transit" | "documents" | "phone" | "app" | "age" | "missed" | "outcome" | "recovered" | "person" | "posedAs" | "means" | "findings" | "content" | "weapon" | "looks" | "reason" | "gift" | "advice" | "truth" | "rule";

/** Kinds that ask no fact of the office's: a yes/no rule, what to do, whether a story is true. */
const NOT_FACTS: ReadonlySet<AskedFor> = new Set(["rule", "advice", "truth"]);

interface Kind {
  asked: RegExp;
  /** Asked also by this, but only in the message's last clause: in a story it tells, not asks. */
  askedAtEnd?: RegExp;
  /** Asked also by this, but only when no other kind is: 交了材料多久能拿到 asks how long, not for papers. */
  askedAlone?: RegExp;
  /** A sentence that answers: contains this. */
  answer: RegExp;
}

const NUM = "[0-9０-９零〇一二两三四五六七八九十百千万亿.]+";
/** A number of weeks (两周, 3个多星期; not 18周岁): a span only when said as one (约两周, 两周内), not which weeks (开学两周). */
const WEEKS = `(${NUM}|半)\\s*个?(多|余)?个?(周(?!岁)|星期)`;
/** A time of day: 8:30, 上午9时, 15点 (not 时间, 时期). */
const CLOCK = `[0-9]{1,2}[:：][0-9]{2}|[上下]午\\s*${NUM}\\s*[时点]|${NUM}\\s*[时点](?![间期])`;

/** A count of things picked up or seized (背包1个, 手机3部, 子弹12发, 假警官证1本, 手铐1副). */
const ITEM_COUNT = "[0-9０-９]+\\s*(个|部|台|辆|张|件|把|支|根|只|头|匹|块|枚|发|克|包|条|瓶|箱|袋|盒|套|本|副|双|顶)";

export /** Papers a citizen brings to a window. */
const DOCUMENT = "(身份证|户口|证明|材料|发票|小票|收据|聊天记录|截图|照片|复印件|原件|凭证|委托书|(居住|结婚|出生|暂住|驾驶|行驶|营业|许可|合格|毕业|免疫|登记|通行)证)";

/**
 * How a case told of ended (那个造谣的后来咋处理的, 最后怎么判的, 那几间网吧后来怎么处理): the report's outcome, not
 * the law's rule. 最后怎么处理 with no 的 asks what becomes of a thing (到期冇人领最后怎么处理 → 归国家所有): a rule.
 */
const HOW = "(怎么|咋|点|如何|怎样)(个)?";
const HOW_DEALT_WITH = `[^，。？?\\s]{0,6}${HOW}(处理|处置|处罚|判|罚|搞)`;
const CLAUSE_END = "(?=[，,。？?！!\\s]|$)";
/** Held, done (被抓了, 被警察拘留咗, 被关走了): what became of a case's people. */
const HELD = "被(人|警察|公安)?(抓|拘留?|关|逮捕)(了|咗|走了)";
/** Asked whether it has happened yet (……了没有, 咗未, 了吗). */
const NOT_YET = "(没有|没|吗|未|冇)";
/**
 * A case the message points at before it asks: 那个欠薪老板, 嗰单, 嗰3个, 和乐镇房东…… (a town's 镇 or 墟), a
 * person a report names (符某; not 某些, 某个), or the police who dealt with it (派出所点处理的). After one,
 * 点处罚的 and 有冇被抓去坐监 ask how that case went.
 */
const TOLD_CASE = "(?<=(?:[\\u4e00-\\u9fa5](?:镇|墟)|(?:那|嗰)(?:[0-9０-９两三四五六七八九十几]{1,3})?(?:个|宗|单|起|件|次|伙|帮|对|间|家|名|位)|[\\u4e00-\\u9fa5]某(?![些个种天人地处位])|派出所|警察|警方|公安|民警|交警)[^？?。]{0,30})";
// 最后点罚 with no 的 still asks a case's end: a fine or a term is a person's, never what becomes of a thing.
const CASE_OUTCOME = [
  `(后来|最后|最终)${HOW_DEALT_WITH}(的|了|咗)|后来${HOW_DEALT_WITH}((他|她|佢)(们|哋|地)?)?${CLAUSE_END}|(后来|最后|最终)[^，。？?\\s]{0,6}${HOW}(罚|判)${CLAUSE_END}`,
  // 和乐镇房东……点处罚的, 派出所点处理的, 兴隆镇个假干部……而家佢点样处理咗: dealt with, told in the past of a case
  // pointed at (酒驾一般怎么处罚 asks the rule).
  `${TOLD_CASE}${HOW_DEALT_WITH}(的|咗)${CLAUSE_END}`,
  `${TOLD_CASE}[^，。？?\\s]{0,6}(?<![会要将该应])${HOW}(处理|处置|处罚|判|罚|搞)了${CLAUSE_END}`,
  // 嗰两个人而家点处理: how the people of a case told are being dealt with now (→ 已被依法刑事拘留).
  `${TOLD_CASE}(现在|而家|目前|如今)${HOW}(处理|处置|处罚|判|罚|搞)(了|咗)?${CLAUSE_END}`,
  // 兴隆嗰3个初中生 派出所咋搞佢哋: how the police dealt with the people of a case told (→ 责令具结悔过).
  `${TOLD_CASE}(?<![会要将])${HOW}(处理|处置|处罚|判|罚|搞)(他|她|佢)(们|哋|地)${CLAUSE_END}`,
  // 兴隆那个包工头抓到冇 点处理: asked bare, the clause opening on it (会点处理 asks what would be done);
  // 警察点处理, 公安点样处理佢, 司机点罚: who dealt with it or was dealt with named first, the one told of after
  // (not the law: 法律点罚, 一般点罚 ask the rule; nor 会点罚, what would be done).
  `${TOLD_CASE}(?<=[，,\\s])(?:(?!法律|法规|国家|一般|通常|按照?|依法)[\\u4e00-\\u9fa5]{1,3}(?<![会要将该应]))?${HOW}(处理|处置|处罚|判|罚)((他|她|佢)(们|哋|地)?)?${CLAUSE_END}`,
  // 和乐那个欠薪老板有冇被抓去坐监: whether that case's man was caught or jailed, not what the law would do.
  `${TOLD_CASE}有没有被?(抓|关|拘|判)[^，。？?\\s]{0,4}${CLAUSE_END}`,
  // 佢畀人点处理咗: how the one told of was dealt with, in the passive (→ 被依法刑事拘留).
  `(他|她|佢)(们|哋|地)?(被|给|畀)(人|警察|公安|派出所|民警)?${HOW}(处理|处置|处罚|判|罚)(了|咗|的)${CLAUSE_END}`,
  // 和乐偷电瓶嗰个后生仔 系咪已经畀人拉咗: whether the one told of is held by now (→ 已被依法刑事拘留), not what
  // the law would do to him (被抓了会怎样 goes on past the clause's end). Asked, by 是不是/已经 before or 吗/未
  // after: 那间网吧……被抓了 tells.
  `${TOLD_CASE}(?:(已经|(是不是|是否)(已经)?)${HELD}${NOT_YET}?|${HELD}${NOT_YET})${CLAUSE_END}`,
  // 工友攞付款码截图去买奶茶 被关咗几日: held, done (了), for a count: what a case came to, not what the law allows.
  // (Not 被罚了几多: beside 法律上……最多能罚几多 the case's fine is the law's matter too, local-fresh31.)
  `被(关|拘留?|判)(了|咗)(几|多少)`,
  // 调解咋讲的, 调解结果呢, 点样调解的: what a mediation told of settled (双方达成协议：……).
  `调解(的)?(结果|(得|成)?(怎么|咋|点样?|如何)(讲|说|定|弄|搞|处理|调)的)|(怎么|咋|点样?|如何)调解的`,
].join("|");
const CASE_OUTCOME_ALL = new RegExp(CASE_OUTCOME, "g");
/**
 * 礼纪卖六合彩那个庄家犯咩罪: the charge a case's people were held on (因涉嫌开设赌场罪被刑事拘留). Asked of the
 * case as much as of the law: it is no outcome that takes the legal question out of the message.
 */
const CASE_CHARGE = `${TOLD_CASE}(犯|涉嫌|算|是|系|定|判)(了|咗|的)?(个)?(什么|啥|咩|乜嘢?|哪个|哪种)罪`;
const CASE_CHARGE_ASKED = new RegExp(CASE_CHARGE);
/** Does the message ask the charge of a case it points at (那个庄家犯咩罪)? */
export function asksCharge(question: string): boolean {
  return CASE_CHARGE_ASKED.test(question);
}
/** Does the sentence name a charge (涉嫌开设赌场罪, 以诈骗罪)? */
export function tellsCharge(sentence: string): boolean {
  return CHARGE_NAMED.test(sentence);
}
const CHARGE_NAMED = /(涉嫌|以|犯)[^，。；,;]{1,16}罪/;

/** The words asking whether a value heard still holds, as the question is read (仲系 → 还是): one list for every such reading. */
export const STILL_WORDS = "还是|仍是|仍然是";

/**
 * A count heard and asked whether it still holds (名额仲系150个吗, 仲系限60个人吗, 仲系得80个名额咩, 仲系得80个位咩): it asks what the count is now, as an
 * amount. judge.ts's heardStill reads the rest of the question for what else it asks; `measure` is the count's measure word.
 */
export const HEARD_COUNT = new RegExp(String.raw`(?:${STILL_WORDS})[^，。？?\s\d]{0,4}\d+(?<measure>个人|个|名|人|辆|张|份|户|家|间|台|场)(?:名额|位置|座位|位|个位)?(?:吗|么|咩|嘛|啊|呀|$|\s|，)`);

const KINDS: Record<AskedFor, Kind> = {
  amount: {
    // 查了几间, 抓过几个: a count asked after what was done, anywhere in the message; 有几间学校 what there is (好几间 tells).
    // 有冇限速: whether there is a limit, and so its figure (限速30公里/小时). 赔几倍 asks a multiple (三倍); 好几倍 tells one.
    // 名额仲系150个吗: a count heard, asked whether it still holds, asks what the count is now. Not a sum of money
    // (仲系奖500蚊咩): that is asked of the heard value's own reading (heardStill), and as an amount it moved the
    // answer to the newest report naming any sum (local-fresh92, 122, 130: −1 each).
    asked: new RegExp(String.raw`多少|几多|数量|金额|罚多|奖多|多重|多大|多高|多远|多长|多宽|多深|多少钱|有没有限速|(?<![好十几])几倍|${HEARD_COUNT.source}|[了过]几(个|名|人|辆|起|家|间|户|条|台|处|只|次|批|场|艘)(?![都也])|(?<!好)有几(间|所|家|处|辆|台|起|宗|单|艘)(?![都也])`),
    // 抓了几个 asks a count; 被几个同学堵在厕所里，我该咋办 tells one; 禁渔那几个月, 好几个 tell, not ask.
    // 打咗几次都冇人听: 几 before 都 or 也 is "several", told, not asked.
    askedAtEnd: /(?<![那这嗰头好过前])几(个|名|人|辆|株|起|元|块|克|次|户|家|间|所|条|台|万|千|百|份|张|部|只|头|匹|处|把|套|棵|岁|趟|架次|回|批|场|艘|成|种|类|项|倍)(?![都也])/,
    // Arabic figures with any measure word (每斤多称约3两: after a digit 两 is a weight; 500蚊 is Cantonese 元); Chinese numerals only with one that counts cases or money ("三个特点" is no figure).
    answer: new RegExp(`[0-9０-９][0-9０-９.]*\\s*(余|多)?\\s*(%|％|元|万元|亿元|块|蚊|辆|株|棵|起|名|人|克|千克|公斤|次|户|家|条|台|部|个|张|件|只|吨|处|宗|万|岁|份|斤|两|亩|顶|具|副|双|箱|袋|瓶|盒|支|枚|发|颗|粒|本|根|头|匹|把|艘|架次|架|趟|批|场|套|间|座|栋|所|组|队|种|类|项|mg|毫克|毫升|ml|公里|千米|米|倍)|[零〇一二两三四五六七八九十百千万亿]+\\s*(余|多)?\\s*(元|万元|亿元|辆|株|起|克|公斤|吨|宗|倍)`),
  },
  fee: {
    // What it costs: a price, or that it is free (免收号牌工本费 answers 要交几多钱).
    // (骗了多少钱, 罚多少钱 ask for an amount, not a price; 被堵在厕所要钱, 叫我先交钱 tell a story.)
    // 还是收六十吗: a price named back to be confirmed; 卖几多钱一顶: what a thing sold costs. 寄要加钱吗: a charge on top.
    asked: /(交|收|花|付|缴|要|给|卖|买)(个)?(多少钱|几多钱)|(多少钱|几多钱)一(顶|个|张|本|件|份)|(收|交|缴)(费)?[0-9零一二两三四五六七八九十百]+(块|元|蚊)?(钱)?(吗|不|么|嘛|啊|呀)|要不要(交|给|付)?钱|(要|收|交|花|给|加)钱(吗|不|么|没)|收不收(钱|费)|收费|交多少|费用|工本费|手续费|服务费/,
    // A share of a sum paid is a price too (需缴纳保证金15%, 按5%收取); a share that rose or fell (同比下降18%) is none.
    answer: /免费|免收|不收费|不收取|[0-9０-９零一二两三四五六七八九十百千万.]+\s*(元|块)|(缴纳|缴|交|收取|收|支付|付|扣)[^。；，]{0,8}[0-9０-９.]+\s*[%％]|[0-9０-９.]+\s*[%％][^。；，]{0,4}(收取|手续费|保证金|服务费|佣金)/,
  },
  time: {
    // 开不开门, 礼拜六办不办, 周末能去不, 礼拜六去唔去得: opening hours are a time too (→ 每周六上午9:00至12:00); 礼拜六可以拉沙咩: what a day allows (→ 每周六、周日……全天禁止运砂).
    // 以前5点半就收工: the hour it closes, named back to be confirmed (→ 全天24小时接待).
    // 举报电话有冇人接, 半夜有冇人听: whether a line is answered then, its hours (→ 调整为24小时受理), not its number.
    // 门牌几号 asks an address, 打几号 a number to call, not a day.
    // 多久 asks a span (duration: 24小时内), not a time of day (每晚20时至24时). 前段时间, 一段时间, 第一时间 tell when.
    asked: /什么时候|啥时候|几点|(?<!门牌(号)?|[打拨])几号(?!窗口|柜台|房|楼|门|台|车|线)|周几|星期几|哪天|哪一天|(?<![段长一])时间|截止|期限|哪年|几月|何时|到什么时候|开始|结束|开(不|没)?开门|开门(吗|不|没|么|的|啊)|上不上班|(周[一二三四五六日末]|星期[一二三四五六日天]|节假日)[^，。？?]{0,8}(办|补|换|领|开(?!车)|上班|有人|能|可以|去不去|去得)|[0-9０-９一二三四五六七八九十]+点半?[^，。？?\s]{0,2}(就|才|先)?(下班|关门|收工)|有(没有|冇|无)?人(接|听)(?![到见])/,
    // 每天午休时间开放: a time of day as a school or office tells it. 每月第二个星期三: a day of each month's schedule.
    answer: new RegExp(`时间[为是：:]|(午休|课间|放学|办公|工作)时间|${CLOCK}|24小时|全天候?|昼夜|每月${NUM}[日号]|截止|截至|期限|${NUM}月${NUM}日\\s*(起|前|至|到|—|-)|(周|星期)[一二三四五六日天]至|每(周|星期)[一二三四五六日天末]|(周|星期)[一二三四五六日天]([上下]午|晚上)|每月(第[0-9一二三四]个|最后一个)(周|星期)[一二三四五六日天]`),
  },
  date: {
    // Which day: 到南平村是哪一天, 最晚到哪天, 改成哪几天, 初几之后 (of the lunar new year) → 8月19日, 2025年12月31日, 正月初六.
    // A day quoted to be confirmed (是不是9月1号就开始考, 系唔系25号礼拜一上昼搞) asks the day it starts, ends or is held.
    asked: new RegExp(
      `哪天|哪一天|哪几(天|日|号)|(?<!月)初几|(?<!门牌(号)?|[打拨])几号(?!窗口|柜台|房|楼|门|台|车|线)|几月几|哪年|最晚|最迟|截止|期限|什么时候|啥时候|到什么时候|(是不是|还是)${NUM}月${NUM}[号日][^，。？?\\s]{0,3}(开始|结束|启用|实施|截止|开考|开放)|(是不是|还是)${NUM}[号日](?!窗口|柜台|房|楼|门|台|车|线)[^，。？?\\s]{0,8}(搞|办|开|举行|举办)(?!车)`,
    ),
    // 5月16号: a day as said (号 after a month is the day, not a window's 1号).
    answer: new RegExp(`${NUM}年${NUM}月${NUM}[日号]|${NUM}月${NUM}[日号]`),
  },
  duration: {
    // How long: 要等几天, 几分钟能赶到 → 15个工作日内, 3分钟.
    // 那几天, 前几天 tell when something happened; 要等几天 asks. 最多延几年, 有效期几年 ask a span too (近几年, 十几年 tell one; 几年级 is a grade; 判几年, 坐几年 ask the law's term, a rule).
    // 多久查一次, 几天一次 ask how often (frequency), not how long.
    // 听讲要等3个工作日 依家仲系咁耐咩: whether the span heard still holds asks the span.
    asked: /(多|几)久(?![^，。？?\s]{0,4}一次)|几耐(?![^，。？?\s]{0,4}一次)|(?<![那哪这嗰头好过])(?<!(?<!提)前)几(天|日|个工作日|个月|分钟|个?小时)(?![^，。？?\s]{0,4}一次)|(?<![那哪这嗰头好过近十判坐关拘刑])(?<!(?<!提)前)几年(?!级|[^，。？?\s]{0,4}一次)|多长时间|多少个?(天|日|工作日|小时|分钟|个月)(?![^，。？?\s]{0,4}一次)|(还是|还要|还得|仍然|仍是|依然)(要)?(等)?(这么|那么)(久|长时间)/,
    // 十日以内, 3日内 and 3年 are spans; 8月25日 is a day and 2025年 a year. A number of days that ends its
    // clause (责令停业整顿15日；, 行政拘留十日。) is a span too, as is a detention's (处以行政拘留7日的处罚); 至15日凌晨 is a day. 13个多小时 is a span, and weeks said as a span (约两周, 两周内; not 18周岁, nor 开学两周查处: which weeks).
    answer: new RegExp(
      `(${NUM}|半)\\s*个?(多|余)?个?(工作日|天|小时|分钟|个月)|(?<=约|近|共|需|为|了|满|达|历时|用时|大约)${WEEKS}|${WEEKS}(?=内|以内|之内|左右|后|以上)|(?<![0-9０-９零〇])([0-9０-９]{1,2}|[一二两三四五六七八九十百半]+)\\s*个?年(?!\\s*[0-9０-９零〇一二三四五六七八九十]+月)|(?<!月\\s*[0-9０-９]*)${NUM}\\s*日(以|之)?内|(?<![0-9０-９零〇一二两三四五六七八九十百千万亿.月])${NUM}\\s*日(?=[，。；、）)]|$)|(?<=拘留|拘役)\\s*${NUM}\\s*(日|天|个月)`,
    ),
  },
  frequency: {
    // How often: 多久查一次, 几天巡一次, 一个月来几次 → 每周不少于2次, 每月1次.
    asked: new RegExp(`(多久|多长时间|几(天|周|个星期|个月))[^，。？?\\s]{0,4}一次|(一|每)个?(天|周|星期|礼拜|月|年)[^，。？?\\s]{0,4}几次`),
    // 多久要换一次 of a card or a plate: its term of validity (有效期2年, 有效期为10年) tells how often.
    answer: new RegExp(`每(天|日|晚|周|星期|月|季度|年)[^，。；]{0,12}(${NUM}|[0-9０-９]+)\\s*(次|回|趟)|(${NUM})\\s*(天|周|个月)(一|1)次|有效期[^，。；]{0,4}(${NUM}|[0-9０-９]+)\\s*(年|个月)`),
  },
  place: {
    // A schedule names where it goes on which day (每月最后一个周六上午到长丰墟农贸市场门口).
    // 在考试期间对……中学 tells when, not where. 在市场北门外约300米的公交站台旁找到了女孩: where a lost child was found.
    // 派出所在哪条路, 门牌几号: the street address.
    // 还有没有地方卖鞭炮: whether there is a place, and so where; 车停哪, 交哪: where to.
    // 去哪查 is answered by the website to log into (登录中国证券业协会网站查询); 边度唔得钓 by a zone (大坝周边200米范围内).
    // 几号窗口: which window, not which day; 在哪个号上办: which (WeChat) account, not where. 还是在村委会门口搞吗, 仲喺游客中心嗰度冇, 仲系去红专西路复检咩: whether it is still there, and so where (the road and what is done there are the topic, not the asking).
    // 封哪条路: the road closed (管制路段：和港路), not the way round it. 在温泉大道“椰林风”清吧: a road names where.
    // 现在还是去那里吗, 还是去派出所吗, 仲系喺救助站二楼咩, 搬了没有: whether it is still done where it was, and so where it is done now.
    // 在二中哪个位置办: where within a place. 藏在哪里被人找到 → 在考生吴某的鞋垫下发现.
    // 哪一段不给挖沙: which stretch of a river or road (→ 自太阳河大桥至入海口河段); 哪段时间 asks when.
    // 在后安镇安坡墟将林某找到: a market town's 墟 after its town names where, as a road does (not 在长丰墟开展……行动, the town itself).
    // 去哪里借正规贷款: the counter to go to (请到农村信用社或正规银行网点申请).
    // 在兴隆镇太阳河大桥附近一家民宿内将……抓获: a landmark's surroundings or a homestay name where someone was caught.
    asked: /在哪条(路|街|道)|(封|管制|禁行|限行)了?哪(条|段|些)|哪一?段(?![^，。？?\s]{0,2}(时间|日子))|还(是)?(去|到|在)(那里|那儿|那边|原来|原处|老地方)|(是不是|有没有)搬(了|走了)?|搬(了|走了)?(没有|没|冇|吗|未)|在哪(?!个号[上里])|哪里|几号(窗口|柜台|房|楼|门)|还(是)?在[^，。？?\s]{1,14}(搞|办理?|举行|举办|开)(吗|不|么|嘛)|还(是)?在[^，。？?\s]{1,14}(那里|那边|那儿)(吗|不|么|嘛|没)|还(是)?(去|到|在)(?=[^，。？?\s]{1,10}(路|街|大道)[^，。？?\s]{0,4}(吗|么|嘛)(?:$|[，,。？?！!\s]))|还(是)?(去|到|在)[^，。？?\s]{0,10}(所|局|队|窗口|厅|中心|站|室|村委会|楼|广场)(办|搞)?(吗|么|嘛)(?=$|[，,。？?！!\s])|搬(去|到|走)?(了)?(哪|别的|其他|什么)|哪儿|什么地方|地点|地址|去哪|到哪|哪个(派出所|窗口|大厅|地方|位置|房|办公室|室|楼)|哪(间|家)(医院|卫生院|派出所|学校|酒店|宾馆)|哪些(地方|路段|区域|地段)|门牌|有没有(地方|地点)|(停|放|交|领|办|报)哪(?![个些种年天条位])/,
    answer: /(地点|地址|位于|设在|设于|(搬迁|迁|移|搬)(至|到)|窗口|大厅|服务(分)?中心|广场|[路街道]\s*[0-9０-９]+\s*号|在(?![^，。；]{0,6}(期间|时段|之前|之后|以前|以后))[^，。；]{0,20}(派出所|平台|网站|警务室|警务站|服务站|大厅|中心|广场|窗口|村委会|礼堂|学校|小学|中学|操场|会议室|办公室|车站|站台|公交站|站牌|公园|码头|停车场|停放场|出租屋|城中村|小区|宾馆|酒店|民宿)|在[\u4e00-\u9fa5]{2,12}(附近|旁边|对面)|(前往|送往|送至|送到|赶到|转到)[^，。；]{0,12}(医院|卫生院|诊所)|在(?!全)[\u4e00-\u9fa5]{2,8}(省|市|县)(?!公安|民警|警方)|在(?!道路|马路|公路|高速)[\u4e00-\u9fa5]{1,8}(路|街|大道|巷)|在[\u4e00-\u9fa5]{1,4}镇[\u4e00-\u9fa5]{1,4}墟|(停放|停靠|集合|安置)(于|至)|停车场|(在|于)[\u4e00-\u9fa5]{1,6}村|警务[室站点]|服务站|(咨询|服务|接待|值班|治安|户籍)(台|室)|(送|交|寄)(至|到)|点位|(管制|封闭|禁行|限行)路段|路口|增设|(举报|收缴|办理|服务|执勤|登记|接种|投放|劝导|检查|供应|值守|零售|销售|燃放|存放|认领|集合|停放)点|(每(周|星期|月)|周[一二三四五六日天末]|星期[一二三四五六日天])[^，。；]{0,12}(到|前往|在)[\u4e00-\u9fa5]{2,16}|登录[^，。；]{0,16}(网站|官网|平台|小程序)|(周边|周围|附近|两侧)[0-9０-９]+\s*米(范围)?内|(路|街|大道)(以内|以东|以西|以南|以北|沿线|两侧)的?区域|(在|从)[^，。；]{1,12}(下|里|内|中|底|夹层)(发现|搜出|查获|找到|起获)|(自|从)[^，。；]{1,12}(至|到)[^，。；]{1,12}(河段|路段|岸段|海域|水域)|(到|前往)[^，。；]{0,10}(信用社|网点|营业厅))/,
  },
  route: {
    // Which way round a closed road: 要绕哪条路 → 经G223国道绕行 (not where the shelter is).
    // 派出所在哪条路 asks where it stands (place), not a way round. 兜边度过: the Cantonese way round.
    asked: /(?<![在是系封])哪条(路|道|街)|(绕|兜)(哪|什么|啥|路|边)|走哪(条|边)|怎么(走|绕)/,
    answer: /绕行|改道|分流|(?<!共和)国道|省道|[GS][0-9]{2,4}/,
  },
  transit: {
    // How to get there, and whether one can park: 咋坐车过去, 好停车不 → 停车位较少，建议乘坐公交3路 (not a way round a closed road).
    asked: /(怎么|咋|如何|点样)(坐车|搭车|乘车|坐公交|过去)|坐(几路|什么|啥)(车|公交)|(好|方便|能|可以)停车|好不好停车|停车(方便|位|场)/,
    answer: /公交|乘坐|车位|停车场|下车/,
  },
  documents: {
    // 要拿哪些本本去, 带几样东西去: what to take along (not 能拿到什么, what is given).
    // 要拍咩相, 拍边啲位置: the photos a guide lists (拍摄4张照片：……).
    // 除了驾照还要啥: what else to bring. 不开的话拿啥: what to bring instead (能拿到什么 is what is given).
    // 要先留啥证据, 要留低咩证据: what to keep for the report (保存好转账记录和聊天记录).
    // 佢要验我哪些证件: the papers someone checks (必须查验求助人的居民身份证), beside another thing asked too.
    // 要签咩嘢: the paper one signs or fills in (需现场签订使用承诺书).
    asked: /带(上|好|齐)?(些)?(什么|啥|哪些|几样)|携带(些)?什么|除了[^，。？?]{1,8}还要(些)?(什么|啥)|需要什么|要什么(材料|证件|证)|(什么|哪些|哪几)(个)?证(件|明)?[？?吗]?$|准备什么|办(个|张)?(什么|啥|哪个|哪种)(证|手续)|(要|得|需)(拿|交)(些)?(哪些|哪几样|什么|啥|咩|乜嘢)(本本|证件|材料|证|资料|东西)?(去|过去|来)?|拍(些)?(什么|啥|哪些|哪几张|咩)(照片|相|位置|部位)|(看|睇|查|验)(我|你|他|佢|人)?(的|嘅)?(些)?(什么|啥|哪些|咩|乜嘢?)(证件|证明|证|材料)|(留|保存|保留|提供|准备)(下|好|住)?(些)?(什么|啥|哪些|咩|乜嘢)(证据|凭证|记录)|(?<![能会可])拿(些)?(啥|什么|哪些)(?!东西)|(要|得|需)(签|填)(些)?(什么|啥|哪些|咩|乜嘢?)(东西|嘢|表|文件|字)?/,
    // 怎么认领: how to claim is answered by what to bring (失主可提供购车合同、车辆旧照片等材料).
    // 报案要带啥: what to keep and bring (请保存好购物小票、聊天记录和转账凭证).
    askedAlone: /材料|证件|手续(?!费)|本本|(怎么|怎样|如何)(认领|领取|申领|补领)/,
    // A document named as something to bring (请带上户口簿, 凭身份证, 材料：…) or to check (要查看其……许可证): 身份证 alone is in every sentence of a 办证 notice.
    answer: new RegExp(`(带|持|凭|提供|提交|准备|出示|所需|需要|保存|保留|查看|查验|核验|认准)[^。；]{0,12}${DOCUMENT}|材料[:：]|原件|复印件|拍摄?[^。；]{0,8}照片?[:：]|(签订|签署|填写)[^。；]{0,8}(承诺书|责任书|协议书?|申请表|登记表)`),
  },
  phone: {
    // 打电话举报可以攞几多奖金, 有个游客打电话返嚟讲: a call told, not a number asked (打电话去边度报 asks one).
    // 报警打几号: which number to call, not which day.
    // 微信号几多: the WeChat account to add (→ 添加举报微信号wnga_yc110).
    // 名下有几多张电话卡: a SIM card counted, no number to call.
    // 系咪仲系打62231190: a number typed to call asks which number holds (not 打110, a number everyone knows).
    asked: /(?<![打接来回])电话(?!卡|有(没有|冇|无)?人(接|听))|打电话(到|去|给)?(哪|边|什么|啥|咩)|号码|热线|联系方式|怎么联系|打哪个|(打|拨)(几号|几多号|什么号|啥号)|(打|拨)(\d{3,4}-)?\d{7,8}(?!\d)|微信号/,
    answer: /(\d{3,4}-\d{7,8}|\d{7,8}|1[3-9]\d{9}|110|96110|12345|微信号[:：]?\s*[A-Za-z][A-Za-z0-9_-]{3,})/,
  },
  app: {
    // Which app or mini program: 用什么软件预约, 在哪个号上办 → 通过“海南警民通”小程序, “海南公安”微信公众号.
    // 有冇得网上睇: whether it is shown online (→ 在“万宁公安”微信视频号同步直播). 装咩嘢App (咩嘢 → 什么东西).
    asked: /(网上|手机上|线上|网络上)(睇|看|观看)|直播(吗|不|没有|冇|么)|(什么|啥|哪个|哪款|咩)(东西|嘢)?(软件|[Aa][Pp][Pp]|小程序|公众号|平台)|(软件|[Aa][Pp][Pp]|小程序|公众号)(叫|是)(什么|啥|咩)|(网上|手机上|线上)(哪里|在哪|哪儿|怎么|可以|能)|(哪个|什么|啥|咩)号(上|里)/,
    answer: /小程序|公众号|[Aa][Pp][Pp]|客户端|平台|直播|视频号/,
  },
  age: {
    // Whether someone is old or young enough: 我阿公62岁了，还能报名吗 → 年龄放宽为18周岁至65周岁.
    // 今年31了 还能报吗: an age told without 岁.
    // 几岁的老人才可以领: from what age one may (→ 为全市65周岁以上……的老人免费发放).
    // 听讲要65岁先领到手环: the age from which one may (Cantonese 先 for 才). 要几多岁以上先得, 几多岁先去得: from what age one may.
    asked: /([0-9０-９一二三四五六七八九十]+岁|今年[0-9０-９一二三四五六七八九十]+了).{0,20}(还能|能不能|能否|可以|可不可以|够不够|行不行|报名|参加|(先|才)(能|可以)?(领|办|报|申请))|够(年纪|岁数)|年龄(限制|要求|规定)|(多大|几岁)(年纪|岁数|的[\u4e00-\u9fa5]{1,4})?(才)?(可以|能)|(多少|几多|几)岁(以上|以下)?(先|才)?(去|来|参加|报名|听|入)?(得|可以|能|行)/,
    answer: /周岁|岁以上|岁以下|年满|年龄/,
  },
  missed: {
    // What to do when one cannot come on the day: 要是那天去不了咋办, 赶不上怎么办 → 7月25日无法前来的，可在工作日……到户政窗口办理.
    asked: /(去|来|赶|到|参加|过去)不(了|成|到)|(去|来)唔(到|切|了)|没(空|时间|办法)(去|来|参加)|错过(了|咗)?/,
    answer: /(无法|不能|未能|没能|错过|未按时|逾期)[^。；，]{0,16}的[，,]/,
  },
  outcome: {
    // Whether a case was solved: 抓到没有, 破案了吗 (not "被抓了会怎样", which asks about the law).
    // 找着没有: a missing person found (→ 已于10月14日在……找到).
    // 是不是已经抓到了: whether it has happened by now. 后来咋处理的: how a case told of ended (→ 被依法行政拘留7日).
    // 人关起来没有: whether the suspect is held (→ 已被依法刑事拘留). Minors' cases end otherwise (予以训诫, 责令其家长严加管教, 不予刑事处罚, 专门矫治教育).
    // 抓到人没: the one caught named between. 打人的判了啥: what the case's offenders got (→ 处以行政拘留10日).
    // 最后咋罚的: the fine, points or closure the case got (处以罚款1500元、驾驶证记12分, 停业整顿10日, 给予警告); what became of a thing (归国家所有).
    // 系咪罚下钱就算: whether a fine was all he got (→ 已被依法刑事拘留). 系咪都畀刑拘咗: whether they are held by now.
    asked: new RegExp(String.raw`(抓到|抓住|抓着|找到|找着|寻到|寻回)了?(人|他|她|他们|贼|小偷|骗子|嫌疑人)?(没有|没|吗|了吗|未|冇|无)|(判|处|罚)(了|咗)(什么|啥|咩|乜嘢?)|(关|拘|扣)(起来|进去|住)了?(没有|没|吗|未|冇|无)|(已经|是不是)[^，。？?\s]{0,4}(抓到|抓住|抓获|落网|找到)了?(?![^，。？?\s]{0,3}(会|要|判|罚|怎))|(已经|是不是|是否)[^，。？?\s]{0,4}(刑拘|拘留|逮捕|判刑)了|有没有(人)?(被)?(抓到|抓住|抓的|抓过|破案)|抓了(没有|没|未)|破案了|破(了|咗)?(案)?(没有|没|冇|无|未|吗)|落网|结果怎么样|(后来|现在|目前)(怎么样|咋样|怎样)|(罚|赔)(下|点|些|啲|了|咗)?(钱|款)?就(算|完事|了事|没事|冇事)|${CASE_OUTCOME}|${CASE_CHARGE}`),
    answer: /(抓获|破获|刑事拘留|逮捕|归案|落网|查获|判处|行政拘留|取保候审|监视居住|强制措施|移送(?!的)|立案侦查|予以训诫|责令[^，。；]{0,6}(退还|赔偿|管教)|(处以?|并处|给予)[^，。；]{0,6}罚款|(处以?|给予|予以)[^，。；]{0,4}警告|批评教育|罚款[0-9０-９一二三四五六七八九十]|停业整顿|吊销|记[0-9０-９]+分|归[^，。；]{0,4}所有|上缴国库|找到|寻回|被找到|平安返回|接回|专门矫治教育|专门教育|不予(刑事)?处罚|达成[^，。；]{0,6}协议)/,
  },
  recovered: {
    // Whether the money came back: 被骗的钱退回来了吗, 钱追回来没有 → 追回赃款38.7万元……发还给61名老人 (not the arrest).
    // 骗了几多钱 追回来没: the money named in the clause before. 钱追得回来不: whether it can be (→ 未能拦截).
    // 收走的钱同码单会还返咩: whether money the police took comes back (→ 赌资、赌具已依法收缴: it does not).
    // 啲钱还咗冇: whether the money taken was paid back (→ 退还了全部460元).
    asked: /(钱|款)([^，。？?\s]{0,5}|[^？?]{0,12}[，,\s])(退|追|要|拿|还)(得|唔)?(回来|回|返)(了|咗|给我)?(没有|没|吗|未|冇|无|不|唔|咩)|(钱|款)[^，。？?\s]{0,3}(退|还)(了|咗)(没有|没|吗|未|冇|无)/,
    // Money stopped before it left (紧急止付……5300元被成功冻结) is money got back too; money taken for good (收缴, 没收) is the answer that it is not.
    answer: /追回|挽回|发还|返还|退还|退赔|冻结|止付|拦截|收缴|没收/,
  },
  person: {
    // Who found, reported or saved someone (边个揾到嘅, 是谁先发现不对报警的) → 被村民黄某某找到, 银行柜员发现异常.
    // Only with such a deed: 谁赔, 责任谁承担 ask the law who is liable.
    // 跑掉那个叫乜名: the name of one at large (→ 吴某某……至今在逃).
    // 系边个来讲课, 系边个嚟讲嘅: who gives the talk (→ 主讲人：市公安局治安大队民警; 由交警大队民警讲解).
    // 边啲人可以去听: who may come (→ 二、参加对象。辖区应届毕业生、适龄青年及其家长).
    // 系边个睇出佢唔对路拦住佢嘅: who saw through it and stopped him (→ 村警务助理……及时拦下).
    asked: /(哪些|哪啲|边啲|什么|啥|咩)人(可以|能|可|才能)?(去|来)?(听|参加|报名|参与)|(谁|哪个|哪位|什么人)(先|最先|第一个)?(找到|寻到|发现|报警|报的警|报案|救|送|抓到|捡到|拾到|举报|拦下|拦住)|(谁|哪个|哪位|什么人)[^，。？?\s]{0,8}(看出|睇出|识破|拦下|拦住|劝住|劝阻)|(谁|哪个|哪位|什么人)(来讲|来?(讲课|主讲|授课|上课))|(跑|逃)(掉|了|咗)?[^，。？?\s]{0,4}叫(什么|啥|乜嘢?|咩)(名|名字)?/,
    // A person beside such a deed (被村民黄某某发现), not any 某某 of the report; 接送 (a ride laid on) is no deed of finding or saving.
    answer: /^(?=.*(找到|寻到|发现|报警|报案|救|(?<!接)送|抓获|捡到|拾到|拾得|举报|拦下|拦住|在逃|潜逃|外逃|主讲|授课|讲课|讲解))(?=.*([\u4e00-\u9fa5]某某?|民警|辅警|村民|群众|市民|柜员|员工|工作人员|司机|老师|家属|志愿者|保安|店主|网格员|警务助理))|(参加|报名|参与|活动)对象|面向[^，。；]{0,12}(群众|居民|学生|青年|家长|老人)/s,
  },
  posedAs: {
    // 骗子冒充咩人打电话嚟: whom the caller posed as (→ 对方自称某借贷平台客服), not who gave a talk on it.
    asked: /(冒充|假扮|假冒|扮成?|自称)(什么|啥|咩|乜嘢?|哪个|哪种|边个|谁)(人|身份|单位|部门|公司|平台)?/,
    answer: /(冒充|自称|假扮|假冒|谎称是|伪装成)[^，。；]{1,14}/,
  },
  means: {
    // How a case was traced: 咋摸到人的, 怎么查出来是他, 怎么抓到他的 → 民警调取沿线监控…走访废品收购站, 在充电站查到……扫码充电的记录.
    // 系点样畀人捉到嘅: how one was caught, told in the passive (→ 工作人员通过人脸识别核验发现).
    asked: /(怎么|咋|如何|点样|怎样|咋样)(个)?(被|给|畀)?(人|警察|民警|公安)?(查|找|摸|抓|锁定|发现|破|揪|认)(出来|出|到|住|着|获|中|的)(是|了)?(他们|她们|他|她|人|嫌疑人|小偷|贼|骗子|案)?(的)?(?=$|[，,。？?！!\s呢啊呀嘛咧])/,
    answer: /通过|调取|监控|视频|锁定|顺藤摸瓜|循线|排查|研判|走访|蹲守|比对|追踪|摸排|线索/,
  },
  findings: {
    // What a check found: 查校车……有什么问题 → 部分校车存在灭火器过期、安全锤缺失等问题. Asked of a check
    // only: 这样开车有什么问题 asks whether it is allowed (a rule).
    // What was picked up or seized: 执到啲咩, 收缴了哪些东西 → the items (1.黑色双肩背包1个（内有笔记本电脑1台）……).
    // What a gang took or what was got back: 还偷了乜嘢, 偷走咗啲咩, 追回来啥 → 追回耕牛7头、小型旋耕机2台、抽水机3台, 盗走……笔记本电脑1台.
    // What a search turned up: 搜到啲咩 → 查获弩1把、弩箭6支.
    // What a thing proved to be: 查出来到底是乜东西做的 → 经鉴定，……仅为普通压片糖果. How badly one was hurt:
    // 被打那个伤得重不 → 经鉴定为轻微伤.
    // What was taken from him: 警察收咗佢咩嘢 → 收缴菜刀1把. What was seized: 扣咗佢哋咩车 → 扣押越野车1辆、摩托车3辆.
    asked: /(查|验|鉴定|化验|检测)(出来|出)?[^，。？?]{0,6}(是|系)(什么|啥|哪些|咩|乜嘢?)(东西)?|伤(得|的|咗)?(重不重|严重不|重不|重唔重|重吗|重么|严重吗|严重么|怎么样|咋样|点样|如何)|伤(情|势)(怎么样|咋样|如何|重不重|严重吗|重吗)?|(查|检查|排查).*(什么|啥|哪些|乜嘢?|咩)(问题|毛病|隐患)|(捡到|拾到|拾得|收缴|查获|缴获|查出|搜出|搜到|追回来?|起获|偷(了|走|咗){0,2})(了|咗)?(些|啲)?(什么|啥|哪些|咩|乜嘢?)(东西|物品)?|(扣押?|扣留|没收)(了|咗)?(他们|她们|佢哋|他|她|佢)?(的|嘅)?(些|啲)?(什么|啥|哪些|咩|乜嘢?)(东西|物品|车|车辆)|收(了|走|咗)(他|她|佢|人)?(的|嘅)?(些|啲)?(什么|啥|哪些|咩|乜嘢?)(东西|物品|嘢|(?=$|[，,。？?！!\s]))/,
    answer: new RegExp(`(发现|存在|查出|排查出)[^。；]{0,40}(问题|隐患|毛病)|(鉴定|检验|检测|化验)[^。；]{0,30}(实为|仅为|系|为|是)|轻微伤|轻伤|重伤|骨折|伤势|伤情|(无|没有)生命危险|((拾得|捡到|收缴|查获|缴获|查出|搜出|追回|起获|扣押|扣留|没收|盗窃|被盗|盗走|偷走|窃走|抢走)|(?:^|\\s)[0-9]{1,2}[.．、])[^。；]{0,30}${ITEM_COUNT}`),
  },
  content: {
    // What a talk or a day teaches or covers: 银行嘅人去教咩, 讲座讲啲咩, 培训乜嘢内容 → 三、活动内容：民警讲解……；
    // ……工作人员现场指导参加者用手机查询本人信用报告.
    asked: /(教|讲|学|培训|宣讲|介绍|演示|示范)(些|啲)?(什么|啥|哪些|咩|乜嘢?)(内容|东西|嘢)?|(什么|啥|哪些|咩|乜嘢?)内容/,
    answer: /(活动|宣讲|培训|讲座|课程)内容|讲解|指导|演示|示范|教(大家|群众|村民|学生|家长|老人|参加者)?(如何|怎样|怎么|识别|使用|查询)|手把手/,
  },
  weapon: {
    // What one hit, cut or threatened with: 系攞咩打嘅 → 随手拿起扫把抽打 (not what the police took, 收缴菜刀1把).
    asked: /(用|拿|拎|持|揸)(了|咗)?(些|啲)?(什么|啥|咩|乜嘢?)(东西|嘢|家伙)?(打|砍|刺|捅|撬|砸|伤|吓|抽|殴打)/,
    answer: /(拿起|抄起|手持|持|用|拎|拿)[^，。；]{1,6}(抽打|殴打|击打|砍|刺|捅|撬|砸|打伤|恐吓)/,
  },
  looks: {
    // What a wanted man looks like: 长什么样, 有什么特征 → 身高约1.70米，体型偏瘦，左手臂有文身.
    // How a thing is told apart: 点样睇得出边度有离岸流 → 颜色较深、浪花较少……可能就是离岸流.
    asked: /长什么样|长相|样子|(什么|啥)特征|穿(的)?(什么|啥)(衣服|衫|衣)|(怎么|怎样|如何)(才能)?(看|分辨|辨别|识别|认|判断)得?出|怎么(识别|辨别|分辨|认出)/,
    answer: /身高|体型|偏瘦|偏胖|平头|长发|短发|口音|文身|纹身|疤|胎记|身穿|穿着|上衣|识别|特征是|可能就是|颜色(较|偏|发)?[深浅暗]/,
  },
  reason: {
    // Why an event was moved or a thing stopped: 活动点解推迟咗, 讲座为什么要延期 咩原因 → 受台风天气影响, 因受强降雨天气影响.
    // Only of a change (为什么要罚我 asks the law; 手机充电慢是啥原因 no office's matter).
    // Why an accident of a case told of happened: 陈某屋企点解会漏气爆炸 → 倒气操作不当，导致液化气大量泄漏.
    // What a case's money went on (佢啲钱用去做咩 → 将收取的学费用于偿还赌债).
    asked: new RegExp(String.raw`(钱|款)[^，。？?\s]{0,4}(用|拿|花)(去|来|到|在)?(做|干|搞)?(什么|啥|咩|乜嘢?|哪里)(?!时候)|(为什么|为啥|为何)[^，。？?\s]{0,4}(延期|推迟|取消|改期|改|换|搬|停|封|关|暂停)|(延期|推迟|取消|改期|搬|停|封|关)(了|咗)?[^，。？?\s]{0,4}(为什么|为啥|(什么|啥|咩|乜嘢?)原因)|${TOLD_CASE}(为什么|为啥|为何)[^，。？?\s]{0,6}(爆炸|爆燃|着火|起火|失火|出事|翻车|相撞|漏气|泄漏|中毒|倒塌)`),
    // The cause given (受台风天气影响, 因该会议室改造施工; 操作不当，导致……), not the apology for it (因延期给大家带来的不便) or a charge (因涉嫌……罪).
    answer: /用于|用来|用作|挥霍|受[^，。；]{0,12}影响|(因|由于)(?!涉嫌)(?![^，。；]{0,14}(带来|造成)[^，。；]{0,6}不便)[^，。；]{2,}|(不当|违规|疏忽|大意)[^。；]{0,4}(导致|致使|引发|引起)/,
  },
  gift: {
    // What a participant gets: 去了有东西领吗, 答题有啥东西送, 能领到啥, 他能领不 → 免费领取安全头盔一顶, 赠送大米.
    // 有冇奖 after a call for leads: what a tipster gets (奖励300元至800元).
    asked: /(领|送|发)(到|些|个)?(啥|什么)|拿(到|个)(啥|什么)|(能|会|可以)拿(些)?(啥|什么)|(能|可以|可不可以|能不能)(领|拿)(到)?(不|吗|么|没有|冇|唔|嘛)|有(啥|什么)?东西(领|送|发|拿)|有(啥|什么)(领|送|发|拿)|(领|送|发|拿)(啥|什么)?东西|有没有(礼品|奖品|纪念品|奖励|奖金|奖)|有(礼品|奖品|纪念品|奖励|奖金|奖)(冇|吗|没有|没|不|么|嘛)/,
    answer: /领取|可领|赠送|送出|发放|获赠|礼品|奖品|纪念品|小礼物|奖励|奖金/,
  },
  advice: {
    // What to do: 被骗了怎么办 → the office's advice (请立即拨打110报警，并保存好聊天记录).
    // 是真的不, 是不是骗子: whether a story is a scam is answered by the office's warning (凡是……都是诈骗, 请通过官方客服).
    // 那要怎么防, 牛栏要装乜, 要搞什么制度来防: how to guard against it (→ 牛栏要加固上锁，有条件的安装监控).
    // 咋判断是不是真客服, 怎么识别, 点样认出来: how to tell (→ 在订单页面联系官方客服核实).
    // 机器点样先唔俾人偷走: how to keep it from being stolen (→ 加装防盗锁链). 我应该咋搞, 点算: what one should do (→ 不要转发).
    asked: /(怎么|咋|如何|点样|怎样)(先|才|样)?(能|可以)?(不|唔|别|不会)(给|让|俾|被)(人)?(偷|骗|抢|撬)|怎么办|咋办|该怎么做|(应该|应当|该)(怎么|咋|点样|如何|怎样)(搞|整|弄|做)|点算好?(?=$|[，,。？?！!\s呢啊呀])|(咋|怎么|如何|怎样|点样)(去)?(判断|分辨|辨别|识别|区分|辨认)|(咋|怎么|如何|怎样|点样)(才能?)?(认|看|分)(得)?出(来)?(?=$|[，,。？?！!\s呢啊呀嘛])|(什么|啥|哪些|咩|乜嘢?)[^，。？?\s]{0,6}(来|去)?(预防|防范|防)(?![守盗火水汛])|(怎么|咋|如何|点样|怎样)(预防|防范|防止|防)(?!守)|(要|该|应该|得)(装|安装|加装)(乜嘢?|什么|啥|咩|哪些)|(要|该|应该|得)(干嘛|干什么|做什么|做啥)|怎么处理才|如何处理|如何应对|怎么应对|要注意什么|注意些什么|注意(点|些|啲|下|哪些)?(什么|啥|咩|乜嘢?)|是(不是)?真的(吗|不|么|嘛|没)?[？?]*$|是不是(真的|骗子|骗局|诈骗)|是(骗子|骗局|诈骗)(吗|不|么|嘛)|(可信|靠谱)(吗|不|么|嘛)/,
    // 家长要保管好支付密码: what one is told to do. 立即 only as told to the reader (请立即拨打), not what the police did (立即成立专案组).
    // 凡是要求缴纳保证金解冻账号的都是诈骗: the verdict answers 是不是骗子.
    // A tip's own words: 一定要登录自己的手机银行……确认到账后再装车, 记住“一看二摸三听四测”, 千万不要转账.
    // 报警 as told to the reader (请拨打110报警), not the call the police took (接到多名求职者报警, 报警称).
    answer: /(请|(要|应|须|应当|务必)立即|立即(拨打|报警|停止|挂断|联系|冻结|告知|告诉|离开|撤离|就医)|及时|切勿|不要|务必|应当|严禁|禁止|注意|拨打|(?<!接[^，。；]{0,12})报警(?![称说])|保存|提醒|一定(要|不要|别)|千万(要|不要|别|不能)|记住|记得|(要|应)(保管|关闭|核实|警惕|提防|留意|看好|管好|讲清楚)|(都|就|均)(是|为)(诈骗|骗局|骗子))/,
  },
  truth: {
    // Whether a story going round is true: 到底是真的假的, 系咪真㗎 → what the office found (经核实，系谣言).
    asked: /真的假的|真定假|是真是假|是(不是|否)(真|属实|谣言)|是真的(吗|不|么|嘛|冇|没)|是谣言(吗|不|么|嘛)|谣言来的|(属实|真实)(吗|不|么|嘛)/,
    answer: /谣言|不实|虚假信息|属实|并非|没有发生|未发生|误传|经(核实|核查|查证|调查|了解)/,
  },
  rule: {
    // A yes/no rule about a thing: 还用带户口本吗, 能不能在网上约, 准不准放烟花.
    // 放地笼得不得, 咁样行不行: asked after the thing (Cantonese 得唔得 is read as 得不得).
    // 客人一家四口是不是每个都要登记: whether a rule binds. 自己送去上交 这样可以吗: whether what one means to do is allowed.
    asked: /(还用|还要|还需|要不要|用不用|需不需要|是否需要|能不能|可不可以|准不准|让不让|允不允许|有没有)[^，。？?]{1,14}$|(能|可以|准|让|允许|用|要)[^，。？?]{1,12}(吗|不|没有|(?<!什|怎|那|这)么)[？?]?$|[^，。？?]{1,14}(得不得|行不行|可不可以|准不准)[？?]?$|(这样|咁样|这么做|那样)(做)?(可以|行|得|能行)(吗|不|么|吧|冇|没有)[？?]?$|是不是[^，。？?]{0,8}(要|需要|得|必须|可以|能)(?![^，。？?]{0,3}(坐牢|判|罚|拘|抓))/,
    // 可直接到现场取号, 可凭……办理: what one may do, as notices write it; 保健品……不能治病: what it cannot.
    answer: /(不再|无需|不需要|需要|应当|须|必须|可以|可在|可由|也可|可(直接|凭|通过|持|携带|就近|现场|自行)|不得|不能|禁止|严禁|切勿|请勿|免费|不收|允许)/,
  },
};

/** 电话多少, 号码是几多, 微信号几多: the 多少 asks for the number, not for a figure. */
const PHONE_NUMBER_ASKED = /(电话|号码|热线|手机|微信)(号码?)?(是|系)?(多少|几多)/g;

/** 多少日内, 几多天: the 多少 asks how long, not for a figure. */
const SPAN_ASKED = /(多少|几多)个?(天|日|工作日|小时|分钟|个月)/g;

/** A clause's closing particles (得不得啊, 电话几多啊？): they end the question, they ask nothing. */
const CLOSING_PARTICLES = /[啊呀呢哦喔吖啦咧嘞噢]+(?=[\s，,。.！!？?~～]|$)/g;

/** The message's clauses (villagers often part clauses with spaces). */
export function clausesOf(message: string): string[] {
  return splitClauses(message.trim().replace(/\s+/g, "，")).map((c) => c.text);
}

/** The message's last clause, what it ends by asking. */
export function lastClause(question: string): string {
  return clausesOf(question).at(-1) ?? question;
}

/** A clause without the marks that close it (拍哪些地方？ → 拍哪些地方). */
function bareClause(clause: string): string {
  return clause.replace(/[，,。？?！!；;～~]+$/, "");
}

/** The message's clauses without their closing marks (系咪都畀刑拘咗，帮人考试会判咩 → 系咪都畀刑拘咗 / 帮人考试会判咩). */
export function bareClausesOf(message: string): string[] {
  return clausesOf(message).map(bareClause).filter(Boolean);
}

/** A penalty, a term or who pays, named (罚, 判, 拘, 赔, 坐牢, 坐几耐监, 关几多日). */
export const PENALTY_NAMED = /罚|判|拘|赔|坐牢|坐[^，。？?\s]{0,3}监|关(几|多少|多久|几耐)(天|日)?/;
/** Which law a deed breaks, asked (攞裸照逼人畀钱犯咩法, 违反了什么): an ask of the law's, as a penalty's is. */
const LAW_BROKEN_ASKED = /犯了?(什么|啥|哪条|哪个|哪门子)法|违反了?(什么|啥|哪条|哪个)/;
/** The law itself, a crime or a power named (法律, 规定, 犯法, 有冇权). */
const LAW_WORD = new RegExp(`法律|法规|规定|违法|犯法|犯罪|有没有权|有权|${LAW_BROKEN_ASKED.source}`);
/** Is this ask in the law's words: the law, a crime, a power, or a penalty (法律讲参赌罚多少; not 讲座我可以报名去听吗)? */
export function inLawsWords(ask: string): boolean {
  return LAW_WORD.test(ask) || PENALTY_NAMED.test(ask);
}

/** Each kind's askedAtEnd as the words that end a clause, built once. */
const CLOSING_ASK = new Map<AskedFor, RegExp>();

/**
 * Is the kind asked anywhere in the question, or (askedAtEnd) in its last clause `end`, or by the words
 * that end any clause (拍照要拍几张，拍哪些地方: 几张 asks, though another ask follows)?
 */
function isAsked(kind: AskedFor, question: string, end: string): boolean {
  const { asked, askedAtEnd } = KINDS[kind];
  if (asked.test(question) || askedAtEnd?.test(end)) return true;
  if (!askedAtEnd) return false;
  let closing = CLOSING_ASK.get(kind);
  if (!closing) CLOSING_ASK.set(kind, (closing = new RegExp(`(?<![十百千万])(?:${askedAtEnd.source})[啦呢啊呀嘞咧哦吖]*$`)));
  return clausesOf(question).some((c) => closing.test(bareClause(c)));
}

/** 还是咁, 仲系噉, 还是这样: whether what was heard still holds (not 还是这么久, which asks a span itself). */
const STILL_SO = /(还是|仍是|仍然是|依然是|仍然|依然)(这样|那样|咁|噉|如此|这个数|那个数)(?![久长多])/;
/** The kinds of a value a message may quote to be confirmed (50米, 3个工作日, 9点, 62212110). */
const HEARD_KINDS: AskedFor[] = ["amount", "duration", "time", "date", "phone"];

/** The kinds of thing the question asks for (often none: a rule or a penalty). */
export function askedFor(message: string): AskedFor[] {
  const question = message.replace(CLOSING_PARTICLES, "");
  const end = lastClause(question);
  const all = Object.keys(KINDS) as AskedFor[];
  const asked = all.filter((k) => isAsked(k, question, end));
  const factAsked = asked.some((k) => !NOT_FACTS.has(k));
  // 校门口50米唔准停车仲系咁: whether a value heard still holds asks that value's kind (50米 → a figure).
  const heard = factAsked || !STILL_SO.test(question) ? [] : HEARD_KINDS.filter((k) => KINDS[k].answer.test(question.replace(STILL_SO, " ")));
  const kinds = factAsked ? asked : [...asked, ...heard, ...all.filter((k) => !heard.includes(k) && !!KINDS[k].askedAlone?.test(question))];
  // 多少钱 asks what it costs, not for any figure; 电话多少 the number to call, unless a figure is asked besides.
  const rest = question.replace(PHONE_NUMBER_ASKED, "").replace(SPAN_ASKED, "");
  const phoneOnly = kinds.includes("phone") && !isAsked("amount", rest, lastClause(rest));
  const spanOnly = kinds.includes("duration") && !isAsked("amount", rest, lastClause(rest));
  // 兜哪里过, 绕哪里走: the way round is asked, not a place to go to.
  const routeOnly = kinds.includes("route") ? kinds.filter((k) => k !== "place") : kinds;
  // 咋搞晓得自己名下有几多张电话卡: how to find the count out (在……App搜索“一证通查”), not the count.
  const beside = kinds.includes("amount") && FIND_OUT_COUNT.test(question) ? question.replace(FIND_OUT_COUNT, " ") : null;
  const findingOut = beside !== null && !isAsked("amount", beside, lastClause(beside));
  return routeOnly.includes("fee") || phoneOnly || spanOnly || findingOut ? routeOnly.filter((k) => k !== "amount") : routeOnly;
}
/** How to find out a count (怎么知道……有多少张, 点样查……有几多): the means asked, the count its object. */
const FIND_OUT_COUNT = /(怎么|咋|如何|点样|怎样)(搞|样)?(才)?(能|可以)?(知道|晓得|查|查询|查到|看到)[^，。？?\s]{0,10}(多少|几多|几)[^，。？?\s]{0,4}/;

/** The message without the words that ask how a case ended (抓到没有, 后来怎么处理的): what is left tells the case. */
export function withoutOutcomeAsked(question: string): string {
  return question.replace(OUTCOME_ASKED_ALL, " ");
}
const OUTCOME_ASKED_ALL = new RegExp(KINDS.outcome.asked.source, "g");

/** The phrases with which the question asks for a fact (哪条路, 门牌几号, 电话多少), rules and advice aside. */
export function askingPhrases(question: string): string[] {
  const out: string[] = [];
  for (const at of FACT_ASKED_AT) {
    // From every position: 周六开不开门 holds both 周六开不开 and 开不开门.
    for (let i = 0; i < question.length; i++) {
      at.lastIndex = i;
      const m = at.exec(question);
      if (m?.[0]) out.push(m[0]);
    }
  }
  return out;
}

/** Does this ask name a thing of its own: a word of two characters or more that is no function or asking word (老板, 兴隆, 电话)? */
function namesOwnThing(ask: string): boolean {
  return ownThings(ask) > 0;
}

/** A clause that asks has a question word or particle (有人打电话讲我涉嫌洗钱 tells; 电话多少 asks). */
const ASKING_WORD = /多少|几|多久|多长|多远|什么|啥|咩|乜|哪|边度|怎|点样|点搞|没有|没|冇|不|唔|是不是|[吗么呢嘛]$|[?？]/;

/** Does this clause ask (a question word or particle), or only tell? */
export function clauseAsks(clause: string): boolean {
  return ASKING_WORD.test(clause.replace(/[，,。！!；;～~\s]+$/, ""));
}

/**
 * The message's asks, each with the clauses before it that tell what it is about: 石梅湾那次派出所查民宿
 * 查了几多间民宿 被罚的老板罚几多 is two (查了几多间 with what went before, and 罚几多). A clause that
 * asks nothing after the last ask goes with it. One element (the message) when it asks one thing or none.
 */
export function asks(question: string): string[] {
  const out: string[] = [];
  let pending = "";
  for (const text of clausesOf(question)) {
    const clause = bareClause(text);
    if (!clause) continue;
    pending = pending ? `${pending}，${clause}` : clause;
    // A fact, a yes/no rule or a penalty (冒充国家机关工作人员骗人要坐几年监) is an ask; what to do and whether it is
    // true are asked of the whole story.
    if (!clauseAsks(clause)) continue;
    // How a case told in the clauses before was dealt with (……嘅符某 公安点样处理佢) is read with them.
    const kinds = askedFor(clause);
    if (!kinds.length && askedFor(pending).includes("outcome")) kinds.push("outcome");
    if (kinds.some((k) => k === "rule" || !NOT_FACTS.has(k)) || ((PENALTY_NAMED.test(clause) || LAW_BROKEN_ASKED.test(clause)) && asksRule(clause))) {
      // An ask with no word of its own (几时弄, 奖几多钱, 过了还能骑不) asks more of the last one's thing.
      if (out.length && !namesOwnThing(pending)) out[out.length - 1] += `，${pending}`;
      else out.push(pending);
      pending = "";
    }
  }
  if (pending && out.length) out[out.length - 1] += `，${pending}`;
  return out.length > 1 ? out : [question];
}

/**
 * The message as the office's articles are searched: without its asks of the law in the law's words
 * (法律有冇规定可以止付冻结), when another ask is the office's (去年公安帮被骗嘅人冻结咗几多钱): the law's part
 * answers those, and their words (止付, 冻结) pull the office's notices on the matter above its report of
 * the year. The story told before a law's ask stays. Pure.
 */
export function officePart(message: string): string {
  const all = asks(message);
  if (all.length < 2) return message;
  const lawsOnly = (a: string) => asksRule(a) && inLawsWords(a) && !factsAsked(a).length;
  const office = all.filter((a) => !lawsOnly(a));
  if (!office.length || office.length === all.length) return message;
  // The office's asks must name their matter themselves (被骗, 冻结): 发现咗打咩电话举报 and 手机上能办冇 leave theirs
  // to the law's ask (民宿客房准唔准装摄像头, 开无犯罪记录证明).
  if (ownThings(office.join("，").replace(OFFICE_WORDS, " ")) < 2) return message;
  const told = (a: string) => a.split("，").filter((c) => !(asksRule(c) && inLawsWords(c)));
  return all.flatMap((a) => (lawsOnly(a) ? told(a) : [a])).join("，");
}

/**
 * The message's asks of the law in the law's words alone (货车法律上可唔可以载人), when the others ask the office a
 * fact of a matter they name (和乐农用车拉人嗰单罚咗几多): the law is searched on these beside the whole message
 * (fuse-hits.ts), whose office words (和乐, 农用车, the case's 罚咗几多) otherwise pull the law's articles on the
 * case's fine above the rule asked.
 * Not when the law's ask points back at what was told (这也要被罚吗, 呢种骗人要坐几耐监) or names no thing of its own
 * (namesThing): the whole message is its matter then. Pure.
 */
export function lawPart(message: string): string {
  const all = asks(message);
  if (all.length < 2) return message;
  const ofLaw = (a: string) => asksRule(a) && inLawsWords(a);
  const law = all.filter(ofLaw);
  const office = all.filter((a) => !ofLaw(a));
  if (!law.length || !office.length || !office.every((a) => factsAsked(a).length)) return message;
  if (ownThings(office.join("，").replace(OFFICE_WORDS, " ")) < 1) return message;
  const asked = law.join("，");
  // It names the law or what the law does to people (犯法, 坐监, 判): 派出所会来抓吗 罚多少 after a story told, or
  // 大茂个阿公被罚几多, ask of the case as much.
  if (!OF_THE_LAW.test(asked) || POINTS_BACK.test(asked) || !namesThing(asked)) return message;
  return asked;
}
/**
 * Does the law's ask name a thing of its own: a noun of two characters or more (货车, 噪音, 未成年人, 偷东西) that
 * is neither the law (法律, 犯法) nor the police, or an offence's act ([legal_topic]: 猥亵, 抢劫)? 种几棵犯法吗 and 最多几耐要拿到证 leave theirs to the message told
 * before them (read local-fresh29 and 42 lost their answers when these were searched alone); 法律有冇讲可以申诉 names
 * only an act.
 */
function namesThing(ask: string): boolean {
  return (
    jieba()
      .tag(ask, false)
      .some(({ word, tag }) => Array.from(word).length >= 2 && THING_TAG.test(tag) && !OF_THE_LAW.test(word) && !OFFICE_WORD.test(word)) ||
    // An offence named by its act (猥亵人按法律拘几耐, 抢劫要坐几多年): a matter of its own, though no noun.
    aboutLegalTopic(ask.replace(OF_THE_LAW_ALL, " "))
  );
}
/** Tags of words naming things: nouns, idioms and fixed phrases (偷东西/i, 未成年人/l), verbal nouns (考试/vn), times (夜间/t), latin words (KTV). */
const THING_TAG = /^(n[a-z]?|l|i|vn|t|eng)$/;
/** Naming the law, or what it does to people: an ask of the law's own, not of a case's end. */
const OF_THE_LAW = new RegExp(`法律|法规|国家|规定|条例|犯法|违法|合法|罪|坐牢|坐监|判|${LAW_BROKEN_ASKED.source}`);
const OF_THE_LAW_ALL = new RegExp(OF_THE_LAW.source, "g");
/** Words pointing back at what the message told (这也, 呢种, 咁样, 佢): an ask so worded has no matter of its own. */
const POINTS_BACK = /这|那|呢|咁|佢|他|她|它|此|该/;

/** Words every office's articles write (电话, 举报, 派出所): no matter of an ask's own. */
const OFFICE_WORDS = /电话|举报|派出所|公安局?|民警|警察|发现/g;
/** The same words, tested one at a time (no global state). */
const OFFICE_WORD = new RegExp(OFFICE_WORDS.source);

/** How many things an ask names of its own (words of two characters or more, no function or asking word). */
function ownThings(ask: string): number {
  const stop = stopwordSet();
  // 一条, 两个: a numeral and its measure word name no thing.
  return new Set(segment(ask).filter((w) => Array.from(w).length >= 2 && /^[\p{Script=Han}]+$/u.test(w) && !/^[零〇一二两三四五六七八九十百千万几每]/.test(w) && !stop.has(w) && !ASKING_WORD.test(w))).size;
}

/** Each fact kind's asking pattern, sticky: matched at a given position. */
const FACT_ASKED_AT = Object.entries(KINDS)
  .filter(([kind]) => !NOT_FACTS.has(kind as AskedFor))
  .map(([, { asked }]) => new RegExp(asked.source, "y"));

/** Asks how much a fine is (罚几多钱, 罚款多少, 罚多重): the law's amount. */
export function asksFineAmount(question: string): boolean {
  return FINE_AMOUNT_ASKED.test(question);
}

/** The question without its asking for the fine's amount: what else it asks (离学校几远内不准鸣喇叭 of …，罚几多). */
export function besidesFineAmount(question: string): string {
  return question.replace(FINE_AMOUNT_ASKED_ALL, " ");
}
const FINE_AMOUNT = "罚(款)?(要|得|会)?(多少|几多|好多|多重|几钱|几千|几百|几万)(钱)?|罚款(是|有|大概)?(多少|几多)(钱)?";
const FINE_AMOUNT_ASKED = new RegExp(FINE_AMOUNT);
const FINE_AMOUNT_ASKED_ALL = new RegExp(FINE_AMOUNT, "g");

/**
 * Which punishment's length is asked, if any: 判几年, 坐几年牢, 会判多重 ask a prison term; 拘几天,
 * 关几多日, 拘留几耐 ask a detention's. Read for the law's order (a span of that punishment answers).
 */
export function asksTermOf(question: string): "prison" | "detention" | null {
  if (DETENTION_ASKED.test(question)) return "detention";
  if (PRISON_ASKED.test(question)) return "prison";
  return null;
}
const HOW_LONG = "(几|多少|几多|多久|几耐|多长|多重)";
// 关咗几日 (关了几日): the days a case's man was held, asked of the case.
const DETENTION_ASKED = new RegExp(`(拘留?|关)(要|会|得|能|最多|最少|可以|了)?${HOW_LONG}(天|日|耐|久)?`);
const PRISON_ASKED = new RegExp(`(判|坐)(刑|监|牢)?(要|会|得|能|最多|最少|可以)?${HOW_LONG}(年|耐|久|牢)?|坐几年牢`);

/** Does this sentence hold what was asked (any of the kinds)? */
export function answersKind(sentence: string, kinds: readonly AskedFor[]): boolean {
  return kinds.some((k) => KINDS[k].answer.test(sentence));
}

/** What the question asks for other than a yes/no rule, advice or whether it is true: a figure, date, place, documents, phone, outcome. */
export function factsAsked(question: string): AskedFor[] {
  return askedFor(question).filter((k) => !NOT_FACTS.has(k));
}

/** Words of a section heading that say what its paragraph answers ("二、办理地点", "四、所需材料"). */
const HEADING_KINDS: Partial<Record<AskedFor, RegExp>> = {
  place: /地点|地址|新址|地方|场所|点位|位置|停放|停车|路段|区域|范围/,
  time: /时间|日期|时段|期限|时限/,
  duration: /时限|期限|多久/,
  documents: /材料|证件|携带|手续/,
  fee: /收费|费用|价格/,
  phone: /电话|联系方式|热线/,
};

/** Does this heading label its paragraph as answering one of these kinds? */
export function headingAnswers(heading: string, kinds: readonly AskedFor[]): boolean {
  return kinds.some((k) => HEADING_KINDS[k]?.test(heading) ?? false);
}

/** Asks for a time of day (几点, 几点钟开门, 办公时间), which a date (自3月1日起施行) does not answer. */
export function asksHour(question: string): boolean {
  return HOUR_ASKED.test(question);
}
const HOUR_ASKED = /几点|开门|关门|上班|下班|营业时间|办公时间|开放时间/;

/** Holds a time of day (CLOCK), or says it is open at every hour. */
export function tellsHour(sentence: string): boolean {
  return HOUR.test(sentence);
}
// Open all hours (全天24小时接待, 24小时受理) answers 几点 and 几点收工 as a clock does; a span (走失24小时内, 电话（24小时）),
// a phone's hours (24小时接听) and a ban all day (全天禁止燃放) do not.
const HOUR = new RegExp(`${CLOCK}|昼夜|通宵|全天\\s*24\\s*小时|24\\s*小时(接待|开放|营业|受理|办理|有人)`);

/** Asks until when (查到什么时候, 搞到几时, 最迟哪天, 几时到期), which an event's day (9月20日上午9时) does not answer. */
export function asksUntil(question: string): boolean {
  return UNTIL_ASKED.test(question);
}
const UNTIL_ASKED = /到(什么时候|几时|啥时候|哪天|哪一天|几号|几月)|截止|最迟|最晚|(什么时候|几时|啥时候|哪天)(结束|为止|截止|到期)|有效期/;

/** A date that ends a period: 2025年9月15日至12月31日, 10月31日前, 截止, 延长至. */
export function tellsUntil(sentence: string): boolean {
  return UNTIL.test(sentence);
}
const UNTIL = new RegExp(`(至|到)\\s*(${NUM}年)?${NUM}月${NUM}日|${NUM}月${NUM}日\\s*(前|止|为止|截止)|截止|截至`);

/**
 * The days of the week a text names (周六 → 6; 周末, 双休日 → 6, 7; 周一至周五, 工作日 → 1–5). A day
 * told as past (上周六) is an event's, not a schedule's, and is left out.
 */
export function weekdaysNamed(text: string): Set<number> {
  const days = new Set<number>();
  const add = (from: number, to: number) => {
    for (let d = from; d <= to; d++) days.add(d);
  };
  for (const m of text.matchAll(WEEKDAY_RANGE)) add(dayNumber(m[1]), dayNumber(m[2]));
  for (const m of text.matchAll(WEEKDAY)) days.add(dayNumber(m[1]));
  if (WEEKEND.test(text)) add(6, 7);
  if (WORKDAYS.test(text)) add(1, 5);
  return days;
}
const DAY = "[一二三四五六日天]";
const WEEKDAY = new RegExp(`(?<!上个?|上上个?)(?:周|星期)(${DAY})`, "g");
const WEEKDAY_RANGE = new RegExp(`(?:周|星期)(${DAY})\\s*(?:至|到|-|—|~)\\s*(?:周|星期)?(${DAY})`, "g");
const WEEKEND = /(?<!上个?)周末|双休日?|周六日|周六、周日/;
const WORKDAYS = /工作日/;
function dayNumber(d: string): number {
  return d === "日" || d === "天" ? 7 : "一二三四五六".indexOf(d) + 1;
}

/**
 * What a number is called for, in groups: to report (举报, 报警, 投诉) or to sign up (报名, 预约). A 咨询电话 serves any.
 */
const LINE_PURPOSES: readonly (readonly string[])[] = [["举报", "报警", "报案", "投诉", "求助"], ["报名", "预约"]];

/** The purposes of a call the question names, as groups (举报假证打咩电话 → the reporting group). */
export function callPurposes(question: string): number[] {
  return LINE_PURPOSES.flatMap((g, i) => (g.some((w) => question.includes(w)) ? [i] : []));
}

/** Does the sentence give a number for another purpose than those asked (报名：请拨打…… when 举报 is asked)? */
export function callForOther(sentence: string, purposes: readonly number[]): boolean {
  if (!purposes.length || purposes.some((i) => LINE_PURPOSES[i].some((w) => sentence.includes(w)))) return false;
  return LINE_PURPOSES.some((g, i) => !purposes.includes(i) && g.some((w) => sentence.includes(w)));
}

/**
 * Asks for a number to call (举报电话系几多, 打边个电话, 报警电话几多号), not only speaks of a call (接到电话说是公安局的:
 * a story, whose 电话 the phone kind reads too).
 */
export function asksNumber(question: string): boolean {
  // The one pattern first: most messages ask no number, and factsAsked reads every kind.
  return NUMBER_ASKED.test(question) && factsAsked(question).includes("phone");
}

/** Asks a number to call and no other fact (举报假证嘅电话系几多, 兴隆派出所报警电话几多号). */
export function asksOnlyNumber(question: string): boolean {
  return NUMBER_ASKED.test(question) && asksOnly(question, "phone");
}
const NUMBER_ASKED = /(电话|热线|号码|联系方式|微信号)[^，。？?\s]{0,6}(几多|多少|是什么|系咩|是啥|几号)|(打|拨|拨打)[^，。？?\s]{0,4}(边个|哪个|什么|咩|啥|几多|多少|几号|哪里|边度)|(几多|多少|什么|咩|啥)号|联系方式|怎么联系|点样联系|(打|拨)(\d{3,4}-)?\d{7,8}(?!\d)/;

/** Asks this kind of fact and no other (举报电话系几多: a number to call, nothing the law could hold). */
function asksOnly(question: string, kind: AskedFor): boolean {
  const facts = factsAsked(question);
  return facts.length > 0 && facts.every((k) => k === kind);
}

/** Asks when a place opens or closes (几点开门, 礼拜六开不开门, 几点关门) and nothing else but when. */
export function asksOpeningHours(question: string): boolean {
  return asksOnly(question, "time") && OPENING_HOURS.test(question);
}
const OPENING_HOURS = /开(不|没)?开门|(开|关)门(吗|不|没|么|的|啊)?|上不上班|上班时间|办公时间|营业时间|几点(上班|下班)/;

/**
 * A question about a place, event, figure, date or procedure: the office's own material answers it first.
 * So does one pointing at a case or a count a report told (那宗案, 那9个醉驾的).
 */
export function asksLocalFact(question: string): boolean {
  return factsAsked(question).length > 0 || /(我们|咱们|本地|这里|这边|镇上|村里|县里|市里|万宁|最近|今年|去年|上次|活动|通知|通告|公告|通报|提示|提醒|办理|(去|来|到)办|登记|上牌|办证|补办|补领|换领|上缴|窗口|预约|悬赏|奖励|奖金|有奖|那(宗|单|起)案?|那[0-9０-９两三四五六七八九十]+(个|名|位|起|家|间|宗))/.test(question);
}

/** A question about a rule, penalty or liability: the law answers it (cues in src/data/intents.txt, [legal]). */
export function asksRule(question: string): boolean {
  const q = question.replace(CASE_OUTCOME_ALL, " ").replace(CALL_PURPOSE, " ");
  return loadIntents().legal.some((re) => re.test(q));
}

/** 报警 as what a number is called for (报警打几号, 报警电话多少), or as a step of the story told (报警之后派出所帮佢冻结返几多): no legal matter. */
const CALL_PURPOSE = /报警(?=电话|打|拨|号码|热线|找|之后|以后|后)/g;

/** A question about a legal matter or one of the office's campaigns ([legal_topic]): a feature of the law's decision. */
export function aboutLegalTopic(question: string): boolean {
  return loadIntents().legal_topic.some((re) => re.test(question));
}

/** A question that asks for a rule or is about a legal matter ([legal] and [legal_topic]). */
export function asksLaw(question: string): boolean {
  return asksRule(question) || aboutLegalTopic(question);
}

/** A character that ends or links words rather than starting a noun's second half. */
const FUNCTION_CHAR = /[的了呢吗啊呀么是有在都就还要会被把和与同跟给去来到过着咩呀嘅啦哦喔吖能可才也先得]/;

/** A thing described before it is named (骗人的聊天APP → 聊天): up to four characters, then 的, then the noun. */
const DESCRIBED_THING = /^[\p{Script=Han}]{1,4}的([\p{Script=Han}]{1,2})/u;

/** A person pointed at as one told of (嗰个女大学生, 那个后生仔, 嗰两个人, 那位阿伯): the person of a case. */
const TOLD_PERSON = /(?:那|嗰)(?:个|位|名|两个|几个|班|伙|对)[^，。？?\s]{0,4}?(?:人|仔|女|男|伯|婆|公|叔|姨|嫂|哥|姐|妹|弟|生|师|佬|板|机)(?![\p{Script=Han}])/u;
/** Does the question point at a person of a case told (嗰个女大学生……系几号嘅事)? A report tells their facts, not a notice. */
export function pointsAtPerson(question: string): boolean {
  return TOLD_PERSON.test(question);
}

/** A verb opening what a count's measure counts (几多户有仔女……, 几多个系外地人): no thing of its own. */
const COUNT_CLAUSE_VERB = /^[有是系在被给畀俾要去来嚟会能]$/;

/** Cases' measure words (几多单扮兵诈骗 → 起, not 起扮: a report counts 23起 and names its cases after). */
const CASE_MEASURE = /^[起宗单件]$/;

/**
 * What a figure question counts: the word after 多少/几 (派多少警察 → 警, 发了多少资料 → 资), so the figure
 * of that thing is quoted rather than another of the article's. null when none.
 */
export function countedThing(question: string): string | null {
  // The last one asked: 讲几句就放人…罚几多 tells a story before it asks.
  // With the character after it when that is no particle (几多间民宿 → 民宿): the word, when a sentence writes it.
  // 花了好几万买, 几十个, 十几个人: a rough figure told, not a thing counted.
  // 几多个骗人的聊天APP: the thing is the noun after 的 (聊天), not the words that describe it (骗人).
  const things = [...question.matchAll(/(?<![好十百千万0-9])(?:多少|几多|几)(?![十百千万亿])(个|名|位|件|份|辆|部|张|条|家|户|间|架|艘|台|只|头|批)?([\p{Script=Han}])([\p{Script=Han}]?)/gu)].map((m) => {
    // 几多户有仔女出去读书: a measure, then a clause about what it counts (有, 系, 被……): the measure is the thing.
    const [whole, measure, first, second] = m;
    if (measure && COUNT_CLAUSE_VERB.test(first)) return measure;
    // Not after a case's measure (几多单吵交的事: the 单 is counted) nor a bare 事 or 东西 (what was done, no thing).
    const described = CASE_MEASURE.test(first) ? null : DESCRIBED_THING.exec(question.slice(m.index! + whole.length - first.length - second.length));
    if (described && !/^(事|东西)/.test(described[1])) return described[1];
    // 几多场防骗讲座: 场 counts events (讲座86场), as a case's measure counts cases: no word with the character after it.
    return second && !FUNCTION_CHAR.test(second) && !CASE_MEASURE.test(first) && first !== "场" ? first + second : first;
  });
  // 奖几多 ends on 几多: its 多 is the question word, no thing.
  // 要放几个先得: 先 (才) and other particles after the count name nothing.
  // 退返咗几多畀受害人: 畀 (给) hands the sum to someone, it names no thing.
  const after = things.filter((t) => !/[的了呢吗啊呀么钱天年月日点号时分倍岁多少先才就都咩嘅啦吖给畀俾]/.test(t[0])).at(-1);
  if (after) return after;
  // Named before it is counted (救生圈有几多个, 灭火器要放几个): the word before 有 or 要 (and its verb).
  const before = /([\p{Script=Han}]+)(?:一共|总共|共)?(?:有|系|(?:要|得|需要)[放配备装带买准]{0,2})(?:多少|几多|几)(?:个|名|位|件|份|辆|部|张|条|家|户|间|架|艘|台|只|头|批|套|块)/u.exec(question);
  return before ? lastWordOf(before[1]) : null;
}

const UNITS = "张|个|只|头|斤|部|台|辆|条|份|次|盒|瓶|包|袋|箱|本|件|粒|克";
/** A price per unit told, by unit: built once per unit, read for every sentence of every article ranked. */
const PRICED_PER = new Map<string, RegExp>();
/** A price asked per unit: 一张……几多蚊, 几多钱一只. */
const PRICE_ASKED = new RegExp(`(?:一|每)(${UNITS})[^，。？?\\s]{0,4}(?:多少|几多)(?:钱|元|块|蚊)?|(?:多少|几多)(?:钱|元|块|蚊)(?:一|每)(${UNITS})`);
/** 一张卡卖几多蚊, 几多钱一只: a price asked per unit; the unit (张). */
export function unitPriced(question: string): string | null {
  const m = PRICE_ASKED.exec(question);
  return m ? (m[1] ?? m[2]) : null;
}

/** Does the sentence price a thing per that unit (电话卡每张200元, 300元一只)? */
export function pricedPer(sentence: string, unit: string): boolean {
  let priced = PRICED_PER.get(unit);
  if (!priced) PRICED_PER.set(unit, (priced = new RegExp(`(?:每|一)${unit}[^，。；]{0,6}?[0-9０-９.]+\\s*万?(?:元|块)|[0-9０-９.]+\\s*万?(?:元|块)钱?(?:一|每)${unit}`)));
  return priced.test(sentence);
}

/** The measure word a thing is counted in (几多间培训机构 → 间), where the question names the thing after it. */
export function countMeasure(question: string): string | null {
  return /(?:多少|几多|几)(个|名|位|件|份|辆|部|张|条|家|户|间|架|艘|台|只|头|批)(?=[\p{Script=Han}]{2})/u.exec(question)?.[1] ?? null;
}

/**
 * The act a yes/no rule question asks leave for: the first character after 可不可以, 能不能, 准不准 (我哋可唔可以锁佢车轮
 * → 锁), past the one asking and a manner word (私自, 直接). A notice answers it where a permission word
 * stands just before that act (不能私自锁车、扣车), not where a report tells it was done (给车轮加装了锁具).
 * null when the question asks no leave, or the character after it is a function word (可不可以在……).
 */
export function ruledAct(question: string): string | null {
  const m = /(?:可不可以|能不能|准不准|让不让|允不允许|可以|能|准|允许)(?:我们|你们|他们|我|你|他|她|佢)?(?:私自|自己|自行|直接|随便|擅自|先|再)?([\p{Script=Han}])/u.exec(question);
  return m && !FUNCTION_CHAR.test(m[1]) ? m[1] : null;
}

/**
 * What a figure question measures: the character before 多少/几 (奖几多 → 奖, 抓了多少人 → 抓, 被骗多少 → 骗),
 * so that of an article's many figures the one about it is quoted. null when the question has none.
 */
export function measuredThing(question: string): string | null {
  // 酒精到底是多少: the emphasis between the thing and the question word is skipped.
  // 那几天, 前几年 tell a time; the thing measured is another (这样罚几多 → 罚).
  // The last such thing: a story told before the question (讲几句就放人……罚几多) counts its own things.
  // 奖他几多钱, 一瓶卖人几多蚊, 借咗人几多钱: the person it goes to stands between the thing and the question word.
  // 冻住了多少, 偷走几多, 追回来多少: the verb before its result (住, 走, 掉, 回来) is the thing.
  // 冻结咗几多, 紧急止付咗几多: the verb's first character names it (冻, 止), as 冻住了多少 does.
  // 帮老人拿回几多钱, 攞返几多: getting back is recovering (追回, 挽回), not the getting 拿 alone names.
  const verbs = question.replace(/冻结/g, "冻").replace(/止付/g, "止").replace(/(拿|攞)(回|返)/g, "追回");
  const things = [...verbs.matchAll(/([\p{Script=Han}])(?:[住走掉]|回来?)?(?:了|过)?(?:他|她|我|你|佢|他们|我们|人)?(?:(?:到底|究竟)(?:是|有)?)?(?:了|的|得|过)?(?:多少|几)/gu)].map((m) => m[1]);
  // 最多几多, 最少几多: the bound, not the thing. 八万几, 三十几: a figure told roughly, not a thing.
  // 想拿多少钱, 攞几多: getting names no thing (the report says 理赔, 骗取); the sum alone is asked.
  const thing = things.filter((t) => !/[有是要能会就都共总还才到在么什为那这前好头最多少一二两三四五六七八九十百千万亿拿攞]/.test(t)).at(-1);
  if (thing) return thing;
  // Said the other way round: 有几多钱奖 → 奖.
  const after = /(?:多少|几多)钱([\p{Script=Han}])/u.exec(question);
  if (after && !/[的了呢吗啊呀么一个啦哦嘛咧]/.test(after[1])) return after[1];
  // Asked whether there is one, then how much (有奖没有，多少钱 → 奖).
  const whether = /有([\p{Script=Han}])(?:没有|没|吗|不|么)[\s，,。？?！!]*(?:多少|几)/u.exec(question);
  if (whether) return whether[1];
  // 有没有奖金 最多几多 → 奖.
  const asked = /有没有([\p{Script=Han}])[\p{Script=Han}]?[\s，,。？?！!]*(?:最多|最少|大概|一共)?(?:多少|几)/u.exec(question);
  return asked?.[1] ?? null;
}

/** What a price asked is paid as (交几多保证金 → 保证金, 押金要几多钱 → 押金): a word ending in 金, 费 or 款; null for none. */
export function paidThing(question: string): string | null {
  const after = /(?:多少|几多)(?:钱)?(?:的|嘅)?([\p{Script=Han}]{0,3}[金费款])/u.exec(question);
  if (after && after[1].length >= 2) return after[1];
  const before = /([\p{Script=Han}]{1,3}[金费款])(?:要|要交|要收|收|交)?(?:多少|几多)/u.exec(question);
  return before ? before[1] : null;
}

/**
 * What a "what is it" question names (口诀是啥来着 → 口诀, 那个套路系咩 → 套路): the word before 是啥, so
 * that the sentence telling it is quoted, not one holding the words that only point at it (女副所长讲的).
 * null when the question asks no such thing.
 */
export function thingAsked(question: string): string | null {
  const m = /([\p{Script=Han}]{2,8})(?:到底|究竟)?(?:是|系)(?:啥|什么|咩|乜嘢?|哪些|哪几[个种样条])/u.exec(question);
  const word = m ? lastWordOf(m[1]) : null;
  return word && !ASKING_WORD.test(word) ? word : null;
}

/** The last word of a phrase when it names something: two characters or more, no stopword (救生圈, 口诀). */
function lastWordOf(phrase: string): string | null {
  const word = segment(phrase).at(-1);
  return word && Array.from(word).length >= 2 && !stopwordSet().has(word) ? word : null;
}
