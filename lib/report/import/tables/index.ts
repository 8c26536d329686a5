/**
 * Reading the three statistics tables from rows of cell texts, one file per table. Rows are identified
 * by their labels (tolerantly, see ../match.ts), columns by the printed header where the table keeps
 * its grid (HTML, DOCX) and by counting the numbers of a row where it does not (plain text, where
 * merged cells leave a varying number of tabs). rows.ts holds what the three share.
 */
export { readActiveDisclosure } from "./active-disclosure";
export { readRequests } from "./requests";
export { readReviewLitigation } from "./review-litigation";
export { EDITION_SIGNALS, tableOfRow } from "./which-table";
export type { TableKeyOf } from "./which-table";
