import { describe, expect, it } from "vitest";
import { chineseNumeral, COUNT, halfWidthDigits, readCount } from "./numbers";

describe("reading counts", () => {
  it("reads digits, full-width digits, thousands separators and Chinese numerals", () => {
    expect(readCount("12")).toBe(12);
    expect(readCount("１２")).toBe(12);
    expect(readCount("1,258")).toBe(1258);
    expect(readCount("１，２５８")).toBe(1258);
    expect(readCount("三")).toBe(3);
    expect(readCount("十二")).toBe(12);
    expect(readCount("二十")).toBe(20);
    expect(readCount("一百零五")).toBe(105);
    expect(readCount("两")).toBe(2);
    expect(readCount("三千二百")).toBe(3200);
    expect(chineseNumeral("一二")).toBeUndefined();
    expect(chineseNumeral("百")).toBeUndefined();
    expect(readCount("1,25")).toBeUndefined();
    expect(halfWidthDigits("共１２件")).toBe("共12件");
  });

  const counts = (text: string) => [...text.matchAll(COUNT)].map((m) => `${m[1]}${m[2]}`);

  it("finds a count with its measure word, but not ordinals, shares, estimates or parts of other numbers", () => {
    expect(counts("予以公开十二件，部分公开3件，共1,258件")).toEqual(["十二件", "3件", "1,258件"]);
    expect(counts("第三件、每一件、各1条、约20件、超过80件、近5件、1.5件、2万件")).toEqual([]);
    expect(counts("件件有着落，零件")).toEqual([]);
  });
});
