#!/usr/bin/env node
/**
 * `npm start`: builds the plugin and the browser workbench, then serves the workbench on localhost
 * and prints its URL. Before the workbench exists it prints the analysis of the demo sequence instead.
 */
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

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
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".map": "application/json", ".json": "application/json" };
const port = Number(process.env.PORT || 8080);
const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "") || "index.html";
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
});
startFakeProvider().then((fake) => {
  server.listen(port, "127.0.0.1", () => {
    console.log(`\nCutaway workbench: http://127.0.0.1:${port}/  (slates, no key)`);
    console.log(`With the fake cloud provider: http://127.0.0.1:${port}/?fake=${encodeURIComponent(fake.baseUrl)}`);
    console.log("(Ctrl+C to stop)");
  });
});
