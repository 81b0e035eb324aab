/**
 * Provenance in Premiere's project metadata: readable Project-panel columns (prompt, model, job) for
 * the editor, and one JSON field that Cutaway reads back. Pure string work, shared by the adapter and
 * the stand-in's seeding.
 */
import { z } from "zod";
import type { Provenance } from "../../core/timeline";

/** Premiere's namespace for project-panel metadata columns. */
export const PROJECT_METADATA_NS = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";
const PREFIX = "premierePrivateProjectMetaData";

/** Columns added to the project schema (name, label). Names are identifiers: Premiere rejects others. */
export const PROVENANCE_COLUMNS = [
  ["CutawayProvenance", "Cutaway provenance"],
  ["CutawayPrompt", "Cutaway prompt"],
  ["CutawayModel", "Cutaway model"],
  ["CutawayJob", "Cutaway job"],
] as const;

const provenanceSchema = z.object({
  prompt: z.string().max(20_000),
  backend: z.string().max(100),
  model: z.string().max(200),
  jobId: z.string().max(500),
  seed: z.number().int().optional(),
  createdAt: z.string().max(40),
  slate: z.boolean(),
  shotId: z.string().max(200).optional(),
  take: z.number().int().min(1).optional(),
  costUsd: z.number().min(0).optional(),
  bibleEntries: z.array(z.string().max(120)).max(50).optional(),
});

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

export function provenanceFields(p: Provenance): Record<string, string> {
  return {
    CutawayProvenance: JSON.stringify(p),
    CutawayPrompt: p.prompt,
    CutawayModel: `${p.backend} / ${p.model}`,
    CutawayJob: p.jobId,
  };
}

/** Sets (or replaces) fields in a project metadata XML packet; answers the new XML and the field names. */
export function withFields(xml: string, fields: Record<string, string>): { xml: string; updated: string[] } {
  let out = xml;
  for (const [name, value] of Object.entries(fields)) {
    const el = `<${PREFIX}:${name}>${escapeXml(value)}</${PREFIX}:${name}>`;
    const existing = new RegExp(`<${PREFIX}:${name}>[\\s\\S]*?</${PREFIX}:${name}>`);
    if (existing.test(out)) out = out.replace(existing, () => el);
    else if (out.includes("</rdf:Description>")) out = out.replace("</rdf:Description>", () => `${el}</rdf:Description>`);
    else out = emptyPacket(el);
  }
  return { xml: out, updated: Object.keys(fields) };
}

function emptyPacket(body: string): string {
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:${PREFIX}="${PROJECT_METADATA_NS}">${body}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/** Reads Cutaway's provenance back; anything missing or malformed means "not a Cutaway clip". */
export function readProvenance(xml: string): Provenance | null {
  const m = new RegExp(`<${PREFIX}:CutawayProvenance>([\\s\\S]*?)</${PREFIX}:CutawayProvenance>`).exec(xml);
  if (!m) return null;
  try {
    const parsed = provenanceSchema.safeParse(JSON.parse(unescapeXml(m[1]!)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The value stored for a field as the host keeps it (XML-escaped), for seeding the stand-in. */
export function storedFieldValues(p: Provenance): Record<string, string> {
  return Object.fromEntries(Object.entries(provenanceFields(p)).map(([k, v]) => [k, escapeXml(v)]));
}
