/**
 * zod 4 probes for eval with `new Function("")` the first time a schema parses; under the pages' CSP that
 * probe is a violation. In the browser, schemas parse without compiled parsers (no eval); the server keeps
 * them. Imported by the schema modules that forms use, so pages without a zod form carry no zod at all.
 */
import { config } from "zod";

if (typeof window !== "undefined") config({ jitless: true });
