/**
 * The Jobs list: one group per run, oldest first, headed "3 of 8 done" with its cost and "Cancel all";
 * one row per shot and take in shot order: its number, timecode, track, cost, state with percent and
 * time left, the error in plain words, and what to do next.
 */
import React from "react";
import type { AppState, CutawayApi, JobView, RequestView } from "../../app/api";
import { copyText } from "../clipboard";
import { Button, ProgressBar } from "../widgets/widgets";

const STATE_LABEL: Record<JobView["state"], string> = {
  planned: "Waiting",
  submitted: "Sent",
  running: "Rendering",
  ready: "Downloading",
  downloaded: "In the bin",
  placed: "On the timeline",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** The provider's preview; one that will not load (expired, needs a key) is simply not shown. */
function Thumb(p: { url: string }) {
  const [failed, setFailed] = React.useState(false);
  return failed ? null : <img className="cw-thumb" data-testid="job-thumb" src={p.url} alt="" width={64} onError={() => setFailed(true)} />;
}

function money(usd: number): string {
  return usd ? `$${usd.toFixed(2)}` : "free";
}

export function JobRow(p: { job: JobView; api: CutawayApi }) {
  const j = p.job;
  const [copied, setCopied] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(null), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  // a wait only means something while the provider still has the shot
  const waiting = j.state === "submitted" || j.state === "running";
  const inFlight = waiting || j.state === "planned" || j.state === "ready";
  const percent = inFlight ? ` ${Math.round(j.progress * 100)} %` : "";
  const eta = !waiting ? "" : j.etaSeconds !== undefined ? ` · ${Math.ceil(j.etaSeconds)} s left` : j.queuePosition !== undefined ? ` · #${j.queuePosition + 1} in queue` : "";
  return (
    <div className={`cw-job cw-job-${j.state}`} data-testid="job" data-state={j.state} data-job={j.id} data-shot={j.shotNumber}>
      <div className="cw-job-head">
        <b data-testid="job-shot">#{j.shotNumber}</b>
        {j.takesAvailable > 1 ? <span className="cw-muted"> take {j.take}</span> : null}
        {j.timecode ? <span data-testid="job-timecode"> {j.timecode}</span> : null}
        {j.trackName ? <span data-testid="job-track"> {j.trackName}</span> : null}
        <span className="cw-muted" data-testid="job-model"> {j.model}</span>
        <span data-testid="job-cost"> {money(j.costUsd)}</span>
        <span className="cw-job-state" data-testid="job-state"> {STATE_LABEL[j.state]}{percent}{eta}</span>
        {j.bibleEntries?.length ? <span className="cw-hint" data-testid={`job-bible-${j.id}`}>Bible: {j.bibleEntries.join(", ")}</span> : null}
      </div>
      <div className="cw-muted cw-ellipsis" title={j.prompt}>{j.prompt || "(no prompt)"}</div>
      {inFlight ? <ProgressBar value={j.progress} label={STATE_LABEL[j.state]} /> : null}
      {j.error ? <div className="cw-error" data-testid="job-error">{j.error.message}</div> : null}
      <div className="cw-row">
        {j.thumbnailUrl && (j.state === "downloaded" || j.state === "placed") ? <Thumb url={j.thumbnailUrl} /> : null}
        {j.canCancel ? <Button quiet onClick={() => void p.api.cancel(j.id)} testId="cancel">Cancel</Button> : null}
        {j.canRetry ? <Button quiet onClick={() => void p.api.retry(j.id).catch(() => undefined)} testId="retry">Retry</Button> : null}
        {j.canUseTake ? <Button quiet onClick={() => void p.api.useTake(j.id)} testId="use-take">Use take {j.take}</Button> : null}
        {j.canPlaceAgain ? <Button quiet onClick={() => void p.api.placeAgain(j.id).catch(() => undefined)} testId="place-again">Place again</Button> : null}
        {j.mediaPath ? <Button quiet onClick={() => void p.api.revealInBin(j.id)}>Reveal</Button> : null}
        <Button quiet onClick={() => void copyText(j.prompt).then((ok) => setCopied(ok ? "Copied" : "Could not copy"))} testId="copy-prompt">{copied ?? "Copy prompt"}</Button>
      </div>
    </div>
  );
}

export function RunGroup(p: { run: RequestView; jobs: readonly JobView[]; api: CutawayApi }) {
  const r = p.run;
  return (
    <div className="cw-run" data-testid="run" data-run={r.id}>
      <div className="cw-run-head cw-row">
        <b>{r.label}</b>
        <span data-testid="run-progress">{r.finished} of {r.total} done{r.failed ? ` · ${r.failed} failed or cancelled` : ""}</span>
        <span className="cw-muted" data-testid="run-cost">{money(r.costUsd)}</span>
        {r.canCancel ? <Button quiet onClick={() => void p.api.cancelRun(r.id).catch(() => undefined)} testId="cancel-run">Cancel all</Button> : null}
      </div>
      {[...p.jobs].sort((a, b) => a.shotNumber - b.shotNumber || a.take - b.take).map((j) => (
        <JobRow key={j.id} job={j} api={p.api} />
      ))}
    </div>
  );
}

export function JobsList(p: { state: AppState; api: CutawayApi }) {
  const jobs = p.state.jobs;
  if (!jobs.length) return <div className="cw-empty">No shots yet. Generated and drafted shots appear here.</div>;
  const runs = [...p.state.requests].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const known = new Set(runs.map((r) => r.id));
  // jobs whose run record is gone (an old journal) still show, under one heading
  const orphans = jobs.filter((j) => !known.has(j.requestId));
  return (
    <div className="cw-jobs" data-testid="jobs">
      {runs.slice(-30).map((r) => (
        <RunGroup key={r.id} run={r} jobs={jobs.filter((j) => j.requestId === r.id)} api={p.api} />
      ))}
      {orphans.length ? <RunGroup run={{ id: "earlier", label: "Earlier shots", kind: "fill-gaps", mode: "generate", createdAt: "", jobIds: orphans.map((j) => j.id), done: true, total: orphans.length, finished: orphans.filter((j) => j.state === "placed" || j.state === "downloaded").length, failed: 0, costUsd: 0, canCancel: false }} jobs={orphans} api={p.api} /> : null}
    </div>
  );
}
