/**
 * Script to rough cut: paste a script (Fountain, plain text, transcript) or an idea, break it down,
 * edit prompts and durations, then draft or generate the shots end to end.
 */
import React, { useState } from "react";
import type { AppState, CutawayApi, GenerateRequest, ScriptBreakdownView, ShotDraft } from "../../app/api";
import { CutawayError } from "../../core/errors";
import { BackendPicker, ConfirmSpend, type Choice } from "./GeneratePanel";
import { useDraftSaver } from "../useDraftSaver";
import { useLivePreview } from "../useLivePreview";
import { Button, Detail, Picker, TextField } from "../widgets/widgets";

export function ScriptPanel(p: { api: CutawayApi; state: AppState; choice: Choice; onChoice: (c: Choice) => void }) {
  // everything typed here is a draft in the app's preferences: a tab switch or a reload keeps it
  const saved = p.state.drafts.script;
  const saveDraft = useDraftSaver(p.api);
  const [text, setTextState] = useState(saved.text);
  const [idea, setIdeaState] = useState(saved.idea);
  const [breakdown, setBreakdownState] = useState<ScriptBreakdownView | null>(() => (saved.format ? { format: saved.format, shots: saved.shots, notices: saved.notices, ...(saved.title ? { title: saved.title } : {}) } : null));
  const [shots, setShotsState] = useState<ShotDraft[]>(() => saved.shots.map((x) => ({ ...x })));
  const [destination, setDestinationState] = useState<"new-sequence" | "playhead" | "under-words">(saved.destination);
  const setText = (v: string): void => {
    setTextState(v);
    saveDraft({ script: { text: v } });
  };
  const setIdea = (v: string): void => {
    setIdeaState(v);
    saveDraft({ script: { idea: v } });
  };
  const setBreakdown = (b: ScriptBreakdownView): void => {
    setBreakdownState(b);
    saveDraft({ script: { format: b.format, title: b.title ?? null, notices: [...b.notices] } });
  };
  const setShots = (f: (list: ShotDraft[]) => ShotDraft[]): void =>
    setShotsState((list) => {
      const next = f(list);
      saveDraft({ script: { shots: next } });
      return next;
    });
  const setDestination = (f: "new-sequence" | "playhead" | "under-words" | ((d: "new-sequence" | "playhead" | "under-words") => "new-sequence" | "playhead" | "under-words")): void =>
    setDestinationState((d) => {
      const next = typeof f === "function" ? f(d) : f;
      saveDraft({ script: { destination: next } });
      return next;
    });
  // timed text (a transcript, the markers) can land under its own words; a script is laid end to end
  const timed = shots.some((s) => s.sourceRange);

  const take = (b: ScriptBreakdownView): void => {
    setBreakdown(b);
    if (b.shots.some((s) => s.sourceRange)) setDestination("under-words");
    else setDestination((d) => (d === "under-words" ? "playhead" : d));
    setShots(() => b.shots.map((s) => ({ ...s })));
    if (b.script) setText(b.script);
  };
  const edit = (i: number, patch: Partial<ShotDraft>): void => setShots((list) => list.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const [confirm, setConfirm] = useState<string | null>(null);
  // stills on an image model are priced with the Animate step after them, on this video model
  const [animateModel, setAnimateModel] = useState("");
  const request = (mode: GenerateRequest["mode"]): GenerateRequest => ({
    kind: timed && destination === "under-words" ? "broll" : "script-to-cut",
    scope: "script",
    shots,
    stylePreset: p.choice.style,
    backend: p.choice.backend,
    model: p.choice.model,
    takes: p.choice.takes,
    continuity: false,
    placement: p.state.settings.placement,
    destination: destination === "new-sequence" ? "new-sequence" : "playhead",
    sequenceName: breakdown?.title ?? "Cutaway rough cut",
    ...(animateModel ? { animateModel } : {}),
    mode,
  });

  // the cost of the shot list, live as prompts, durations and the backend change
  const key = JSON.stringify([shots, p.choice, destination, animateModel]);
  const { preview, problem } = useLivePreview(p.api, () => request("dry-run"), key, shots.length > 0);

  const run = (mode: "generate" | "draft", confirmed = mode === "draft"): void => {
    setConfirm(null);
    p.api.run(request(mode), { confirmed }).catch((e: unknown) => {
      // above the editor's threshold: ask, exactly as the Fill tab does (other errors are notices)
      if (e instanceof CutawayError && e.code === "confirm_required") setConfirm(e.message);
    });
  };

  return (
    <div className="cw-section">
      <TextField testId="script" label="Script" multiline rows={6} value={text} onChange={setText} placeholder="Paste a screenplay (Fountain), narration, a shot list or an SRT transcript" />
      <div className="cw-row">
        <Button testId="breakdown" onClick={() => void p.api.breakdownScript(text, { stylePreset: p.choice.style }).then(take, () => undefined)} disabled={!text.trim()}>
          Break down
        </Button>
        <TextField testId="idea" label="Or an idea" value={idea} onChange={setIdea} placeholder="…or a one-line idea" onEnter={() => void p.api.ideaToScript(idea, { stylePreset: p.choice.style }).then(take, () => undefined)} />
        <Button onClick={() => void p.api.ideaToScript(idea, { stylePreset: p.choice.style }).then(take, () => undefined)} disabled={!idea.trim()} testId="idea-go">
          Idea → script
        </Button>
        <Button quiet onClick={() => void p.api.scriptFromMarkers().then(setText, () => undefined)} testId="use-markers" title="The sequence's marker notes, timed: shots land under the markers">
          Use markers
        </Button>
      </div>
      {breakdown ? <Detail testId="breakdown-summary">{breakdown.format}: {shots.length} shots{breakdown.notices.length ? ` · ${breakdown.notices[0]}` : ""}</Detail> : null}
      <div className="cw-shots" data-testid="shots">
        {shots.map((s, i) => (
          <div key={s.id} className="cw-shot" data-testid="shot">
            <div className="cw-row">
              <b>#{s.number}</b>
              <span className="cw-muted">{s.sceneLabel ?? ""}</span>
              <TextField testId={`shot-seconds-${i}`} label="Seconds" type="number" value={String(s.durationSeconds)} onChange={(v) => edit(i, { durationSeconds: Math.max(0.5, Number(v) || s.durationSeconds) })} />
            </div>
            <TextField testId={`shot-prompt-${i}`} label="Prompt" multiline rows={2} value={s.prompt} onChange={(v) => edit(i, { prompt: v })} />
          </div>
        ))}
      </div>
      {shots.length ? (
        <>
          <BackendPicker state={p.state} choice={p.choice} onChange={p.onChoice} />
          <Detail testId="script-estimate">{problem ?? preview?.estimate.summary ?? "…"}</Detail>
          {preview?.animate ? (
            <div className="cw-row">
              <Detail testId="animate-estimate">{preview.animate.summary}</Detail>
              {preview.animate.models.length > 1 ? (
                <Picker testId="animate-model" label="Animate with" value={preview.animate.model} options={preview.animate.models.map((m) => ({ value: m.id, label: m.label }))} onChange={setAnimateModel} />
              ) : null}
            </div>
          ) : null}
          {confirm ? <ConfirmSpend message={confirm} onYes={() => run("generate", true)} onNo={() => setConfirm(null)} testId="script-confirm" /> : null}
          <div className="cw-row">
            <Picker
              testId="destination"
              label="Where the shots go"
              value={destination}
              options={[...(timed ? [{ value: "under-words", label: "Under the words (B-roll)" }] : []), { value: "playhead", label: "At the playhead, new track" }, { value: "new-sequence", label: "A new sequence" }]}
              onChange={(v) => setDestination(v === "new-sequence" || v === "under-words" ? v : "playhead")}
            />
            {p.choice.backend === "slate" ? null : (
              <Button variant="cta" onClick={() => run("generate")} disabled={preview?.estimate.overBudget === true || p.state.busy} testId="script-generate">
                Generate {preview?.items.length ?? shots.length} shots
              </Button>
            )}
            <Button variant={p.choice.backend === "slate" ? "cta" : "secondary"} onClick={() => run("draft")} testId="script-draft">
              Draft with slates
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
