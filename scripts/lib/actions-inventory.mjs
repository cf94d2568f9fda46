// Every server action (any "use server" file under src, today src/modules/<m>/actions.ts) must be called
// over HTTP by the end-to-end suite. The
// suite's browsers record the action ids their POST requests carry (e2e/browser.ts); the build's
// server reference manifest maps ids to exported names; what no request called is listed here.
import fs from "node:fs";
import path from "node:path";

/** A file whose first statement is the "use server" directive: every export is a server action. */
const USE_SERVER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

/** Files (under `root`/`dir`, as paths relative to `root`, "/"-separated) that declare server actions. */
function actionFiles(root, dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...actionFiles(root, rel));
    else if (/\.tsx?$/.test(entry.name) && USE_SERVER.test(fs.readFileSync(path.join(root, rel), "utf8"))) out.push(rel);
  }
  return out;
}

/**
 * Exported async functions of every "use server" file under `root`/src, wherever it lives (an action
 * cannot escape the inventory by moving), as "src/path/file.ts#name" — the build manifest's file name.
 */
export function exportedActions(root) {
  const out = [];
  for (const file of actionFiles(root, "src").sort()) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    for (const m of text.matchAll(/^export\s+async\s+function\s+(\w+)/gm)) out.push(`${file}#${m[1]}`);
  }
  return out;
}

/**
 * Action ids found in a request body or header: a form posted without JavaScript carries
 * `$ACTION_ID_<id>` or, for a form with state, `$ACTION_1:0` = {"id":"<id>",…}; with JavaScript the
 * id travels in the `Next-Action` header. Ids are hex strings; only those of the manifest count.
 */
export function actionIdsIn(text) {
  return [...new Set([...String(text).matchAll(/(?:\$ACTION_ID_|"id":")([0-9a-f]{40,})/g)].map((m) => m[1]))];
}

/** Names ("src/path/file.ts#name") of the actions called, from the recorded ids and the build's manifest. */
export function calledActions(manifest, ids) {
  const out = new Set();
  for (const id of ids) {
    const entry = manifest?.node?.[id];
    if (entry?.filename && entry.exportedName) out.add(`${entry.filename.split(path.sep).join("/")}#${entry.exportedName}`);
  }
  return out;
}

/** Lines of a list file ("src/path/file.ts#name", # comments). */
export function readList(file) {
  if (!file || !fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.replace(/#\s.*$/, "").trim())
    .filter((l) => l && !l.startsWith("#"));
}

/**
 * Exported actions no test called (`missing`), less those listed as known debt in `allowedFile`; and the
 * listed ones that are called after all or no longer exist (`stale`: the list must shrink, never lie).
 */
export function uncalledActions({ root, manifestFile, recordFile, allowedFile }) {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  const ids = fs.existsSync(recordFile) ? fs.readFileSync(recordFile, "utf8").split("\n").filter(Boolean) : [];
  const called = calledActions(manifest, ids);
  const exported = exportedActions(root);
  const allowed = readList(allowedFile);
  return {
    missing: exported.filter((a) => !called.has(a) && !allowed.includes(a)),
    stale: allowed.filter((a) => called.has(a) || !exported.includes(a)),
  };
}
