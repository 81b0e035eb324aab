/**
 * Premiere's project-metadata packet read and edited as XML, not by string splicing: the packet may
 * carry the fields as attributes of rdf:Description or as elements, under any prefix bound to the
 * namespace, or not declare the namespace at all. A small tokenizer (no dependency) finds the first
 * rdf:Description and rewrites only it; everything else in the packet is kept byte for byte.
 */
interface Attr {
  readonly name: string;
  readonly value: string;
  readonly raw: string;
}

interface Tag {
  readonly kind: "open" | "close" | "empty";
  readonly name: string;
  readonly attrs: readonly Attr[];
  readonly from: number;
  readonly to: number;
}

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][\s\S]*?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[<>]/g;
const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** The tags of a packet in order, or null when it is not well formed (unbalanced, stray angle brackets). */
function tokenize(xml: string): Tag[] | null {
  const tags: Tag[] = [];
  const open: string[] = [];
  for (const m of xml.matchAll(TAG)) {
    const [all, close, name, attrs, selfClose] = m;
    if (!name) {
      if (all === "<" || all === ">") return null;
      continue; // comment, CDATA, processing instruction, doctype
    }
    const from = m.index;
    const to = from + all.length;
    if (close) {
      if (open.pop() !== name) return null;
      tags.push({ kind: "close", name, attrs: [], from, to });
      continue;
    }
    const list = [...(attrs ?? "").matchAll(ATTR)].map((a) => ({ name: a[1]!, value: unescapeXml(a[2] ?? a[3] ?? ""), raw: a[0] }));
    tags.push({ kind: selfClose ? "empty" : "open", name, attrs: list, from, to });
    if (!selfClose) open.push(name);
  }
  return open.length ? null : tags;
}

/** Prefixes bound to `ns` anywhere in the packet (Premiere's packets bind each once). */
function prefixesFor(tags: readonly Tag[], ns: string): Set<string> {
  const out = new Set<string>();
  for (const t of tags) for (const a of t.attrs) if (a.name.startsWith("xmlns:") && a.value === ns) out.add(a.name.slice(6));
  return out;
}

function localOf(name: string, prefixes: ReadonlySet<string>): string | null {
  const i = name.indexOf(":");
  return i > 0 && prefixes.has(name.slice(0, i)) ? name.slice(i + 1) : null;
}

/** The first rdf:Description: its start tag index and (for an open one) its matching close tag index. */
function description(tags: readonly Tag[]): { start: number; end: number } | null {
  const start = tags.findIndex((t) => t.name === "rdf:Description" && t.kind !== "close");
  if (start < 0) return null;
  if (tags[start]!.kind === "empty") return { start, end: start };
  let depth = 0;
  for (let i = start; i < tags.length; i++) {
    const t = tags[i]!;
    if (t.kind === "open") depth++;
    else if (t.kind === "close" && --depth === 0) return { start, end: i };
  }
  return null;
}

/** Every field of the namespace in the first rdf:Description, from attributes and from simple elements. */
export function readPacket(xml: string, ns: string): Map<string, string> {
  const fields = new Map<string, string>();
  const tags = tokenize(xml);
  const d = tags && description(tags);
  if (!tags || !d) return fields;
  const prefixes = prefixesFor(tags, ns);
  for (const a of tags[d.start]!.attrs) {
    const local = localOf(a.name, prefixes);
    if (local) fields.set(local, a.value);
  }
  for (let i = d.start + 1; i < d.end; i++) {
    const t = tags[i]!;
    const local = localOf(t.name, prefixes);
    if (!local) continue;
    if (t.kind === "empty") fields.set(local, "");
    else if (t.kind === "open" && tags[i + 1]?.kind === "close" && tags[i + 1]!.name === t.name) fields.set(local, unescapeXml(xml.slice(t.to, tags[i + 1]!.from)));
  }
  return fields;
}

function freshPacket(ns: string, prefix: string, body: string): string {
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:${prefix}="${ns}">${body}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/**
 * Sets fields (as elements) in the first rdf:Description, removing their old attribute or element
 * form and declaring the namespace there when the packet does not. A packet that is not XML is
 * replaced by a fresh one holding only these fields.
 */
export function writePacket(xml: string, ns: string, preferredPrefix: string, fields: Record<string, string>): string {
  const tags = tokenize(xml);
  const d = tags && description(tags);
  const names = new Set(Object.keys(fields));
  if (!tags || !d) return freshPacket(ns, preferredPrefix, elements(preferredPrefix, fields));
  const prefixes = prefixesFor(tags, ns);
  const prefix = prefixes.values().next().value ?? preferredPrefix;
  const declared = prefixes.size > 0 ? [] : [`xmlns:${prefix}="${ns}"`];
  const start = tags[d.start]!;
  const kept = start.attrs.filter((a) => !names.has(localOf(a.name, prefixes) ?? "")).map((a) => a.raw);
  const head = `<${start.name}${[...kept, ...declared].map((a) => ` ${a}`).join("")}>`;
  let inner = "";
  if (start.kind === "open") {
    let at = start.to;
    const endFrom = tags[d.end]!.from;
    for (let i = d.start + 1; i < d.end; i++) {
      const t = tags[i]!;
      if (t.kind === "close" || !names.has(localOf(t.name, prefixes) ?? "")) continue;
      // drop this field's element (and its content) — it is written anew below
      let j = i;
      if (t.kind === "open") for (let depth = 0; j < d.end; j++) if (tags[j]!.kind === "open") depth++; else if (tags[j]!.kind === "close" && --depth === 0) break;
      inner += xml.slice(at, t.from);
      at = tags[j]!.to;
      i = j;
    }
    inner += xml.slice(at, endFrom);
  }
  const tail = start.kind === "open" ? tags[d.end]!.to : start.to;
  return `${xml.slice(0, start.from)}${head}${inner}${elements(prefix, fields)}</${start.name}>${xml.slice(tail)}`;
}

function elements(prefix: string, fields: Record<string, string>): string {
  return Object.entries(fields).map(([k, v]) => `<${prefix}:${k}>${escapeXml(v)}</${prefix}:${k}>`).join("");
}
