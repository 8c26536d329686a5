/** The narrative as the narrative rules read it: its fields in order, sentences with their paragraphs, the guard. */
import { describe, expect, it } from "vitest";
import { cleanReport } from "../../testing";
import { isGuarded, narrativeFields, sentencesOf } from "./text";

describe("narrativeFields", () => {
  it("reads the introduction, each part of 一, section 五 and each part of 六, in order, skipping empty ones", () => {
    const r = cleanReport("2021");
    r.intro = "引言。";
    r.overview = [{ heading: "主动公开", text: "一的正文。" }, { heading: "空", text: "" }, { heading: undefined as never, text: "无标题。" }];
    r.problems = "五的正文。";
    r.otherMatters = [{ heading: "", text: "六的正文。" }, { heading: "收费", text: "" }];
    expect(narrativeFields(r)).toEqual([
      { field: "intro", heading: "", text: "引言。" },
      { field: "overview", heading: "主动公开", text: "一的正文。" },
      { field: "overview", heading: "", text: "无标题。" },
      { field: "problems", heading: "", text: "五的正文。" },
      { field: "otherMatters", heading: "", text: "六的正文。" },
    ]);
    r.intro = "";
    r.problems = "";
    delete r.overview;
    r.otherMatters = [{ heading: undefined as never, text: "六。" }];
    expect(narrativeFields(r)).toEqual([{ field: "otherMatters", heading: "", text: "六。" }]);
    delete r.otherMatters;
    expect(narrativeFields(r)).toEqual([]);
  });
});

describe("sentencesOf", () => {
  it("cuts at 。！？ (either width) and line ends, keeping each sentence's paragraph", () => {
    expect(sentencesOf("第一句。第二句！第三句?第四句\n\n 第二段！ \n第三段")).toEqual([
      { text: "第一句。", paragraph: "第一句。第二句！第三句?第四句" },
      { text: "第二句！", paragraph: "第一句。第二句！第三句?第四句" },
      { text: "第三句?", paragraph: "第一句。第二句！第三句?第四句" },
      { text: "第四句", paragraph: "第一句。第二句！第三句?第四句" },
      { text: "第二段！", paragraph: " 第二段！ " },
      { text: "第三段", paragraph: "第三段" },
    ]);
    expect(sentencesOf("甲？乙!丙")).toEqual([
      { text: "甲？", paragraph: "甲？乙!丙" },
      { text: "乙!", paragraph: "甲？乙!丙" },
      { text: "丙", paragraph: "甲？乙!丙" },
    ]);
    expect(sentencesOf("  \n\n  ")).toEqual([]);
  });
});

describe("isGuarded", () => {
  it("keeps the rules off figures that are not the report's own", () => {
    for (const words of [
      "备案", "信访", "12345", "热线", "咨询", "上半年", "下半年", "第三季度", "同期", "同比", "环比", "较上年", "比上年", "较去年", "比去年",
      "各级", "各地", "各县", "各区", "各市", "各乡镇", "各镇", "各街道", "各职能部门", "各部门", "各单位", "各委办局", "镇街",
    ]) {
      expect(isGuarded(`本年度${words}共收到申请5件。`), words).toBe(true);
    }
    expect(isGuarded("本年度共收到政府信息公开申请5件。")).toBe(false);
    expect(isGuarded("各项工作扎实推进。")).toBe(false);
  });
});
