/**
 * `npm run generate:province -- [数据库文件] [选项]`: a synthetic province for trying the app out at scale
 * and for the benchmarks (bench/scale.ts, bench/overview.ts): a province office over cities, each city's
 * office over counties, each county's office over its departments and townships; the province and each
 * city have a few departments of their own. Every agency has five years of APPROVED reports (the five years
 * before the year being reported, edition by year), each a valid interchange report with plausible figures
 * that carry over from year to year (a seeded PRNG: the same options give the same database); a few
 * reports (1 %) deliberately do not balance. Each report has its check's counts and its figures (as the app
 * stores them beside a report it writes) and the revision of its version, which (as the app
 * stores a current version) keeps no copy of the content. Each agency has a supervisor and one or two clerks, each office
 * two admins, all with one password (hashed once).
 *
 * Options:
 *   --cities N          cities in the province (16)
 *   --counties N        counties in each city (8)
 *   --agencies N        agencies in each county, its office included (55)
 *   --county-only N     instead: one county (an office with nothing above it) holding N agencies
 *   --years 2020-2024   the years of reports (default: the five years before the year being reported)
 *   --seed N            the PRNG's seed (2026)
 *   --password P        every account's password (bench-2026)
 *   --force             replace the database file if it exists
 *
 * The file: the argument, or the environment's (DATABASE_PATH, or DATA_DIR/nianbao.db, as scripts/setup.ts).
 * Written with better-sqlite3 directly, in one transaction of prepared statements: the app's own queries
 * (createAgency, createReport, the workflow) do the same thing one row at a time.
 */
import fs from "node:fs";
import path from "node:path";
import { openDb, sqliteDriverOf } from "@/db/client";
import type { OfficeTier } from "@/db/schema";
import { hashPasswordSync } from "@/lib/auth/passwords";
import { reportDeadline } from "@/lib/dashboard/deadlines";
import { readEnv } from "@/lib/env";
import { editionForYear } from "@/lib/report/editions";
import type { EditionId } from "@/lib/report/editions";
import { reportFigures } from "@/lib/report/figures";
import { layoutOf } from "@/lib/report/layout";
import { computeTotals, emptyReport, type AgencyLevel, type Report } from "@/lib/report/model";
import { defaultReportYear } from "@/lib/reporting-year";
import { countStoredReport } from "@/lib/workflow/findings";

export type ProvinceOptions = {
  cities: number;
  counties: number;
  /** Agencies in each county, the county's office included. */
  agencies: number;
  /** Departments of the province's and of each city's own government. */
  provinceDepartments: number;
  cityDepartments: number;
  /** Set: one county (an office with no parent) holding this many agencies, its office included; nothing else. */
  countyOnly?: number;
  years: number[];
  seed: number;
  password: string;
  /** Share of reports that deliberately do not balance (R3-BALANCE). */
  unbalancedShare: number;
};

/** The five years before the year being reported (2020–2024 when reporting 2025). */
export function defaultYears(today: Date = new Date()): number[] {
  const last = defaultReportYear(today) - 1;
  return [last - 4, last - 3, last - 2, last - 1, last];
}

export const DEFAULT_OPTIONS: ProvinceOptions = {
  cities: 16,
  counties: 8,
  agencies: 55,
  provinceDepartments: 6,
  cityDepartments: 6,
  years: defaultYears(),
  seed: 2026,
  password: "bench-2026",
  unbalancedShare: 0.01,
};

export type AdminAccount = { username: string; office: string; tier: OfficeTier; officeId: number };

export type GeneratedProvince = {
  file: string;
  agencies: number;
  offices: number;
  users: number;
  reports: number;
  /** Ids of the reports that deliberately do not balance. */
  unbalancedReportIds: number[];
  admins: AdminAccount[];
  /** One clerk of a department of the first county (for the report-page benchmark) and their reports. */
  sampleClerk: { username: string; agencyId: number; reportIds: number[] };
  password: string;
  years: number[];
  seconds: number;
};

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness

type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  normal: () => number;
  chance: (p: number) => boolean;
};

function makeRng(seed: number): Rng {
  let state = seed >>> 0 || 1;
  // mulberry32
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------------
// Names

const PROVINCE = "江北省";
const CITY_NAMES = [
  "安澜市", "北川市", "長宁市", "丹阳市", "东平市", "凤翔市", "高唐市", "桂林湾市", "海川市", "和平市", "华阳市",
  "江源市", "金城市", "景川市", "临清市", "龙泉市", "鹿鸣市", "梅岭市", "南屏市", "青石市", "瑞安湖市", "三江市",
].map((name) => name.replace("長", "长"));
const SYLLABLES = [
  "安", "白", "宝", "北", "碧", "昌", "长", "崇", "大", "丹", "德", "东", "丰", "凤", "福", "富", "高", "古", "广", "桂",
  "海", "汉", "和", "河", "红", "洪", "华", "怀", "黄", "惠", "嘉", "建", "江", "金", "锦", "靖", "静", "九", "康", "兰",
  "乐", "黎", "莲", "临", "灵", "龙", "隆", "鹿", "罗", "马", "梅", "美", "明", "南", "宁", "平", "浦", "栖", "祁", "清",
  "庆", "瑞", "三", "山", "尚", "石", "寿", "双", "顺", "泰", "桃", "天", "通", "万", "文", "西", "仙", "祥", "新", "兴",
  "秀", "阳", "永", "玉", "元", "云", "枣", "泽", "彰", "昭", "正", "中", "舟", "竹",
];
const COUNTY_DEPARTMENTS = [
  "发展和改革局", "教育和体育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
  "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
  "文化和旅游局", "卫生健康局", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
  "医疗保障局", "林业局", "城市管理局", "行政审批服务局", "信访局", "人民防空办公室", "乡村振兴局",
  "粮食和物资储备局", "综合行政执法局", "投资促进局", "大数据中心", "住房公积金管理中心", "地方金融监督管理局",
  "机关事务服务中心", "国有资产管理服务中心", "供销合作社联合社", "融媒体中心", "档案馆",
];
const UPPER_DEPARTMENTS = [
  "发展和改革委员会", "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源和规划局",
  "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局", "卫生健康委员会", "市场监督管理局",
];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲晨宇浩然子涵欣怡梓轩思远建国立新海涛晓梅".split("");

/** Names not yet taken among `taken`, made of syllables (a pool of ~8,000), numbered when that runs out. */
function placeName(rng: Rng, taken: Set<string>, suffix: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = rng.pick(SYLLABLES) + rng.pick(SYLLABLES) + suffix;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  for (let n = 2; ; n++) {
    const name = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}第${n}${suffix}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : "");
}

// ---------------------------------------------------------------------------------------------------
// The tree

type Node = {
  id: number;
  name: string;
  /** The name without its government's prefix (司法局, 某某镇人民政府): the report's short name. */
  shortName: string;
  level: AgencyLevel;
  parentId: number | null;
  officeTier: OfficeTier | null;
  childrenDeadline: string | null;
  /** How busy the agency is (requests, decisions): about 1 for an ordinary county department. */
  size: number;
  /** The government the agency belongs to, for its website and address. */
  place: string;
};

const BUSY = /公安|自然资源|住房|人力资源|市场监督|行政审批|卫生|教育|交通|农业|生态/;

class TreeBuilder {
  nodes: Node[] = [];
  constructor(private rng: Rng) {}

  add(node: Omit<Node, "id" | "size">, busy = 1): Node {
    const base = node.officeTier ? 2.2 : node.level === "township" ? 0.35 : BUSY.test(node.shortName) ? 2 : 0.8;
    const tierFactor = node.officeTier === "province" ? 6 : node.officeTier === "city" ? 3 : 1;
    const size = base * busy * tierFactor * Math.exp(0.5 * this.rng.normal());
    const full = { ...node, id: this.nodes.length + 1, size };
    this.nodes.push(full);
    return full;
  }

  /** A county's office and `count - 1` departments and townships (about a third townships and streets). */
  county(name: string, parentId: number | null, count: number): Node {
    const office = this.add({
      name,
      shortName: "人民政府",
      level: "government",
      parentId,
      officeTier: "county",
      childrenDeadline: this.rng.pick(["02-15", "02-20", "02-28"]),
      place: name,
    });
    const below = count - 1;
    const townships = Math.round(below * 0.32);
    const taken = new Set<string>();
    for (let i = 0; i < below - townships; i++) {
      const short =
        i < COUNTY_DEPARTMENTS.length && !taken.has(COUNTY_DEPARTMENTS[i])
          ? COUNTY_DEPARTMENTS[i]
          : placeName(this.rng, taken, "服务中心");
      taken.add(short);
      this.add({ name: `${name}${short}`, shortName: short, level: "department", parentId: office.id, officeTier: null, childrenDeadline: null, place: name });
    }
    for (let i = 0; i < townships; i++) {
      const street = this.rng.chance(0.3);
      const short = placeName(this.rng, taken, street ? "街道办事处" : this.rng.chance(0.8) ? "镇人民政府" : "乡人民政府");
      this.add({ name: `${name}${short}`, shortName: short, level: "township", parentId: office.id, officeTier: null, childrenDeadline: null, place: name });
    }
    return office;
  }

  /** An office of a province or city with its own departments. */
  office(name: string, tier: OfficeTier, parentId: number | null, departments: number): Node {
    const office = this.add({
      name,
      shortName: "人民政府",
      level: "government",
      parentId,
      officeTier: tier,
      childrenDeadline: tier === "province" ? "03-15" : "02-28",
      place: name,
    });
    for (let i = 0; i < departments; i++) {
      const short = UPPER_DEPARTMENTS[i % UPPER_DEPARTMENTS.length] + (i >= UPPER_DEPARTMENTS.length ? `（${Math.floor(i / UPPER_DEPARTMENTS.length) + 1}）` : "");
      this.add({ name: `${name}${short}`, shortName: short, level: "department", parentId: office.id, officeTier: null, childrenDeadline: null, place: name });
    }
    return office;
  }
}

function buildTree(rng: Rng, options: ProvinceOptions): Node[] {
  const tree = new TreeBuilder(rng);
  if (options.countyOnly !== undefined) {
    tree.county("江北省安澜市明山县", null, Math.max(1, options.countyOnly));
    return tree.nodes;
  }
  const province = tree.office(PROVINCE, "province", null, options.provinceDepartments);
  const countyNames = new Set<string>();
  for (let c = 0; c < options.cities; c++) {
    const cityShort = c < CITY_NAMES.length ? CITY_NAMES[c] : `第${c + 1}市`;
    const city = tree.office(`${PROVINCE}${cityShort}`, "city", province.id, options.cityDepartments);
    for (let k = 0; k < options.counties; k++) {
      const county = placeName(rng, countyNames, rng.chance(0.3) ? "区" : "县");
      tree.county(`${PROVINCE}${cityShort}${county}`, city.id, options.agencies);
    }
  }
  return tree.nodes;
}

// ---------------------------------------------------------------------------------------------------
// Reports

const OVERVIEW_TEXT: string[][] = [
  [
    "坚持以公开为常态、不公开为例外，围绕中心工作及时发布政策文件、工作动态和通知公告",
    "对照基层政务公开标准目录逐项梳理公开事项，明确公开主体、公开时限和公开方式",
    "加大重点领域信息公开力度，财政预决算、重大建设项目、公共资源配置等信息按要求及时公开",
    "做好政策解读工作，采用图解、问答等形式对重要政策进行解读，便于群众理解",
    "围绕群众关心的就业、教育、医疗、养老等事项，及时发布办事指南和办理结果",
    "持续更新主动公开目录，动态调整栏目设置，确保应公开尽公开",
    "规范行政执法信息公示，行政许可、行政处罚结果按规定在网站上公开",
    "结合重点工作开展专题公开，集中展示惠民政策落实情况",
  ],
  [
    "严格执行依申请公开办理流程，做到登记、审核、答复各环节有据可查",
    "完善依申请公开受理机制，畅通当面、信函、网络等申请渠道",
    "对涉及第三方权益的申请依法征求意见，做到答复内容准确、程序规范",
    "加强与法制审核部门的沟通协调，对疑难申请集体研究后再作答复",
    "规范答复文书格式，依据条例说明理由并告知救济途径",
    "所有申请均在法定期限内答复，未发生因答复不规范引发的纠纷",
    "建立依申请公开台账，按月汇总办理情况并及时归档",
    "加强对申请人的沟通引导，对需要补正的申请一次性告知补正内容",
  ],
  [
    "落实政府信息发布前审核制度，严格执行三审三校，确保信息准确",
    "开展规范性文件清理，对已废止或失效的文件及时标注并更新",
    "建立政府信息公开属性源头认定机制，在公文办理环节明确公开属性",
    "加强保密审查和个人信息保护，杜绝泄露国家秘密和个人隐私",
    "定期开展网站内容巡查，及时纠正错字、断链和过期信息",
    "对已公开的信息开展定期评估，根据情况调整公开方式",
    "健全信息发布协调机制，涉及其他机关的信息做到发布前充分沟通",
    "实行政府信息全生命周期管理，做好归档和利用工作",
  ],
  [
    "持续优化政府网站政府信息公开专栏，规范栏目设置，提升检索和浏览体验",
    "发挥政务新媒体作用，通过微信公众号等渠道同步发布重要信息",
    "在政务服务大厅设置政府信息查阅点，方便群众就近查阅",
    "加强网站安全防护，开展安全检测，保障平台平稳运行",
    "推进政府网站与政务服务平台融合，实现办事信息一站式查询",
    "完善网站无障碍和适老化功能，方便老年人和残疾人浏览",
    "定期开展政务新媒体检查，及时关停更新缓慢的账号",
    "加强平台信息发布管理，明确专人负责栏目维护",
  ],
  [
    "成立政务公开工作领导小组，主要负责同志亲自部署，分管负责同志具体落实",
    "将政务公开工作纳入年度绩效考核，压实各科室责任",
    "组织开展政务公开业务培训，提高工作人员的业务能力",
    "主动接受社会监督，通过网站留言和热线电话收集意见建议",
    "建立政务公开工作通报制度，对发现的问题督促限期整改",
    "本年度未发生因政务公开工作不到位引发的责任追究情况",
    "邀请群众代表参与政务公开评议，根据评议意见改进工作",
    "完善政务公开工作制度，明确信息发布、审核和更新的责任分工",
  ],
];
const PROBLEMS_TEXT = [
  "主动公开的深度和广度还不够，部分信息更新不够及时",
  "政策解读的形式较为单一，解读质量有待提高",
  "工作人员业务水平参差不齐，对条例的理解有待加深",
  "依申请公开答复的规范性还需进一步加强",
  "网站栏目内容不够丰富，部分栏目存在空白",
  "与群众的互动交流不够充分，回应关切的及时性有待提升",
];
const REMEDIES_TEXT = [
  "下一步将加强业务培训，提升工作人员的政策水平和业务能力",
  "健全信息发布审核和栏目更新台账，按月检查并通报",
  "丰富政策解读形式，多用图解和视频等群众易于理解的方式",
  "规范依申请公开办理流程，加强答复文书的法制审核",
  "加强与各科室的沟通协作，确保信息及时准确公开",
  "拓宽公众参与渠道，及时回应社会关切",
];
const OTHER_MATTERS = [
  "本年度未收取信息处理费。无其他需要报告的事项。",
  "本年度未收取政府信息公开信息处理费。本机关认真落实政务公开工作要点，各项任务均已完成。",
  "本年度没有收取信息处理费。无其他需要报告的事项。",
];

/** Sentences `count` of a pool, starting where a year leaves off, so that consecutive years differ. */
function sentences(pool: readonly string[], start: number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pool[(start + i) % pool.length]);
  return `${out.join("；")}。`;
}

const HANDLING_WEIGHTS: Record<string, number> = {
  partiallyGranted: 0.09,
  deniedStateSecret: 0.004,
  deniedLawForbidden: 0.006,
  deniedThreeSafetyOneStability: 0.004,
  deniedThirdParty: 0.008,
  deniedInternalAffairs: 0.02,
  deniedProcessInfo: 0.02,
  deniedEnforcementFile: 0.01,
  deniedAdminQuery: 0.02,
  unableNoInfo: 0.2,
  unableNeedsCreation: 0.02,
  unableUnclear: 0.03,
  notProcessedPetition: 0.02,
  notProcessedRepeat: 0.02,
  notProcessedPublication: 0.01,
  notProcessedExcessive: 0.005,
  notProcessedConfirm: 0.01,
  otherHandling: 0.03,
  otherOverdueCorrection: 0.02,
  otherOverdueFee: 0,
  otherOther: 0.01,
};
const APPLICANT_WEIGHTS: Record<string, number> = {
  commercial: 0.07,
  research: 0.01,
  publicInterest: 0.01,
  legalService: 0.03,
  otherOrg: 0.01,
};

/** What an agency's reports carry from one year to the next. */
type AgencyState = {
  carriedForward: Record<string, number> | null;
  /** Table 二 by row: 2019 edition's 上一年项目数量 and 本年增/减, the 2021 edition's 现行有效件数, the published total. */
  items: Record<string, number>;
  change: Record<string, number>;
  inForce: Record<string, number>;
  published: Record<string, number>;
  growth: number;
  textStart: number;
  website: { name: string; url: string };
  contact: { address: string; phone: string; postcode: string };
};

function newState(rng: Rng, node: Node, index: number): AgencyState {
  const pinyin = `gov${(index % 997) + 1}`;
  return {
    carriedForward: null,
    items: {},
    change: {},
    inForce: {},
    published: {},
    growth: 1 + 0.08 * rng.normal(),
    textStart: rng.int(0, 7),
    website: { name: `${node.place}人民政府门户网站`, url: `http://www.${pinyin}.gov.cn` },
    contact: {
      address: `${node.place.replace(/^江北省/, "")}${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}路${rng.int(1, 300)}号`,
      phone: `0${rng.int(530, 599)}-${rng.int(2000000, 8999999)}`,
      postcode: `${rng.int(250, 279)}${rng.int(100, 999)}`,
    },
  };
}

/** How many of `total` a share takes, with noise, never more than what is left. */
function share(rng: Rng, total: number, weight: number, left: number): number {
  if (weight === 0 || total === 0 || left <= 0) return 0;
  const expected = total * weight * (0.3 + 1.4 * rng.next());
  const whole = Math.floor(expected) + (rng.next() < expected - Math.floor(expected) ? 1 : 0);
  return Math.min(left, whole);
}

function money(value: number): number {
  return Math.round(value * 100) / 100;
}

function fillActiveDisclosure(rng: Rng, report: Report, node: Node, state: AgencyState, edition: EditionId) {
  const makesRegulations = node.officeTier === "province" || node.officeTier === "city";
  const s = node.size;
  for (const row of layoutOf(edition).adRows) {
    const data = report.activeDisclosure[row.key];
    const key = row.key;
    const rate = key === "punishment" ? 40 : key === "licensing" ? 60 : key === "coercion" ? 4 : key === "otherServices" ? 20 : 2;
    if (edition === "2019") {
      if ("newlyMade" in data) {
        const made = key === "regulations" ? (makesRegulations ? rng.int(0, 3) : 0) : node.level === "township" ? rng.int(0, 2) : rng.int(0, Math.ceil(3 * s));
        const published = state.published[key] ?? (key === "regulations" && !makesRegulations ? 0 : Math.round(made * rng.int(3, 8)));
        data.newlyMade = made;
        data.newlyPublished = made;
        data.totalPublished = state.published[key] = published + made;
      } else if ("lastYearItems" in data) {
        const items = state.items[key] ?? rng.int(0, Math.ceil(8 * s));
        const change = Math.max(-items, rng.int(-2, 3));
        data.lastYearItems = items;
        data.change = change;
        state.items[key] = items + change;
        if ("decisions" in data) data.decisions = Math.round(rate * s * rng.next() * state.growth);
      } else if ("projects" in data) {
        const projects = node.level === "township" ? rng.int(0, 3) : rng.int(0, Math.ceil(10 * s));
        data.projects = projects;
        data.amount = money(projects * (5 + 60 * rng.next()));
      }
    } else {
      if ("inForce" in data) {
        const made = key === "regulations" ? (makesRegulations ? rng.int(0, 3) : 0) : node.level === "township" ? rng.int(0, 2) : rng.int(0, Math.ceil(3 * s));
        const before = state.inForce[key] ?? (key === "regulations" && !makesRegulations ? 0 : (state.published[key] ?? rng.int(0, 20)));
        const repealed = Math.min(before, rng.int(0, Math.ceil(made / 2) + 1));
        data.made = made;
        data.repealed = repealed;
        data.inForce = state.inForce[key] = before + made - repealed;
      } else if ("decisions" in data) {
        data.decisions = Math.round(rate * s * rng.next() * state.growth);
      } else if ("amount" in data) {
        data.amount = node.level === "township" ? 0 : money(rng.chance(0.4) ? 0 : 20 * s * rng.next());
      }
    }
  }
}

function fillRequests(rng: Rng, report: Report, node: Node, state: AgencyState, edition: EditionId, yearIndex: number) {
  const layout = layoutOf(edition);
  const q = report.requests;
  const trend = Math.pow(state.growth, yearIndex);
  const total = Math.max(0, Math.round(12 * node.size * trend * (0.6 + 0.8 * rng.next())));
  const columns = layout.applicantColumnKeys;
  const received: Record<string, number> = {};
  let left = total;
  for (const col of columns) {
    if (col === "naturalPerson") continue;
    received[col] = share(rng, total, APPLICANT_WEIGHTS[col] ?? 0.01, left);
    left -= received[col];
  }
  received.naturalPerson = left;
  const forward: Record<string, number> = {};
  for (const col of columns) {
    const over = state.carriedForward?.[col] ?? (rng.chance(0.3) ? rng.int(0, 2) : 0);
    const available = received[col] + over;
    const carried = Math.min(available, Math.floor(available * 0.08 * rng.next() + (rng.chance(0.1) ? 1 : 0)));
    const handled = available - carried;
    q.newReceived[col] = received[col];
    q.carriedOver[col] = over;
    q.carriedForward[col] = forward[col] = carried;
    let rest = handled;
    for (const row of layout.handlingRowKeys) {
      if (row === "granted") continue;
      const v = share(rng, handled, HANDLING_WEIGHTS[row] ?? 0.01, rest);
      q[row][col] = v;
      rest -= v;
    }
    q.granted[col] = rest;
  }
  state.carriedForward = forward;
}

function fillReview(rng: Rng, report: Report, node: Node) {
  const layout = layoutOf(report.edition);
  const expected: Record<string, number> = { review: 0.6, litigationDirect: 0.25, litigationAfterReview: 0.1 };
  for (const group of layout.reviewGroups) {
    const mean = (expected[group.key] ?? 0.2) * node.size;
    // Poisson by inversion: small counts.
    let n = 0;
    for (let p = Math.exp(-mean), u = rng.next(), c = p; u > c && n < 200; n++, p *= mean / (n + 1), c += p);
    const row = report.reviewLitigation[group.key];
    const corrected = n > 0 && rng.chance(0.15) ? 1 : 0;
    const pending = Math.min(n - corrected, rng.chance(0.2) ? 1 : 0);
    const other = Math.min(n - corrected - pending, rng.chance(0.2) ? 1 : 0);
    row.upheld = n - corrected - pending - other;
    row.corrected = corrected;
    row.other = other;
    row.pending = pending;
  }
}

/** A year's report of an agency: figures carried on from its state, which it updates. */
export function makeReport(rng: Rng, node: Node, state: AgencyState, year: number, yearIndex: number, date: string): Report {
  const edition = editionForYear(year);
  const report = emptyReport(edition, year, { name: node.name, level: node.level });
  report.title = `${node.name}${year}年政府信息公开工作年度报告`;
  report.date = date;
  report.intro =
    `${year}年，${node.name}根据《中华人民共和国政府信息公开条例》，立足工作实际，扎实开展政府信息公开工作。` +
    `本报告在“${state.website.name}”（${state.website.url}）上全文公开，统计期限自${year}年1月1日起至${year}年12月31日止。` +
    `如对本报告有任何疑问，请与${node.name}联系（地址：${state.contact.address}，电话：${state.contact.phone}，邮编：${state.contact.postcode}）。`;
  report.website = { ...state.website };
  report.contact = { ...state.contact };
  const start = state.textStart + yearIndex * 3;
  report.overview = (report.overview ?? []).map((section, i) => ({ ...section, text: sentences(OVERVIEW_TEXT[i], start + i, 3) }));
  report.problems = `${sentences(PROBLEMS_TEXT, start, 2)}\n\n${sentences(REMEDIES_TEXT, start + 1, 2)}`;
  report.otherMatters = [{ heading: "", text: OTHER_MATTERS[(state.textStart + yearIndex) % OTHER_MATTERS.length] }];
  fillActiveDisclosure(rng, report, node, state, edition);
  fillRequests(rng, report, node, state, edition, yearIndex);
  fillReview(rng, report, node);
  return computeTotals(report);
}

/** The report made not to balance: one more new request of a natural person than its table accounts for. */
function unbalance(report: Report) {
  const row = report.requests.newReceived;
  row.naturalPerson = (row.naturalPerson ?? 0) + 1;
  row.total = (row.total ?? 0) + 1;
}

const DAY = 86_400_000;

/** When the report was approved: before its deadline mostly, some days late now and then. */
function approvalMoment(rng: Rng, deadline: string): number {
  const due = Date.parse(`${deadline}T00:00:00+08:00`);
  const hour = (9 + 9 * rng.next()) * 3_600_000;
  const days = rng.chance(0.07) ? rng.int(1, 30) : -rng.int(0, 20);
  return due + days * DAY + hour;
}

function beijingDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------
// Writing

function deleteDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

export function generateProvince(file: string, partial: Partial<ProvinceOptions> = {}, log: (line: string) => void = () => {}): GeneratedProvince {
  const options: ProvinceOptions = { ...DEFAULT_OPTIONS, ...partial };
  const started = performance.now();
  const rng = makeRng(options.seed);
  const nodes = buildTree(rng, options);
  const byId = new Map(nodes.map((node) => [node.id, node]));

  const db = openDb(file);
  const sqlite = sqliteDriverOf(db);
  if ((sqlite.prepare("select count(*) as n from agencies").get() as { n: number }).n > 0) {
    sqlite.close();
    throw new Error(`数据库 ${file} 已有数据；请换一个文件，或加 --force 覆盖`);
  }
  // One big load: no rollback journal (a failed run leaves a file to delete), no waiting on the disk.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -200000");
  sqlite.pragma("foreign_keys = OFF");

  const insertAgency = sqlite.prepare(
    "insert into agencies (id, name, level, parent_id, office_tier, children_deadline, created_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertAncestor = sqlite.prepare("insert into agency_ancestors (ancestor_id, agency_id, depth) values (?, ?, ?)");
  const insertUser = sqlite.prepare(
    "insert into users (id, username, display_name, role, agency_id, password_hash, must_change_password, created_at) values (?, ?, ?, ?, ?, ?, 0, ?)",
  );
  const insertReport = sqlite.prepare(
    `insert into reports (id, agency_id, year, edition, status, content, acknowledgements, table_notes, version,
       created_at, updated_at, updated_by, approved_by, approved_at, error_count, warning_count, figures)
     values (?, ?, ?, ?, 'approved', ?, '[]', '{}', 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // As the app stores a report's current version (db/queries/reports.ts, keepCurrentRevision): its revision
  // keeps no copy of the content (null stands for the report's own) until a save replaces it.
  const insertRevision = sqlite.prepare(
    "insert into report_revisions (id, report_id, version, content, author_id, created_at) values (?, ?, 1, null, ?, ?)",
  );

  const passwordHash = hashPasswordSync(options.password);
  const createdAt = Date.parse(`${options.years[0]}-12-01T09:00:00+08:00`);
  const admins: AdminAccount[] = [];
  const unbalancedReportIds: number[] = [];
  let userId = 0;
  let reportId = 0;
  let sampleClerk: GeneratedProvince["sampleClerk"] | undefined;
  const officeCodes = new Map<number, string>();

  const write = sqlite.transaction(() => {
    let cityCount = 0;
    const countyCount = new Map<number, number>();
    nodes.forEach((node, index) => {
      insertAgency.run(node.id, node.name, node.level, node.parentId, node.officeTier, node.childrenDeadline, createdAt);
      for (let depth = 0, at: Node | undefined = node; at; depth++, at = at.parentId === null ? undefined : byId.get(at.parentId)) {
        insertAncestor.run(at.id, node.id, depth);
      }

      // Accounts: a supervisor and one or two clerks; an office's two admins.
      const clerks: number[] = [];
      const clerkNames: string[] = [];
      const clerkCount = index % 3 === 0 ? 1 : 2;
      for (let i = 0; i < clerkCount; i++) {
        const username = `clerk-${node.id}${i === 0 ? "" : `-${i + 1}`}`;
        insertUser.run(++userId, username, personName(rng), "clerk", node.id, passwordHash, createdAt);
        clerks.push(userId);
        clerkNames.push(username);
      }
      const supervisor = ++userId;
      insertUser.run(supervisor, `supervisor-${node.id}`, personName(rng), "supervisor", node.id, passwordHash, createdAt);
      if (node.officeTier) {
        let code: string;
        if (node.officeTier === "province") code = "admin-province";
        else if (node.officeTier === "city") code = `admin-city${String(++cityCount).padStart(2, "0")}`;
        else {
          const parentCode = node.parentId === null ? undefined : officeCodes.get(node.parentId);
          const n = (countyCount.get(node.parentId ?? 0) ?? 0) + 1;
          countyCount.set(node.parentId ?? 0, n);
          code = parentCode ? `${parentCode}-county${String(n).padStart(2, "0")}` : `admin-county${String(n).padStart(2, "0")}`;
        }
        officeCodes.set(node.id, code);
        for (const suffix of ["", "-2"]) {
          insertUser.run(++userId, code + suffix, personName(rng), "admin", node.id, passwordHash, createdAt);
          if (suffix === "") admins.push({ username: code, office: node.name, tier: node.officeTier, officeId: node.id });
        }
      }

      // Five years of approved reports, each with the revision of its version (the content stored once, in the report).
      const parent = node.parentId === null ? undefined : byId.get(node.parentId);
      const state = newState(rng, node, index);
      const ids: number[] = [];
      let previous: Report | undefined;
      options.years.forEach((year, yearIndex) => {
        const deadline = reportDeadline(node.level, year, parent?.childrenDeadline ?? null)?.date ?? `${year + 1}-03-31`;
        const approvedAt = approvalMoment(rng, deadline);
        const updatedAt = approvedAt - rng.int(1, 72) * 3_600_000;
        const created = Date.parse(`${year + 1}-01-02T09:00:00+08:00`) + rng.int(0, 10) * DAY;
        const report = makeReport(rng, node, state, year, yearIndex, beijingDate(approvedAt));
        const id = ++reportId;
        if (rng.chance(options.unbalancedShare)) {
          unbalance(report);
          unbalancedReportIds.push(id);
        }
        const content = JSON.stringify(report);
        const clerk = clerks[yearIndex % clerks.length];
        // What the app stores beside a report it writes: its check's counts (against the year before) and its figures.
        const counts = countStoredReport(report, previous ?? null, []);
        previous = report;
        insertReport.run(
          id, node.id, year, report.edition, content, Math.min(created, updatedAt), updatedAt, clerk, supervisor, approvedAt,
          counts?.errors ?? null, counts?.warnings ?? null, JSON.stringify(reportFigures(report)),
        );
        insertRevision.run(id, id, clerk, updatedAt);
        ids.push(id);
      });
      if (!sampleClerk && node.level === "department" && parent?.officeTier === "county") {
        sampleClerk = { username: clerkNames[0], agencyId: node.id, reportIds: ids };
      }
      if ((index + 1) % 1000 === 0) log(`  已写入 ${index + 1} / ${nodes.length} 个机关…`);
    });
  });
  write();
  sqlite.pragma("foreign_keys = ON");
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0) throw new Error(`generated rows break ${broken.length} foreign keys`);
  sqlite.exec("analyze");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();

  return {
    file: path.resolve(file),
    agencies: nodes.length,
    offices: nodes.filter((node) => node.officeTier !== null).length,
    users: userId,
    reports: reportId,
    unbalancedReportIds,
    admins,
    sampleClerk: sampleClerk ?? { username: "clerk-1", agencyId: 1, reportIds: [1] },
    password: options.password,
    years: options.years,
    seconds: (performance.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------------
// Command line

const USAGE =
  "用法：npm run generate:province -- [数据库文件] [--cities 16] [--counties 8] [--agencies 55] [--county-only N] " +
  "[--years 2020-2024] [--seed 2026] [--password 密码] [--force]";

export function parseArgs(args: string[]): { file?: string; options: Partial<ProvinceOptions>; force: boolean } {
  const options: Partial<ProvinceOptions> = {};
  let file: string | undefined;
  let force = false;
  const whole = (name: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} 应为不小于 ${min} 的整数。\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => args[++i];
    if (arg === "--cities") options.cities = whole(arg, value(), 1);
    else if (arg === "--counties") options.counties = whole(arg, value(), 1);
    else if (arg === "--agencies") options.agencies = whole(arg, value(), 1);
    else if (arg === "--county-only") options.countyOnly = whole(arg, value(), 1);
    else if (arg === "--seed") options.seed = whole(arg, value(), 0);
    else if (arg === "--password") {
      const password = value();
      if (!password || password.length < 8) throw new Error(`--password 至少 8 个字符。\n${USAGE}`);
      options.password = password;
    } else if (arg === "--years") {
      const match = /^(\d{4})-(\d{4})$/.exec(value() ?? "");
      const [from, to] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
      if (!match || from < 2019 || to < from) throw new Error(`--years 应写作 2020-2024（2019 年起）。\n${USAGE}`);
      options.years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
    } else if (arg === "--force") force = true;
    else if (arg === "--help" || arg === "-h") throw new Error(USAGE);
    else if (arg.startsWith("--") || file !== undefined) throw new Error(`无法识别的参数：${arg}\n${USAGE}`);
    else file = arg;
  }
  return { file, options, force };
}

function main() {
  let parsed: Awaited<ReturnType<typeof parseArgs>>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const file = path.resolve(parsed.file ?? readEnv().databasePath);
  if (fs.existsSync(file)) {
    if (!parsed.force) {
      console.error(`数据库文件 ${file} 已存在；加 --force 覆盖，或指定另一个文件。`);
      process.exit(2);
    }
    deleteDatabase(file);
  }
  const result = generateProvince(file, parsed.options, (line) => console.log(line));
  const size = fs.statSync(file).size;
  console.log(`数据库：${result.file}（${(size / 1024 / 1024).toFixed(0)} MB）`);
  console.log(
    `已生成 ${result.agencies} 个机关（其中政务公开办 ${result.offices} 个）、${result.users} 个用户、${result.reports} 份已批准报告` +
      `（${result.years[0]}—${result.years.at(-1)} 年；其中 ${result.unbalancedReportIds.length} 份故意不平衡），用时 ${result.seconds.toFixed(1)} 秒。`,
  );
  console.log(`所有账号的密码：${result.password}`);
  console.log("管理员账号（每个政务公开办另有一个同名加 -2 的管理员）：");
  const byTier = (tier: OfficeTier) => result.admins.filter((admin) => admin.tier === tier);
  for (const admin of [...byTier("province"), ...byTier("city")]) console.log(`  ${admin.username}（${admin.office}）`);
  const counties = byTier("county");
  const shown = counties.slice(0, 12);
  for (const admin of shown) console.log(`  ${admin.username}（${admin.office}）`);
  if (counties.length > shown.length) console.log(`  ……县级共 ${counties.length} 个，命名同上：admin-cityNN-countyNN`);
  console.log("各机关的账号：clerk-<机关编号>（经办人）、supervisor-<机关编号>（审核人）。");
}

if (process.argv[1] && /generate-province\.ts$/.test(process.argv[1])) main();
