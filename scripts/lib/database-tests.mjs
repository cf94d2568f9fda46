// Which unit test files reach a database. The PostgreSQL run of CI (DATABASE_URL set) runs only these: a test
// that never opens a database does the same work on either engine, and running it twice only costs CI time.
// Conservative on purpose: a file counts as a database test when anything it imports, however indirectly,
// reaches the database client or the test database helpers, or when it mentions DATABASE_URL or starts a
// process (the CLI tests spawn the command, which opens the database).
import fs from "node:fs";
import path from "node:path";

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];
const DATABASE_ENTRIES = ["src/testing/db.ts", "src/testing/template.ts", "src/platform/db/client.ts"];
const STARTS_A_PROCESS = /DATABASE_URL|\bspawn|\bexecFile|\bfork\(/;

function resolveImport(root, from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, "src", specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package: never our database
  for (const ending of EXTENSIONS) {
    const candidate = base + ending;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Files imported by `file` (type-only imports are erased at run time and do not count). */
function importsOf(root, file, cache) {
  let found = cache.get(file);
  if (found) return found;
  found = [];
  for (const m of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
    if (m[1]) continue;
    const resolved = resolveImport(root, file, m[2] ?? m[3] ?? m[4]);
    if (resolved) found.push(resolved);
  }
  cache.set(file, found);
  return found;
}

/** The subset of `testFiles` (paths relative to `root`) that reach a database, in the given order. */
export function databaseTestFiles(root, testFiles) {
  const entries = new Set(DATABASE_ENTRIES.map((f) => path.join(root, f)));
  const cache = new Map();
  return testFiles.filter((relative) => {
    const start = path.join(root, relative);
    if (STARTS_A_PROCESS.test(fs.readFileSync(start, "utf8"))) return true;
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length > 0) {
      for (const next of importsOf(root, stack.pop(), cache)) {
        if (entries.has(next)) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  });
}

/** Every unit test file vitest would run (vitest.config.ts: src/**, scripts/**), relative to `root`. */
export function unitTestFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.test\.ts$/.test(entry.name)) found.push(relative);
    }
  };
  for (const dir of ["src", "scripts"]) walk(dir);
  return found.sort();
}
