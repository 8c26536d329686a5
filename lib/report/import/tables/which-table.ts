/** Which table a row belongs to, by the words it prints; and the words that tell the two editions apart. */
import type { EditionId } from "../../editions";
import type { RowBlock } from "../types";
import { matchKey } from "../text";
import { REQUEST_HEADER_WORDS } from "./requests";
import { REVIEW_WORDS } from "./review-litigation";
import { rowKey } from "./rows";

export type TableKeyOf = "activeDisclosure" | "requests" | "reviewLitigation";

const REQUEST_WORDS = [
  ...REQUEST_HEADER_WORDS,
  ...["本年新收", "上年结转", "本年度办理结果", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "结转下年度", "逾期不补正", "逾期未按", "不再处理", "申请", "国家秘密", "三安全一稳定"].map(matchKey),
];
const AD_WORDS = ["第二十条", "信息内容", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "收费", "集中采购", "对外管理服务"].map(matchKey);

/** The table a row names by its content, if it does. */
export function tableOfRow(row: RowBlock): TableKeyOf | undefined {
  const key = rowKey(row);
  if (REQUEST_WORDS.some((w) => key.includes(w))) return "requests";
  if (REVIEW_WORDS.some((w) => key.includes(w))) return "reviewLitigation";
  if (AD_WORDS.some((w) => key.includes(w))) return "activeDisclosure";
  return undefined;
}

/** The column labels of the 2019 and 2021 editions' table 二, for telling the edition by structure. */
export const EDITION_SIGNALS: Record<EditionId, string[]> = {
  "2019": ["本年新制作", "本年新公开", "对外公开总数", "上一年项目数", "本年增减", "采购项目数", "政府集中采购", "其他对外管理服务"].map(matchKey),
  "2021": ["本年制发", "本年废止", "现行有效", "本年处理决定数", "本年收费金额", "逾期不补正", "逾期未按收费"].map(matchKey),
};
