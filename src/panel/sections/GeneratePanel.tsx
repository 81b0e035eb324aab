/**
 * The main job: scope → prompt and style → backend, model, takes → a live cost line → Generate,
 * Draft with slates, or Dry run. Enter generates. Spending above the threshold asks first.
 */
import React, { useState } from "react";
import type { AppState, CutawayApi, GenerateRequest, JobKind, TargetScope } from "../../app/api";
import { CutawayError } from "../../core/errors";
import { TargetBar } from "./TargetBar";
import { useLivePreview } from "../useLivePreview";
import { useDraftSaver } from "../useDraftSaver";
import { Button, Checkbox, Detail, Picker, TextField } from "../widgets/widgets";
import { PlanRows } from "./PlanRows";

const SCOPES: readonly TargetScope[] = ["playhead", "inout", "selection", "all-gaps", "placeholders", "drafts", "markers"];

export function kindOf(scope: TargetScope): JobKind {
  if (scope === "placeholders" || scope === "drafts") return "replace-placeholders";
  if (scope === "selection" || scope === "markers") return "broll";
  if (scope === "script") return "script-to-cut";
  return "fill-gaps";
}

export interface Choice {
  backend: string;
  model: string;
  takes: number;
  style: string;
  continuity: boolean;
  /** keep generated sound (off by default: B-roll is cut silent) */
  audio?: boolean;
  /** replacing storyboard stills: each still is its shot's first frame */
  animate?: boolean;
}

export function BackendPicker(p: { state: AppState; choice: Choice; onChange: (c: Choice) => void }) {
  const video = p.state.providers.filter((x) => !x.purpose);
  const provider = video.find((x) => x.id === p.choice.backend) ?? video[0];
  return (
    <div className="cw-row">
      <Picker testId="backend" label="Backend" value={p.choice.backend} options={video.map((x) => ({ value: x.id, label: x.needsKey && !x.hasKey ? `${x.label} (no key)` : x.label }))} onChange={(backend) => p.onChange({ ...p.choice, backend, model: video.find((x) => x.id === backend)?.models[0]?.id ?? "" })} />
      <Picker testId="model" label="Model" value={p.choice.model} options={(provider?.models ?? []).map((m) => ({ value: m.id, label: `${m.label}${m.textToVideo ? "" : " (needs a frame)"}${m.pricePerSecondUsd ? ` · $${m.pricePerSecondUsd}/s` : ""}` }))} onChange={(model) => p.onChange({ ...p.choice, model })} />
      <Picker testId="takes" label="Takes" value={String(p.choice.takes)} options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: `${n} take${n > 1 ? "s" : ""}` }))} onChange={(v) => p.onChange({ ...p.choice, takes: Number(v) })} />
    </div>
  );
}

export function GeneratePanel(p: { api: CutawayApi; state: AppState; choice: Choice; onChoice: (c: Choice) => void }) {
  const { api, state, choice } = p;
  const saved = state.drafts.fill;
  const saveDraft = useDraftSaver(api);
  const [scope, setScopeState] = useState<TargetScope>(() => (SCOPES.includes(saved.scope as TargetScope) ? (saved.scope as TargetScope) : "all-gaps"));
  const [prompt, setPromptState] = useState(saved.prompt);
  const [prompts, setPrompts] = useState<Record<string, string>>(() => ({ ...saved.promptsByTarget }));
  const [skipped, setSkipped] = useState<string[]>(() => [...saved.skipTargetIds]);
  const [confirm, setConfirm] = useState<string | null>(null);
  const setScope = (v: TargetScope): void => {
    setScopeState(v);
    setSkipped([]);
    saveDraft({ fill: { scope: v, skipTargetIds: [] } });
  };
  const setPrompt = (v: string): void => {
    setPromptState(v);
    saveDraft({ fill: { prompt: v } });
  };
  const setRowPrompt = (targetId: string, v: string): void => {
    const next = { ...prompts, [targetId]: v };
    setPrompts(next);
    saveDraft({ fill: { promptsByTarget: next } });
  };
  const setSkip = (next: string[]): void => {
    setSkipped(next);
    saveDraft({ fill: { skipTargetIds: next } });
  };

  const request = (mode: GenerateRequest["mode"]): GenerateRequest => ({
    kind: kindOf(scope),
    scope,
    prompt,
    promptsByTarget: prompts,
    skipTargetIds: skipped,
    stylePreset: choice.style,
    backend: choice.backend,
    model: choice.model,
    takes: choice.takes,
    continuity: choice.continuity,
    audio: choice.audio === true,
    ...(scope === "drafts" && choice.animate ? { animate: true } : {}),
    placement: state.settings.placement,
    mode,
  });

  // the cost line follows every change, without sending anything
  const key = JSON.stringify([scope, prompt, prompts, skipped, choice, state.sequence?.playheadTimecode, state.targets.map((t) => [t.count, t.items.map((i) => i.trackName)])]);
  const { preview, problem } = useLivePreview(api, () => request("dry-run"), key);

  const go = (mode: GenerateRequest["mode"], confirmed = false): void => {
    setConfirm(null);
    api.run(request(mode), { confirmed }).catch((e: unknown) => {
      if (e instanceof CutawayError && e.code === "confirm_required") setConfirm(e.message);
    });
  };

  return (
    <div className="cw-section">
      <TargetBar state={state} scope={scope} onScope={setScope} />
      <TextField testId="prompt" label="Prompt for every shot" value={prompt} onChange={setPrompt} placeholder="Describe the shot (empty: from marker notes; shots with none ask)" onEnter={() => go("generate")} />
      <div className="cw-row">
        <Picker testId="style" label="Style" value={choice.style} options={state.stylePresets.map((s) => ({ value: s, label: s === "none" ? "No style" : s }))} onChange={(style) => p.onChoice({ ...choice, style })} />
        <Checkbox testId="continuity" checked={choice.continuity} onChange={(continuity) => p.onChoice({ ...choice, continuity })}>
          Match neighbouring frames
        </Checkbox>
        <Checkbox testId="keep-sound" checked={choice.audio === true} onChange={(audio) => p.onChoice({ ...choice, audio })}>
          Keep generated sound
        </Checkbox>
        {scope === "drafts" ? (
          <Checkbox testId="animate" checked={choice.animate === true} onChange={(animate) => p.onChoice({ ...choice, animate })}>
            Animate storyboard stills
          </Checkbox>
        ) : null}
        {scope === "drafts" && choice.animate ? <span className="cw-hint">Animate takes the stills approved in the Storyboard tab; the others stay stills.</span> : null}
      </div>
      <BackendPicker state={state} choice={choice} onChange={p.onChoice} />
      <Detail testId="estimate">{problem ?? preview?.estimate.summary ?? "…"}</Detail>
      {preview?.warnings.length ? <div className="cw-hint">{preview.warnings[0]}</div> : null}
      {confirm ? <ConfirmSpend message={confirm} onYes={() => go("generate", true)} onNo={() => setConfirm(null)} testId="confirm" /> : null}
      <div className="cw-row">
        {/* with the slate backend Generate would draft slates too: one button, not two that do the same */}
        {choice.backend === "slate" ? null : (
          <Button variant="cta" onClick={() => go("generate")} disabled={!preview || preview.estimate.overBudget || state.busy} testId="generate">
            Generate
          </Button>
        )}
        <Button variant={choice.backend === "slate" ? "cta" : "secondary"} onClick={() => go("draft")} disabled={!preview || state.busy} testId="draft" title="Free slates now, real shots later">
          Draft with slates
        </Button>
        <Button quiet onClick={() => go("dry-run")} disabled={!preview} testId="dry-run">
          Dry run
        </Button>
      </div>
      {preview ? (
        <PlanRows
          preview={preview}
          prompts={prompts}
          skipped={skipped}
          onPrompt={setRowPrompt}
          onSkip={(id) => setSkip([...skipped, id])}
          onRestore={() => setSkip([])}
          onSlate={(id) => void api.run({ ...request("draft"), onlyTargetIds: [id] }, { confirmed: true }).catch(() => undefined)}
        />
      ) : null}
    </div>
  );
}

/** "This will cost $N — generate?" above the editor's threshold: spend it, or not now. */
export function ConfirmSpend(p: { message: string; onYes: () => void; onNo: () => void; testId: string }) {
  return (
    <div className="cw-confirm" data-testid={p.testId}>
      <span>{p.message}</span>
      <Button variant="cta" onClick={p.onYes} testId={`${p.testId}-yes`}>
        Spend it
      </Button>
      <Button quiet onClick={p.onNo}>
        Not now
      </Button>
    </div>
  );
}
