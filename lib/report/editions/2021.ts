/** 2021 edition: 国办公开办函〔2021〕30号, used from the 2021 report on (current). */
import { OTHER_HANDLING_2021, defineEdition } from "./common";
import type { ColumnDef } from "./types";

const documents: ColumnDef[] = [
  { key: "made", label: "本年制发件数", kind: "count" },
  { key: "repealed", label: "本年废止件数", kind: "count" },
  { key: "inForce", label: "现行有效件数", kind: "count" },
];
const decisions: ColumnDef[] = [{ key: "decisions", label: "本年处理决定数量", kind: "count" }];

export const edition2021 = defineEdition(
  {
    id: "2021",
    name: "国办公开办函〔2021〕30号",
    description: "2021年版，用于2021年度起的报告",
    firstYear: 2021,
  },
  [
    {
      label: "第二十条第（一）项",
      columns: documents,
      rows: [
        { key: "regulations", label: "规章" },
        { key: "normativeDocuments", label: "行政规范性文件" },
      ],
    },
    { label: "第二十条第（五）项", columns: decisions, rows: [{ key: "licensing", label: "行政许可" }] },
    {
      label: "第二十条第（六）项",
      columns: decisions,
      rows: [
        { key: "punishment", label: "行政处罚" },
        { key: "coercion", label: "行政强制" },
      ],
    },
    {
      label: "第二十条第（八）项",
      columns: [{ key: "amount", label: "本年收费金额（单位：万元）", kind: "amount" }],
      rows: [{ key: "fees", label: "行政事业性收费" }],
    },
  ],
  OTHER_HANDLING_2021,
);
