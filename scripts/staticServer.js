/**
 * The workbench's static server for `npm start`: files under one folder only (never a sibling folder
 * that merely shares its name's prefix), 400 for a malformed %-escape instead of a crash, and a
 * listen that moves to a free port when the default one is taken.
 */
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".map": "application/json", ".json": "application/json" };

/** The file a URL path names inside `dir`; "bad" for an undecodable path; null when it points outside. */
function resolveInside(dir, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath).replace(/^\/+/, "") || "index.html";
  } catch {
    return "bad";
  }
  const root = path.resolve(dir);
  const file = path.resolve(root, rel);
  // "build/workbench-old/x" starts with "build/workbench": compare with the separator
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function createStaticServer(dir) {
  return http.createServer((req, res) => {
    let pathname;
    try {
      pathname = new URL(req.url || "/", "http://localhost").pathname;
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    const file = resolveInside(dir, pathname);
    if (file === "bad") {
      res.writeHead(400).end("bad request: malformed %-escape in the path");
      return;
    }
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
}

/**
 * Listens on `port`; when it is taken and the editor did not ask for it (no PORT), the next ones up
 * to `port + tries`, then any free port. A PORT that is taken is an error with what to do.
 */
function listenFree(server, port, { explicit = false, tries = 10, host = "127.0.0.1" } = {}) {
  const attempt = (p) =>
    new Promise((resolve, reject) => {
      const onError = (e) => {
        server.off("listening", onListening);
        reject(e);
      };
      const onListening = () => {
        server.off("error", onError);
        resolve(server.address().port);
      };
      server.once("error", onError);
      server.once("listening", onListening);
      server.listen(p, host);
    });
  return (async () => {
    const candidates = explicit ? [port] : [...Array.from({ length: tries + 1 }, (_, i) => port + i), 0];
    for (const p of candidates) {
      try {
        return await attempt(p);
      } catch (e) {
        if (e && e.code === "EADDRINUSE") {
          if (explicit) throw new PortTaken(p);
          continue;
        }
        throw e;
      }
    }
    throw new PortTaken(port);
  })();
}

class PortTaken extends Error {
  constructor(port) {
    super(`Port ${port} is already in use. Stop whatever uses it, or start on another port: PORT=8090 npm start`);
    this.name = "PortTaken";
    this.port = port;
  }
}

module.exports = { resolveInside, createStaticServer, listenFree, PortTaken };
