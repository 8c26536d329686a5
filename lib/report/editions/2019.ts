/** 2019 edition: 国办公开办函〔2019〕60号 (试行), used for the 2019 and 2020 reports. */
import { OTHER_HANDLING_2019, defineEdition } from "./common";
import type { ColumnDef } from "./types";

const documents: ColumnDef[] = [
  { key: "newlyMade", label: "本年新制作数量", kind: "count" },
  { key: "newlyPublished", label: "本年新公开数量", kind: "count" },
  { key: "totalPublished", label: "对外公开总数量", kind: "count" },
];
const items: ColumnDef[] = [
  { key: "lastYearItems", label: "上一年项目数量", kind: "count" },
  { key: "change", label: "本年增/减", kind: "signed" },
  { key: "decisions", label: "处理决定数量", kind: "count" },
];

export const edition2019 = defineEdition(
  {
    id: "2019",
    name: "国办公开办函〔2019〕60号",
    description: "2019年版（试行），用于2019、2020年度报告",
    firstYear: 2019,
  },
  [
    {
      label: "第二十条第（一）项",
      columns: documents,
      rows: [
        { key: "regulations", label: "规章" },
        { key: "normativeDocuments", label: "规范性文件" },
      ],
    },
    {
      label: "第二十条第（五）项",
      columns: items,
      rows: [
        { key: "licensing", label: "行政许可" },
        { key: "otherServices", label: "其他对外管理服务事项" },
      ],
    },
    {
      label: "第二十条第（六）项",
      columns: items,
      rows: [
        { key: "punishment", label: "行政处罚" },
        { key: "coercion", label: "行政强制" },
      ],
    },
    { label: "第二十条第（八）项", columns: items.slice(0, 2), rows: [{ key: "fees", label: "行政事业性收费" }] },
    {
      label: "第二十条第（九）项",
      columns: [
        { key: "projects", label: "采购项目数量", kind: "count" },
        { key: "amount", label: "采购总金额", kind: "amount" },
      ],
      rows: [{ key: "procurement", label: "政府集中采购" }],
    },
  ],
  OTHER_HANDLING_2019,
);
