/**
 * Project metadata of the stand-in, in the packet shapes Premiere has been seen to answer: fields as
 * attributes of rdf:Description, and no premierePrivateProjectMetaData declaration at all on an item
 * that has none yet. A packet handed back is read as XML: it must be well formed and declare every
 * prefix it uses, or the action fails (and with it the whole transaction).
 */
import { SimRefusal } from "./simCore";

const NS = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";
const P = "premierePrivateProjectMetaData";
const HEAD = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`;
const TAIL = `</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const unesc = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, "&");

export function metadataPacket(fields: Record<string, string>, quirks: boolean): string {
  const entries = Object.entries(fields);
  if (!quirks) return `${HEAD}<rdf:Description rdf:about="" xmlns:${P}="${NS}">${entries.map(([k, v]) => `<${P}:${k}>${esc(v)}</${P}:${k}>`).join("")}</rdf:Description>${TAIL}`;
  if (entries.length === 0) return `${HEAD}<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>Adobe Premiere Pro</xmp:CreatorTool></rdf:Description>${TAIL}`;
  return `${HEAD}<rdf:Description rdf:about="" xmlns:${P}="${NS}" ${entries.map(([k, v]) => `${P}:${k}="${esc(v)}"`).join(" ")}/>${TAIL}`;
}

/** Reads the premierePrivateProjectMetaData fields of a packet, as elements or attributes; refuses malformed XML. */
export function readPacketFields(xml: string): Map<string, string> {
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<|>/g;
  const attr = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const stack: { name: string; textFrom: number }[] = [];
  const declared = new Set<string>(["xml"]);
  const used = new Set<string>();
  const fields = new Map<string, string>();
  for (const m of xml.matchAll(tag)) {
    const [all, close, name, attrs, selfClose] = m;
    if (all.startsWith("<!--") || all.startsWith("<?")) continue;
    if (!name) throw new SimRefusal("the metadata XML is not well formed (a stray < or >)");
    const prefix = name.includes(":") ? name.split(":")[0]! : "";
    if (prefix) used.add(prefix);
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new SimRefusal(`the metadata XML is not well formed (</${name}> closes ${open ? `<${open.name}>` : "nothing"})`);
      if (name.startsWith(`${P}:`)) fields.set(name.slice(P.length + 1), unesc(xml.slice(open.textFrom, m.index)));
      continue;
    }
    for (const a of (attrs ?? "").matchAll(attr)) {
      const key = a[1]!;
      if (key.startsWith("xmlns:")) declared.add(key.slice(6));
      else if (key.includes(":")) used.add(key.split(":")[0]!);
      if (key.startsWith(`${P}:`)) fields.set(key.slice(P.length + 1), unesc(a[2] ?? a[3] ?? ""));
    }
    if (!selfClose) stack.push({ name, textFrom: m.index + all.length });
  }
  if (stack.length) throw new SimRefusal(`the metadata XML is not well formed (<${stack.at(-1)!.name}> is never closed)`);
  for (const u of used) if (!declared.has(u)) throw new SimRefusal(`the metadata XML uses the prefix "${u}" without declaring its namespace`);
  return fields;
}
