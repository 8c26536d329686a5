/**
 * Reading the counts a narrative states: ASCII and full-width digits, thousands separators ("1,258"),
 * and Chinese numerals ("三", "十二", "一百零五", "两").
 */

/** Full-width digits as ASCII, one character for one, so positions in the text stay the same. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral below 10,000 written the usual way ("十二", "二十", "一百零五", "三千"), or
 * undefined for anything else. A run of digits alone ("一二") is not read.
 */
export function chineseNumeral(text: string): number | undefined {
  if (text === "") return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const ch of text) {
    if (ch in DIGIT) {
      if (digit !== undefined && digit !== 0) return undefined; // two digits in a row (零 may come before one: 一百零五)
      digit = DIGIT[ch];
    } else if (ch in UNIT) {
      const unit = UNIT[ch];
      if (unit >= lastUnit) return undefined; // 十百, 百百
      if (digit === 0) return undefined; // 零十
      total += (digit ?? (unit === 10 ? 1 : NaN)) * unit; // 十二 = 12, but 百 alone is not a number
      if (Number.isNaN(total)) return undefined;
      lastUnit = unit;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + (digit ?? 0);
}

/** The value of a number as written in a narrative (digits, with or without thousands separators, or Chinese). */
export function readCount(text: string): number | undefined {
  const digits = halfWidthDigits(text);
  if (/^\d{1,3}(?:[,，]\d{3})+$/.test(digits)) return Number(digits.replace(/[,，]/g, ""));
  if (/^\d+$/.test(digits)) return Number(digits);
  return chineseNumeral(digits);
}

/**
 * A count followed by its measure word (件, 个, 份, 条, 起, 宗, 项), as it stands in a sentence. Not read:
 * a number that is part of a larger one, a decimal, an ordinal or a rate (第三件, 每一件), a share of a
 * list (各1条), an estimate (约, 近, 超过, 余); a Chinese numeral of one 零 alone (零件 is a word).
 * Group 1 is the number, group 2 the measure word.
 */
export const COUNT =
  /(?<![\d.．,，〇零一二两三四五六七八九十百千万第每逐各约近逾]|超过|超出|多于|大约|将近)(\d{1,3}(?:[,，]\d{3})+(?!\d)|\d+|[一二两三四五六七八九十][〇零一二两三四五六七八九十百千]*)[ \t]*(件|个|份|条|起|宗|项)/g;
