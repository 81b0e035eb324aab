/**
 * Two bundles from one config:
 *  - "plugin": dist/ is the UXP plugin folder (manifest.json, index.html, index.js, icons). The host
 *    modules are externals; UXP's require() resolves only relative paths, so everything else is bundled.
 *  - "workbench": build/workbench/ is the same panel in a browser beside the in-memory Premiere.
 *    It never ships in the plugin, so browser-only stand-ins (sp-* styling) cannot grow the UXP bundle.
 */
const path = require("path");
const fs = require("fs");
const CopyPlugin = require("copy-webpack-plugin");

const tsRule = {
  test: /\.tsx?$/,
  use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.build.json" } },
  exclude: /node_modules/,
};

function pluginBuild(mode) {
  return {
    name: "plugin",
    mode,
    target: "web",
    entry: { index: "./src/entry/uxp.tsx" },
    // lazy chunks (the LLM SDK) load through UXP's require() of a file beside index.js: UXP has no
    // dynamic <script> loading to rely on, but require() of a relative path works in every version
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", chunkFilename: "[name].js", clean: true, library: { type: "commonjs2" }, chunkFormat: "commonjs", chunkLoading: "require" },
    // UXP forbids eval without allowCodeGenerationFromStrings: always use real source-map files.
    devtool: "source-map",
    externals: { uxp: "commonjs2 uxp", premierepro: "commonjs2 premierepro", fs: "commonjs2 fs", os: "commonjs2 os", path: "commonjs2 path" },
    resolve: { extensions: [".tsx", ".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
    module: { rules: [tsRule] },
    performance: { hints: false },
    // one lazy file for the LLM path (SDK included), not a vendor split the package check must guess at
    optimization: { splitChunks: false },
    plugins: [
      new CopyPlugin({
        patterns: [
          { from: "manifest.json", to: "manifest.json" },
          { from: "plugin", to: ".", globOptions: { ignore: ["**/README.md"] } },
        ],
      }),
    ],
  };
}

function workbenchBuild(mode) {
  const entry = "./src/entry/workbench.tsx";
  if (!fs.existsSync(entry)) return null;
  return {
    name: "workbench",
    mode,
    target: "web",
    entry: { workbench: entry },
    output: { path: path.resolve(__dirname, "build/workbench"), filename: "[name].js", clean: true },
    devtool: "source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
    module: { rules: [tsRule] },
    performance: { hints: false },
    plugins: [new CopyPlugin({ patterns: [{ from: "src/entry/workbench.html", to: "index.html" }, { from: "plugin/icons", to: "icons" }] })],
  };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const only = env.only; // "plugin" | "workbench"
  const builds = [pluginBuild(mode), workbenchBuild(mode)].filter(Boolean);
  return only ? builds.filter((b) => b.name === only) : builds;
};
