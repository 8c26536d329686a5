/**
 * The notes a clerk writes under each statistics table. Stored beside the report (reports.table_notes),
 * not part of the interchange model; read by the report page on the server and edited in the form.
 */
export type TableNotes = { activeDisclosure?: string; requests?: string; reviewLitigation?: string };
