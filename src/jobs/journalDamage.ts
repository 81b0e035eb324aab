/**
 * What a damaged journal cost, said truthfully: which jobs could not be read back at all, with the
 * provider ids a damaged line still shows (the editor can find those renders on the dashboard), and
 * where the copy of the damaged file was kept.
 */
import type { JobRecord } from "./jobRecord";

export interface LostJob {
  readonly jobId?: string;
  readonly providerJobId?: string;
}

/** Ids a damaged line still shows, read by pattern (the line is not valid JSON or not a valid record). */
export function idsInDamagedLine(line: string): LostJob {
  const jobId = /"id"\s*:\s*"([^"\\]{1,200})"/.exec(line)?.[1];
  const providerJobId = /"providerJobId"\s*:\s*"([^"\\]{1,200})"/.exec(line)?.[1];
  return { ...(jobId ? { jobId } : {}), ...(providerJobId ? { providerJobId } : {}) };
}

/** Jobs seen only in damaged lines (none of their lines could be read). */
export function lostJobs(damaged: readonly LostJob[], kept: ReadonlyMap<string, JobRecord>): LostJob[] {
  const byKey = new Map<string, LostJob>();
  let anonymous = 0;
  for (const d of damaged) {
    if (d.jobId && kept.has(d.jobId)) continue;
    const key = d.jobId ?? d.providerJobId;
    if (!key) {
      anonymous++;
      continue;
    }
    const before = byKey.get(key);
    byKey.set(key, { ...before, ...d, ...(before?.providerJobId && !d.providerJobId ? { providerJobId: before.providerJobId } : {}) });
  }
  return [...byKey.values(), ...Array.from({ length: anonymous }, () => ({}))];
}

export function damageNotice(skipped: number, lost: readonly LostJob[], copyPath: string | null): string {
  const lines = `${skipped} damaged line${skipped === 1 ? "" : "s"} in the job journal`;
  const copy = copyPath ? ` A copy of the damaged journal was kept at ${copyPath}.` : " Cutaway could not keep a copy of the damaged journal.";
  const named = lost.filter((l) => l.providerJobId).map((l) => l.providerJobId!);
  const unnamed = lost.length - named.length;
  if (lost.length === 0) return `${lines} could not be read; every job in it was recovered at its last readable state.${copy}`;
  const ids = named.length > 0 ? ` Provider job ids: ${named.slice(0, 10).join(", ")}${named.length > 10 ? ", …" : ""}.` : "";
  const blind = unnamed > 0 ? ` ${unnamed} of them showed no provider id.` : "";
  return `${lines} could not be read: ${lost.length} line${lost.length === 1 ? "" : "s"} held no job Cutaway could recover, which may have been paid renders. Check your provider's dashboard for them.${ids}${blind}${copy}`;
}
