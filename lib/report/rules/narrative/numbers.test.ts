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

describe("Chinese numerals, digit by digit", () => {
  it("reads every digit and unit the usual way", () => {
    const digits = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
    for (const [ch, n] of Object.entries(digits)) expect(chineseNumeral(ch), ch).toBe(n);
    expect(chineseNumeral("十")).toBe(10);
    expect(chineseNumeral("九十九")).toBe(99);
    expect(chineseNumeral("一百")).toBe(100);
    expect(chineseNumeral("一百一十")).toBe(110);
    expect(chineseNumeral("三千")).toBe(3000);
    expect(chineseNumeral("三千零五")).toBe(3005);
    expect(chineseNumeral("九千九百九十九")).toBe(9999);
  });

  it("refuses what is not written that way", () => {
    expect(chineseNumeral("")).toBeUndefined();
    expect(chineseNumeral("十百")).toBeUndefined();
    expect(chineseNumeral("百百")).toBeUndefined();
    expect(chineseNumeral("百十")).toBeUndefined();
    expect(chineseNumeral("二十三十")).toBeUndefined();
    expect(chineseNumeral("一十一百")).toBeUndefined();
    expect(chineseNumeral("千")).toBeUndefined();
    expect(chineseNumeral("零十")).toBeUndefined();
    expect(chineseNumeral("三三")).toBeUndefined();
    expect(chineseNumeral("一百万")).toBeUndefined();
    expect(chineseNumeral("三件")).toBeUndefined();
    expect(chineseNumeral("零零")).toBe(0);
  });

  it("readCount: digits with separators in threes only, full-width or not", () => {
    expect(readCount("12,345,678")).toBe(12345678);
    expect(readCount("1，234")).toBe(1234);
    expect(readCount("1234")).toBe(1234);
    expect(readCount("12a")).toBeUndefined();
    expect(readCount("1,2345")).toBeUndefined();
    expect(readCount("1234,567")).toBeUndefined();
    expect(halfWidthDigits("０１２３４５６７８９")).toBe("0123456789");
  });
});

describe("COUNT", () => {
  const counts = (text: string) => [...text.matchAll(COUNT)].map((m) => [m[1], m[2]]);

  it("takes every measure word, with spaces or a tab before it", () => {
    expect(counts("1件2个3份4条5起6宗7项")).toEqual([
      ["1", "件"], ["2", "个"], ["3", "份"], ["4", "条"], ["5", "起"], ["6", "宗"], ["7", "项"],
    ]);
    expect(counts("共 12 件，共\t3件")).toEqual([["12", "件"], ["3", "件"]]);
    expect(counts("共12次")).toEqual([]);
  });

  it("not after a digit, a point, a comma (a thousands separator), 〇 or 零, nor after 大约, 将近, 超出, 多于, 逾", () => {
    for (const text of ["大约20件", "将近5件", "超出3件", "多于4件", "逾6件", "x.5件", "〇5件", "零5件", "1,5件", "，5件"]) {
      expect(counts(text), text).toEqual([]);
    }
    expect(counts("：5件")).toEqual([["5", "件"]]);
    expect(counts("收到两件")).toEqual([["两", "件"]]);
    expect(counts("收到十五件")).toEqual([["十五", "件"]]);
    expect(counts("收到一千零五件")).toEqual([["一千零五", "件"]]);
  });
});
