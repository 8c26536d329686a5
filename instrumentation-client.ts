// zod 4 probes for eval with `new Function("")` the first time a schema parses; under the page's CSP that
// probe is a violation. Parsing without compiled parsers needs no eval.
import { z } from "zod";

z.config({ jitless: true });
