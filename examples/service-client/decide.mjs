// A case system that is not Python asks the ispcheck decision service for a decision.
//
//   ISPCHECK_URL=http://127.0.0.1:8080 ISPCHECK_KEY=isk_... node decide.mjs disclosure.json [--record]
//
// Prints the outcome and what to do. Anything but a 200 answer means "do not share": the script
// then says why and exits 1, so a caller that only looks at the exit status still fails closed.
// Node 18 or newer (it has fetch); no packages needed.
import { readFile } from "node:fs/promises";

const [file, flag] = process.argv.slice(2);
const url = process.env.ISPCHECK_URL ?? "http://127.0.0.1:8080";
const key = process.env.ISPCHECK_KEY;
if (!file || !key) {
  console.error("usage: ISPCHECK_KEY=... node decide.mjs DISCLOSURE.json [--record]");
  process.exit(2);
}

const path = flag === "--record" ? "/v1/register" : "/v1/decisions";
let answer;
try {
  answer = await fetch(url + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
    body: await readFile(file),
  });
} catch (error) {
  console.log(`do not share: the decision service could not be reached (${error.cause?.code ?? error.message})`);
  process.exit(1);
}
const body = await answer.json().catch(() => ({}));
if (answer.status !== 200) {
  console.log(`do not share: the service answered ${answer.status} (${body.error ?? "no reason given"})`);
  for (const problem of body.problems ?? []) console.log(`  ${problem.path || "(the body)"}: ${problem.message}`);
  process.exit(1);
}
console.log(`outcome: ${body.outcome} (pack ${answer.headers.get("x-ispcheck-pack")} ${answer.headers.get("x-ispcheck-pack-version")})`);
for (const step of body.conditions) console.log(`  before sharing: ${step.text} [${step.clauses.join(", ")}]`);
for (const name of body.refer_to) console.log(`  refer to: ${name}`);
if (body.record_id) console.log(`recorded as record ${body.record_id} (${body.hash})`);
process.exit(0);
