/** Which table a printed row belongs to, by its words, and the words telling the editions apart. */
import { describe, expect, it } from "vitest";
import { matchKey } from "../text";
import { EDITION_SIGNALS, tableOfRow } from "./which-table";

const row = (...cells: string[]) => ({ kind: "row" as const, cells });

describe("tableOfRow", () => {
  it.each([
    "（本列数据的勾稽关系为：第一项加第二项之和）", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开", "（二）部分公开", "（三）不予公开",
    "（四）无法提供", "（五）不予处理", "（六）其他处理", "四、结转下年度继续办理", "申请人逾期不补正", "逾期未按收费通知要求缴纳费用",
    "行政机关不再处理其政府信息公开申请", "其他申请", "属于国家秘密", "危及“三安全一稳定”",
  ])("%s is a row of table 三", (label) => {
    expect(tableOfRow(row(label, "1"))).toBe("requests");
  });

  it.each(["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉"])("%s is a row of table 四", (label) => {
    expect(tableOfRow(row(label))).toBe("reviewLitigation");
  });

  it.each(["第二十条第（一）项", "信息内容", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购", "其他对外管理服务事项"])(
    "%s is a row of table 二",
    (label) => {
      expect(tableOfRow(row(label, "0"))).toBe("activeDisclosure");
    },
  );

  it("a row naming none is none of them; table 三's words come first", () => {
    expect(tableOfRow(row("合计", "3"))).toBeUndefined();
    expect(tableOfRow(row(""))).toBeUndefined();
    expect(tableOfRow(row("行政复议", "自然人"))).toBe("requests");
    expect(tableOfRow(row("规章", "行政诉讼"))).toBe("reviewLitigation");
  });
});

describe("EDITION_SIGNALS", () => {
  it("are the column labels of each edition's table 二, as label keys", () => {
    expect(EDITION_SIGNALS["2019"]).toEqual(["本年新制作", "本年新公开", "对外公开总数", "上一年项目数", "本年增减", "采购项目数", "政府集中采购", "其他对外管理服务"].map(matchKey));
    expect(EDITION_SIGNALS["2021"]).toEqual(["本年制发", "本年废止", "现行有效", "本年处理决定数", "本年收费金额", "逾期不补正", "逾期未按收费"].map(matchKey));
    expect(EDITION_SIGNALS["2019"]).toContain("本年增减");
  });
});
