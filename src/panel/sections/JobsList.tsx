/** One row per shot and take: state, progress, ETA, the error in plain words, and what to do next. */
import React from "react";
import type { AppState, CutawayApi, JobView } from "../../app/api";
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

function copy(text: string): void {
  const clip = (globalThis.navigator as Navigator | undefined)?.clipboard;
  void clip?.writeText(text).catch(() => undefined);
}

/** The provider's preview; one that will not load (expired, needs a key) is simply not shown. */
function Thumb(p: { url: string }) {
  const [failed, setFailed] = React.useState(false);
  return failed ? null : <img className="cw-thumb" data-testid="job-thumb" src={p.url} alt="" width={64} onError={() => setFailed(true)} />;
}

export function JobRow(p: { job: JobView; api: CutawayApi }) {
  const j = p.job;
  // a wait only means something while the provider still has the shot
  const waiting = j.state === "submitted" || j.state === "running";
  const eta = !waiting ? "" : j.etaSeconds !== undefined ? ` · ${Math.ceil(j.etaSeconds)} s left` : j.queuePosition !== undefined ? ` · #${j.queuePosition + 1} in queue` : "";
  return (
    <div className={`cw-job cw-job-${j.state}`} data-testid="job" data-state={j.state} data-job={j.id}>
      <div className="cw-job-head">
        <b>#{j.shotNumber}</b>
        {j.takesAvailable > 1 ? <span className="cw-muted"> take {j.take}</span> : null}
        <span className="cw-job-state"> {STATE_LABEL[j.state]}{eta}</span>
        <span className="cw-muted cw-ellipsis" title={j.prompt}> {j.prompt}</span>
        {j.bibleEntries?.length ? <span className="cw-hint" data-testid={`job-bible-${j.id}`}>Bible: {j.bibleEntries.join(", ")}</span> : null}
      </div>
      {j.state === "running" || j.state === "submitted" || j.state === "planned" || j.state === "ready" ? <ProgressBar value={j.progress} label={STATE_LABEL[j.state]} /> : null}
      {j.error ? <div className="cw-error" data-testid="job-error">{j.error.message}</div> : null}
      <div className="cw-row">
        {j.thumbnailUrl && (j.state === "downloaded" || j.state === "placed") ? <Thumb url={j.thumbnailUrl} /> : null}
        {j.canCancel ? <Button quiet onClick={() => void p.api.cancel(j.id)} testId="cancel">Cancel</Button> : null}
        {j.canRetry ? <Button quiet onClick={() => void p.api.retry(j.id).catch(() => undefined)} testId="retry">Retry</Button> : null}
        {j.canUseTake ? <Button quiet onClick={() => void p.api.useTake(j.id)} testId="use-take">Use take {j.take}</Button> : null}
        {j.mediaPath ? <Button quiet onClick={() => void p.api.revealInBin(j.id)}>Reveal</Button> : null}
        <Button quiet onClick={() => copy(j.prompt)}>Copy prompt</Button>
      </div>
    </div>
  );
}

export function JobsList(p: { state: AppState; api: CutawayApi }) {
  const jobs = p.state.jobs;
  if (!jobs.length) return <div className="cw-empty">No shots yet. Generated and drafted shots appear here.</div>;
  return (
    <div className="cw-jobs" data-testid="jobs">
      {[...jobs].reverse().slice(0, 100).map((j) => (
        <JobRow key={j.id} job={j} api={p.api} />
      ))}
    </div>
  );
}
