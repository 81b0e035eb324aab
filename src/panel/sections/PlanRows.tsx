/**
 * The plan, one row per shot: number, timecode, the track it lands on, billed and used seconds and
 * its cost. A shot with nothing to describe it gets a prompt field; a gap shorter than the model's
 * shortest clip says what it costs and offers the cheaper ways (a slate, leaving it out).
 */
import React from "react";
import type { PlanPreview, PlanPreviewItem } from "../../app/api";
import { Button, TextField } from "../widgets/widgets";

function seconds(n: number): string {
  return `${Math.round(n * 100) / 100} s`;
}

export function PlanRow(p: { item: PlanPreviewItem; prompt: string; onPrompt: (v: string) => void; onSlate: () => void; onSkip: () => void }) {
  const i = p.item;
  return (
    <div className="cw-plan-row" data-testid="plan-row" data-shot={i.shotNumber} data-target={i.targetId}>
      <div className="cw-range">
        <b>#{i.shotNumber}</b> <span data-testid="plan-timecode">{i.startTimecode}</span> <span data-testid="plan-track">{i.trackName}</span>{" "}
        <span data-testid="plan-seconds">bills {seconds(i.generationSeconds)}, uses {seconds(i.usedSeconds)}</span> <span data-testid="plan-cost">{i.costUsd ? `$${i.costUsd.toFixed(2)}` : "free"}</span>{" "}
        <span className="cw-muted cw-ellipsis" title={i.prompt}>{i.replaces ? `replaces ${i.replaces}` : ""}{i.replaces && i.prompt ? " · " : ""}{i.prompt}</span>
      </div>
      {i.bible ? <div className="cw-hint" data-testid={`plan-bible-${i.shotNumber}`}>{i.bible}</div> : null}
      {/* stays while the editor types: the row stops needing a prompt at the first word */}
      {i.needsPrompt || p.prompt ? <TextField testId="plan-prompt" label={`Prompt for shot ${i.shotNumber}`} value={p.prompt} onChange={p.onPrompt} placeholder={`Describe shot ${i.shotNumber}: nothing near it says what it shows`} /> : null}
      {i.shortOfMinimum ? (
        <div className="cw-hint cw-row" data-testid="plan-short">
          <span>{i.shortOfMinimum}</span>
          <Button quiet onClick={p.onSlate} testId="plan-slate">Slate this gap</Button>
          <Button quiet onClick={p.onSkip} testId="plan-skip">Leave this gap out</Button>
        </div>
      ) : null}
    </div>
  );
}

export function PlanRows(p: { preview: PlanPreview; prompts: Readonly<Record<string, string>>; skipped: readonly string[]; onPrompt: (targetId: string, v: string) => void; onSlate: (targetId: string) => void; onSkip: (targetId: string) => void; onRestore: () => void }) {
  const rows = p.preview.items;
  return (
    <div className="cw-plan" data-testid="plan">
      {p.preview.audio ? <div className="cw-hint" data-testid="plan-audio">{p.preview.audio}</div> : null}
      {rows.slice(0, 40).map((i) => (
        <PlanRow key={`${i.shotNumber}-${i.targetId}`} item={i} prompt={p.prompts[i.targetId] ?? ""} onPrompt={(v) => p.onPrompt(i.targetId, v)} onSlate={() => p.onSlate(i.targetId)} onSkip={() => p.onSkip(i.targetId)} />
      ))}
      {rows.length > 40 ? <div className="cw-muted">… {rows.length - 40} more shots</div> : null}
      {p.skipped.length ? (
        <div className="cw-row cw-muted" data-testid="plan-skipped">
          {p.skipped.length} left out <Button quiet onClick={p.onRestore} testId="plan-restore">Bring back</Button>
        </div>
      ) : null}
    </div>
  );
}
