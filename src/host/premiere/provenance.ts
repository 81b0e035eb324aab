/**
 * Provenance in Premiere's project metadata: readable Project-panel columns (prompt, model, job) for
 * the editor, and one JSON field that Cutaway reads back. Edited as XML (xmpPacket.ts).
 */
import { z } from "zod";
import type { Provenance } from "../../core/timeline";
import { readPacket, writePacket } from "./xmpPacket";

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
  return { xml: writePacket(xml, PROJECT_METADATA_NS, PREFIX, fields), updated: Object.keys(fields) };
}

/** Reads Cutaway's provenance back; anything missing or malformed means "not a Cutaway clip". */
export function readProvenance(xml: string): Provenance | null {
  const raw = readPacket(xml, PROJECT_METADATA_NS).get("CutawayProvenance");
  return raw === undefined ? null : provenanceFromField(raw);
}

/** The provenance field's value (JSON, unescaped) back as provenance; null when it is not Cutaway's. */
export function provenanceFromField(raw: string): Provenance | null {
  try {
    const parsed = provenanceSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
