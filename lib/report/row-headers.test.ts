import { describe, expect, it } from "vitest";
import { getEdition } from "./editions";
import { requestsRowHeaders } from "./row-headers";

describe("requestsRowHeaders", () => {
  it("spans 三、本年度办理结果 over every handling row and （三）不予公开 over its eight items (2021)", () => {
    const headers = requestsRowHeaders(getEdition("2021"));
    expect(headers.get("newReceived")).toEqual([{ label: "一、本年新收政府信息公开申请数量", rowSpan: 1, colSpan: 3, column: 0, heading: false }]);
    const granted = headers.get("granted")!;
    expect(granted[0]).toEqual({ label: "三、本年度办理结果", rowSpan: 22, colSpan: 1, column: 0, heading: true });
    expect(granted[1]).toMatchObject({ label: "（一）予以公开", colSpan: 2, column: 1 });
    const secret = headers.get("deniedStateSecret")!;
    expect(secret[0]).toEqual({ label: "（三）不予公开", rowSpan: 8, colSpan: 1, column: 1, heading: true });
    expect(secret[1]).toMatchObject({ label: "1.属于国家秘密", colSpan: 1, column: 2 });
    expect(headers.get("otherOverdueCorrection")![0]).toMatchObject({ label: "（六）其他处理", rowSpan: 3 });
    expect(headers.get("totalHandled")).toEqual([{ label: "（七）总计", rowSpan: 1, colSpan: 2, column: 1, heading: false }]);
  });

  it("prints the 2019 （六）其他处理 as a single row", () => {
    const headers = requestsRowHeaders(getEdition("2019"));
    expect(headers.get("granted")![0].rowSpan).toBe(20);
    expect(headers.get("otherHandling")).toEqual([{ label: "（六）其他处理", rowSpan: 1, colSpan: 2, column: 1, heading: false }]);
  });
});
