/** The introduction paragraph the national format expects, built from the report's own facts. */
import type { Report } from "./model";

const blank = (value: string | undefined, placeholder: string) => (value && value.trim() ? value.trim() : placeholder);

export function suggestedIntro(report: Pick<Report, "year" | "agency" | "website" | "contact">): string {
  const agency = blank(report.agency.name, "本机关");
  const websiteName = blank(report.website?.name, "（网站名称）");
  const websiteUrl = blank(report.website?.url, "（网址）");
  const address = blank(report.contact?.address, "（地址）");
  const phone = blank(report.contact?.phone, "（电话）");
  const postcode = blank(report.contact?.postcode, "（邮编）");
  const year = report.year;
  return (
    `本报告由${agency}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。` +
    `全文包括总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，` +
    `存在的主要问题及改进情况，其他需要报告的事项六个部分。` +
    `本报告在“${websiteName}”（${websiteUrl}）上全文公开，文中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。` +
    `如对本报告有任何疑问，请与${agency}联系（地址：${address}，电话：${phone}，邮编：${postcode}）。`
  );
}
