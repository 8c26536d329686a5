/**
 * Pages that hold the report's HTML in a JavaScript string and write it into the page when it runs
 * (`var content = "<p style=\"…\">…<\/p>"; el.innerHTML = content;`): the HTML in the string literals
 * of a script, unescaped as JavaScript would.
 */

const TAGS = /<\/?(?:p|div|table|tbody|tr|td|th|span|br|h[1-6]|strong|b)\b/i;
const LITERAL = /"((?:[^"\\\n]|\\[\s\S])*)"|'((?:[^'\\\n]|\\[\s\S])*)'|`((?:[^`\\]|\\[\s\S])*)`/g;

/**
 * The HTML held in the string literals of one script's source: the literals holding tags, in order and
 * joined (a page's HTML is often written as "…" + "…" pieces); none when no literal holds a tag.
 */
export function htmlInScript(source: string): string[] {
  const pieces: string[] = [];
  for (const m of source.matchAll(LITERAL)) {
    const text = unescapeJs(m[1] ?? m[2] ?? m[3] ?? "");
    if (TAGS.test(text)) pieces.push(text);
  }
  return pieces.length > 0 ? [pieces.join("")] : [];
}

/** A JavaScript string literal's body as the string it stands for. */
export function unescapeJs(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_, e: string) => {
    if (e.startsWith("u{")) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    // Stryker disable next-line ConditionalExpression: no other escape caught is 5 long ("u{ab}" is read above)
    if (e[0] === "u" && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    // Stryker disable next-line ConditionalExpression: no other escape caught is 3 long
    if (e[0] === "x" && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    switch (e) {
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "b":
      case "f":
      case "v":
      // Stryker disable next-line ConditionalExpression: emptied, "0" falls through to the line breaks' "" all the same
      case "0":
        return "";
      case "\n":
      case "\r\n":
        return "";
      default:
        return e;
    }
  });
}
