/**
 * Extend a clip's head or tail, bridge a gap from one clip's frame to the next, conform drafts to
 * finals in place — each with its plan and cost before anything is spent — and the take switcher for
 * the selected generated clip (takes from several models, each with its model and cost).
 */
import React, { useRef, useState } from "react";
import type { AppState, CutawayApi, ShotPlanView, ShotRequest, TakeModel } from "../../app/api";
import { CutawayError } from "../../core/errors";
import { useLiveValue } from "../useLiveValue";
import { Button, Detail, Picker, TextField } from "../widgets/widgets";
import { BackendPicker, ConfirmSpend, type Choice } from "./GeneratePanel";

type Mode = "extend-tail" | "extend-head" | "bridge" | "conform";

const MODES: { value: Mode; label: string }[] = [
  { value: "extend-tail", label: "Extend tail" },
  { value: "extend-head", label: "Extend head" },
  { value: "bridge", label: "Bridge a gap (first + last frame)" },
  { value: "conform", label: "Conform drafts to finals" },
];

interface Form {
  mode: Mode;
  frames: string;
  prompt: string;
  bridgeScope: "playhead" | "all";
  conformScope: "sequence" | "selection";
  resolution: string;
  secondTake: string;
}

function shotRequest(f: Form, c: Choice, mode: ShotRequest["mode"], placement: AppState["settings"]["placement"]): ShotRequest {
  const [backend2, model2] = f.secondTake ? f.secondTake.split("|") : [];
  const takeModels: TakeModel[] | undefined = backend2 && model2 ? [{ backend: c.backend, model: c.model }, { backend: backend2, model: model2 }] : undefined;
  const base = { backend: c.backend, model: c.model, takes: c.takes, mode, placement, ...(takeModels ? { takeModels } : {}), ...(f.prompt.trim() ? { prompt: f.prompt.trim() } : {}) };
  if (f.mode === "bridge") return { ...base, kind: "bridge", scope: f.bridgeScope };
  if (f.mode === "conform") return { ...base, kind: "conform", scope: f.conformScope, ...(f.resolution ? { resolution: Number(f.resolution) } : {}) };
  return { ...base, kind: "extend", edge: f.mode === "extend-head" ? "head" : "tail", frames: Math.max(1, Math.floor(Number(f.frames)) || 1) };
}

export function GrowPanel(p: { api: CutawayApi; state: AppState; choice: Choice; onChoice: (c: Choice) => void }) {
  const { api, state, choice } = p;
  const [form, setForm] = useState<Form>({ mode: "extend-tail", frames: "48", prompt: "", bridgeScope: "playhead", conformScope: "sequence", resolution: "", secondTake: "" });
  const [confirm, setConfirm] = useState<string | null>(null);
  const set = (patch: Partial<Form>): void => setForm((f) => ({ ...f, ...patch }));
  const request = (mode: ShotRequest["mode"]): ShotRequest => shotRequest(form, choice, mode, state.settings.placement);
  // the plan follows the timeline: playhead, selection and clips all change what is extended or conformed
  const key = JSON.stringify([form, choice, state.sequence?.playheadTimecode, state.targets.map((t) => t.count), state.jobs.length]);
  const { value: plan, problem } = useLiveValue<ShotPlanView>(() => api.previewShots(request("dry-run")), key);

  const go = (mode: ShotRequest["mode"], confirmed = false): void => {
    setConfirm(null);
    api.runShots(request(mode), { confirmed }).catch((e: unknown) => {
      if (e instanceof CutawayError && e.code === "confirm_required") setConfirm(e.message);
    });
  };
  const extend = form.mode.startsWith("extend");
  const models = state.providers.filter((x) => !x.purpose).flatMap((x) => x.models.map((m) => ({ value: `${x.id}|${m.id}`, label: `${m.label}${m.pricePerSecondUsd ? ` · $${m.pricePerSecondUsd}/s` : ""}` })));

  return (
    <div className="cw-section" data-testid="grow">
      <div className="cw-row">
        <Picker testId="grow-mode" label="Do" value={form.mode} options={MODES} onChange={(v) => set({ mode: v as Mode })} />
        {extend ? <TextField testId="grow-frames" type="number" value={form.frames} onChange={(frames) => set({ frames })} placeholder="frames" /> : null}
        {form.mode === "bridge" ? (
          <Picker testId="grow-scope" label="Where" value={form.bridgeScope} options={[{ value: "playhead", label: "Gap at the playhead" }, { value: "all", label: "Every gap between two clips" }]} onChange={(v) => set({ bridgeScope: v as Form["bridgeScope"] })} />
        ) : null}
        {form.mode === "conform" ? (
          <>
            <Picker testId="grow-scope" label="What" value={form.conformScope} options={[{ value: "sequence", label: "Whole sequence" }, { value: "selection", label: "Selected clips" }]} onChange={(v) => set({ conformScope: v as Form["conformScope"] })} />
            <Picker testId="grow-resolution" label="Resolution" value={form.resolution} options={[{ value: "", label: "Best for the sequence" }, { value: "720", label: "720p" }, { value: "1080", label: "1080p" }, { value: "2160", label: "2160p" }]} onChange={(resolution) => set({ resolution })} />
          </>
        ) : null}
      </div>
      {extend ? <div className="cw-hint">{form.mode === "extend-tail" ? "From the selected clip's last frame (or the clip ending nearest the playhead)." : "Ending on the selected clip's first frame (or the clip starting nearest the playhead)."}</div> : null}
      {form.mode !== "conform" ? <TextField testId="grow-prompt" value={form.prompt} onChange={(prompt) => set({ prompt })} placeholder="What happens (empty: the clip's own prompt or name)" onEnter={() => go("generate")} /> : null}
      <BackendPicker state={state} choice={choice} onChange={p.onChoice} />
      <Picker testId="grow-take2" label="Another take from" value={form.secondTake} options={[{ value: "", label: "No other model" }, ...models]} onChange={(secondTake) => set({ secondTake })} />
      <Detail testId="grow-estimate">{problem ?? plan?.estimate.summary ?? "…"}</Detail>
      {plan?.capableModels.length && form.mode === "bridge" ? <div className="cw-hint" data-testid="grow-capable">Can bridge: {plan.capableModels.map((m) => m.label).join(", ")}</div> : null}
      {plan?.warnings.map((w) => (
        <div key={w} className="cw-hint" data-testid="grow-warning">
          {w}
        </div>
      ))}
      {confirm ? <ConfirmSpend message={confirm} onYes={() => go("generate", true)} onNo={() => setConfirm(null)} testId="grow-confirm" /> : null}
      <div className="cw-row">
        {/* with the slate backend Generate would draft a slate too: one button, as on the Fill tab */}
        {choice.backend === "slate" && form.mode !== "conform" ? null : (
          <Button variant="cta" onClick={() => go("generate")} disabled={!plan || plan.estimate.overBudget || state.busy} testId="grow-generate">
            {form.mode === "conform" ? "Conform" : "Generate"}
          </Button>
        )}
        {form.mode !== "conform" ? (
          <Button variant={choice.backend === "slate" ? "cta" : "secondary"} onClick={() => go("draft")} disabled={!plan || state.busy} testId="grow-draft">
            Draft with a slate
          </Button>
        ) : null}
      </div>
      {plan ? <PlanList plan={plan} /> : null}
      <TakeSwitcher api={api} state={state} />
    </div>
  );
}

function PlanList(p: { plan: ShotPlanView }) {
  return (
    <div className="cw-plan" data-testid="grow-plan">
      {p.plan.items.slice(0, 12).map((i) => (
        <div key={i.shotNumber} className="cw-shot" data-testid="grow-item">
          <div className="cw-range">
            <span>#{i.shotNumber}</span> <span>{i.startTimecode}</span> <span>{i.generationSeconds}s</span> <span>{i.trackName}</span> <span className="cw-muted">{i.replaces ? `replaces ${i.replaces}` : i.prompt}</span>
          </div>
          {i.note ? <div className="cw-hint" data-testid="grow-note">{i.note}</div> : null}
        </div>
      ))}
      {p.plan.skipped.map((s) => (
        <div key={s.name} className="cw-range cw-muted" data-testid="grow-skipped">
          <span>skipped {s.name}</span> <span>{s.reason}</span>
        </div>
      ))}
    </div>
  );
}

/** The takes of the selected generated clip: its model and cost each, one click to swap in one undo step. */
function TakeSwitcher(p: { api: CutawayApi; state: AppState }) {
  // a swap puts a new clip where the old one was, and Premiere drops it from the selection: keep the shot
  const shown = useRef<readonly string[]>([]);
  let takes = p.api.takesForClip();
  if (takes.length) shown.current = takes.map((t) => t.jobId);
  else {
    const placed = p.state.jobs.find((j) => shown.current.includes(j.id) && j.placedClipId)?.placedClipId;
    if (placed) takes = p.api.takesForClip(placed);
  }
  if (takes.length < 2) return null;
  return (
    <div className="cw-section" data-testid="take-switcher">
      <Detail>Takes of the selected clip</Detail>
      {takes.map((t) => (
        <div key={t.jobId} className="cw-row" data-testid="take" data-active={t.active}>
          <span>take {t.take}</span>
          <span className="cw-muted">{t.model}</span>
          <span className="cw-muted">${t.costUsd.toFixed(2)}</span>
          {t.active ? <span>on the timeline</span> : t.canUse ? <Button quiet onClick={() => void p.api.useTake(t.jobId)} testId={`take-use-${t.take}`}>Use take {t.take}</Button> : <span className="cw-muted">{t.state}</span>}
        </div>
      ))}
    </div>
  );
}
