/**
 * Prints the mutation score of each file in Stryker's JSON report (reports/mutation/mutation.json, written by
 * `npm run test:mutation`) and, last, the whole: `mutation: 91.2% killed (goal 90%)`. A mutant counts as killed
 * when a test failed or timed out on it; survivors and mutants no test covers count against the score; ignored
 * mutants and those that did not compile are left out (as Stryker does). Exits 1 when a file is under the goal.
 */
import fs from "node:fs";

const GOAL = 90;
const file = process.argv[2] ?? "reports/mutation/mutation.json";

type Mutant = { status: string };
type Report = { files: Record<string, { mutants: Mutant[] }> };

export type Counts = { killed: number; survived: number; noCoverage: number; ignored: number };

export function count(mutants: Mutant[]): Counts {
  const c: Counts = { killed: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const m of mutants) {
    if (m.status === "Killed" || m.status === "Timeout") c.killed++;
    else if (m.status === "Survived") c.survived++;
    else if (m.status === "NoCoverage") c.noCoverage++;
    else if (m.status === "Ignored") c.ignored++;
  }
  return c;
}

export function score(c: Counts): number {
  const valid = c.killed + c.survived + c.noCoverage;
  return valid === 0 ? 100 : (100 * c.killed) / valid;
}

function main() {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as Report;
  const total: Counts = { killed: 0, survived: 0, noCoverage: 0, ignored: 0 };
  const below: string[] = [];
  const names = Object.keys(report.files).sort();
  const width = Math.max(...names.map((n) => n.length));
  for (const name of names) {
    const c = count(report.files[name].mutants);
    total.killed += c.killed;
    total.survived += c.survived;
    total.noCoverage += c.noCoverage;
    total.ignored += c.ignored;
    const s = score(c);
    if (s < GOAL) below.push(name);
    console.log(
      `${name.padEnd(width)}  ${s.toFixed(1).padStart(5)}%  killed ${c.killed}, survived ${c.survived}, no coverage ${c.noCoverage}` +
        (c.ignored ? `, ignored ${c.ignored}` : "") +
        (s < GOAL ? "  (under the goal)" : ""),
    );
  }
  console.log(`total: killed ${total.killed}, survived ${total.survived}, no coverage ${total.noCoverage}, ignored ${total.ignored}`);
  if (below.length) console.log(`${below.length} of ${names.length} files under ${GOAL}%`);
  console.log(`mutation: ${score(total).toFixed(1)}% killed (goal ${GOAL}%)`);
  if (below.length) process.exitCode = 1;
}

main();
