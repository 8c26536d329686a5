import { describe, expect, it } from "vitest";
import { cleanReport } from "@/lib/report/testing";
import { describeDiff, diffReports, diffText } from "./diff";

describe("differences between two revisions", () => {
  it("lists changed cells with their Chinese labels, old → new, in print order", () => {
    const before = cleanReport("2021");
    const after = structuredClone(before);
    after.requests.newReceived.naturalPerson = 12;
    after.reviewLitigation.review.upheld = null;
    delete after.activeDisclosure.regulations;
    const diff = diffReports(before, after);
    expect(diff.cells.slice(0, 3)).toEqual([
      { path: "activeDisclosure.regulations.made", label: "「规章」的「本年制发件数」", before: 0, after: undefined },
      { path: "activeDisclosure.regulations.repealed", label: "「规章」的「本年废止件数」", before: 0, after: undefined },
      { path: "activeDisclosure.regulations.inForce", label: "「规章」的「现行有效件数」", before: 0, after: undefined },
    ]);
    expect(diff.cells.slice(3)).toEqual([
      {
        path: "requests.newReceived.naturalPerson",
        label: "「一、本年新收政府信息公开申请数量」的「自然人」",
        before: 0,
        after: 12,
      },
      { path: "reviewLitigation.review.upheld", label: "「行政复议」的「结果维持」", before: 0, after: null },
    ]);
    expect(diff.texts).toEqual([]);
  });

  it("lists changed text fields and narratives by their labels", () => {
    const before = cleanReport("2021");
    const after = structuredClone(before);
    after.contact = { ...after.contact, phone: "0535-5601507" };
    after.overview![0].text = "工作扎实有序开展。";
    after.problems = "";
    const diff = diffReports(before, after);
    expect(diff.cells).toEqual([]);
    expect(diff.texts.map((text) => text.label)).toEqual(["「联系电话」", "「一、总体情况」", "「五、存在的主要问题及改进情况」"]);
    expect(diff.texts[1].after).toContain("【主动公开情况】\n工作扎实有序开展。");
    expect(describeDiff(diff)).toBe("修改了「联系电话」「一、总体情况」「五、存在的主要问题及改进情况」");
    expect(describeDiff({ cells: [], texts: [] })).toBe("内容未变");
  });

  it("shows narrative text differences character by character", () => {
    expect(diffText("全年共收到申请5件。", "全年共收到政府信息公开申请7件。")).toEqual([
      { kind: "same", text: "全年共收到" },
      { kind: "added", text: "政府信息公开" },
      { kind: "same", text: "申请" },
      { kind: "removed", text: "5" },
      { kind: "added", text: "7" },
      { kind: "same", text: "件。" },
    ]);
    expect(diffText("", "新增")).toEqual([{ kind: "added", text: "新增" }]);
    expect(diffText("相同", "相同")).toEqual([{ kind: "same", text: "相同" }]);
  });

  it("keeps every character of both texts", () => {
    const before = "一二三四五六七八九十".repeat(30);
    const after = before.replace(/五/g, "伍").slice(7) + "尾";
    const segments = diffText(before, after);
    const text = (kinds: string[]) => segments.filter((s) => kinds.includes(s.kind)).map((s) => s.text).join("");
    expect(text(["same", "removed"])).toBe(before);
    expect(text(["same", "added"])).toBe(after);
  });
});

describe("readable text differences", () => {
  it("folds short unchanged runs between changes into one replacement", () => {
    expect(diffText("均已按期答复。", "均已在法定期限内答复。")).toEqual([
      { kind: "same", text: "均已" },
      { kind: "removed", text: "按期" },
      { kind: "added", text: "在法定期限内" },
      { kind: "same", text: "答复。" },
    ]);
    expect(diffText("0000-0000000", "0535-5601507")).toEqual([
      { kind: "same", text: "0" },
      { kind: "removed", text: "000-0000000" },
      { kind: "added", text: "535-5601507" },
    ]);
  });
});
