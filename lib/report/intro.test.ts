import { describe, expect, it } from "vitest";
import { suggestedIntro } from "./intro";

describe("suggestedIntro", () => {
  it("states the period, the website and the contact details", () => {
    const text = suggestedIntro({
      year: 2025,
      agency: { name: "烟台市蓬莱区蓬莱阁街道办事处" },
      website: { name: "蓬莱区人民政府门户网站", url: "http://www.penglai.gov.cn" },
      contact: { address: "蓬莱区北关路171号", phone: "0535-5601507", postcode: "265600" },
    });
    expect(text).toContain("自2025年1月1日起至2025年12月31日止");
    expect(text).toContain("“蓬莱区人民政府门户网站”（http://www.penglai.gov.cn）");
    expect(text).toContain("地址：蓬莱区北关路171号，电话：0535-5601507，邮编：265600");
  });

  it("leaves visible placeholders for what is missing", () => {
    const text = suggestedIntro({ year: 2025, agency: { name: "某局" } });
    expect(text).toContain("（网址）");
    expect(text).toContain("（电话）");
  });
});
