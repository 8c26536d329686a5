/** The report engine: editions as data, the report model, rules, and the JSON interchange file. */
export * from "./editions";
export * from "./model";
export { layoutOf } from "./layout";
export type { EditionLayout, ActiveDisclosureRowLayout } from "./layout";
