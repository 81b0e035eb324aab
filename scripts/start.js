#!/usr/bin/env node
/**
 * `npm start`: builds the plugin and the browser workbench, then serves the workbench on localhost
 * and prints its URL (PORT chooses the port; a taken 8080 moves to the next free one). Before the workbench exists it prints the analysis of the demo sequence instead.
 */
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { createStaticServer, listenFree, PortTaken } = require("./staticServer");

const root = path.resolve(__dirname, "..");
const webpack = path.join(root, "node_modules", ".bin", "webpack");
const hasWorkbench = fs.existsSync(path.join(root, "src", "entry", "workbench.tsx"));

execFileSync(webpack, ["--mode", "development", "--env", hasWorkbench ? "all" : "only=plugin"], { cwd: root, stdio: "inherit" });
console.log(`\nPlugin built: ${path.join(root, "dist")} (load its manifest.json in UXP Developer Tool)\n`);

const demo = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(root, "scripts", "demo.ts")], { cwd: root, stdio: "inherit" });
if (demo.status !== 0) process.exit(demo.status ?? 1);
if (!hasWorkbench) process.exit(0);

require("ts-node").register({ transpileOnly: true });
const { startFakeProvider } = require("./fakeProvider.ts");

const dir = path.join(root, "build", "workbench");
// PORT picks the port; without it 8080, or the next free one when 8080 is taken
const explicit = Boolean(process.env.PORT);
const port = Number(process.env.PORT || 8080);
const server = createStaticServer(dir);
startFakeProvider()
  .then((fake) =>
    listenFree(server, port, { explicit }).then((actual) => {
      if (actual !== port) console.log(`\nPort ${port} is in use; serving on ${actual} instead (set PORT to choose).`);
      console.log(`\nCutaway workbench: http://127.0.0.1:${actual}/  (slates, no key)`);
      console.log(`With the fake cloud provider: http://127.0.0.1:${actual}/?fake=${encodeURIComponent(fake.baseUrl)}`);
      console.log("(Ctrl+C to stop)");
    }),
  )
  .catch((e) => {
    console.error(`\n${e instanceof PortTaken ? e.message : `The workbench server could not start: ${e.message}`}`);
    process.exit(1);
  });
