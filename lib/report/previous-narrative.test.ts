import { describe, expect, it } from "vitest";
import { headingKey, previousPartText } from "./previous-narrative";

const lastYear = [
  { heading: "（一）主动公开情况", text: "上年主动公开。" },
  { heading: "依申请公开情况", text: "上年依申请公开。" },
  { heading: "政府信息管理情况", text: "   " },
  { heading: "", text: "上年无标题的第一段。" },
  { heading: "", text: "上年无标题的第二段。" },
];

describe("headingKey", () => {
  it("drops spaces and the numbering in its usual forms", () => {
    for (const heading of ["（一）主动公开情况", "(一)主动公开情况", "一、主动公开情况", "1.主动公开情况", "1、 主动公开情况", " 主动 公开情况 "]) {
      expect(headingKey(heading)).toBe("主动公开情况");
    }
    expect(headingKey(undefined)).toBe("");
    expect(headingKey("十一、其他")).toBe("其他");
  });
});

describe("previousPartText", () => {
  it("finds last year's part by sub-heading, wherever it stands", () => {
    const current = [{ heading: "依申请公开情况" }, { heading: "主动公开情况" }];
    expect(previousPartText(lastYear, current, 0)).toBe("上年依申请公开。");
    expect(previousPartText(lastYear, current, 1)).toBe("上年主动公开。");
  });

  it("pairs parts of the same sub-heading (or none) in their order", () => {
    const current = [{ heading: "" }, { heading: "新的部分" }, { heading: "" }, { heading: "" }];
    expect(previousPartText(lastYear, current, 0)).toBe("上年无标题的第一段。");
    expect(previousPartText(lastYear, current, 2)).toBe("上年无标题的第二段。");
    expect(previousPartText(lastYear, current, 3)).toBeUndefined();
    expect(previousPartText(lastYear, current, 1)).toBeUndefined();
  });

  it("offers nothing for a blank text, without last year's report, or out of range", () => {
    expect(previousPartText(lastYear, [{ heading: "政府信息管理情况" }], 0)).toBeUndefined();
    expect(previousPartText(undefined, [{ heading: "主动公开情况" }], 0)).toBeUndefined();
    expect(previousPartText(lastYear, [{ heading: "主动公开情况" }], 1)).toBeUndefined();
  });
});
