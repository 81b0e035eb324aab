/**
 * Animate from where the stills are reviewed: the approved stills become their shots on an
 * image-to-video model, each from its still with its frame's prompt, with the cost shown before
 * anything is spent (the same request as Fill › Upgrade drafts › Animate storyboard stills).
 */
import React, { useState } from "react";
import type { AppState, CutawayApi, GenerateRequest } from "../../app/api";
import { CutawayError } from "../../core/errors";
import { useLivePreview } from "../useLivePreview";
import { Button, Picker } from "../widgets/widgets";
import { ConfirmSpend } from "./GeneratePanel";

export function AnimateApproved(p: { api: CutawayApi; state: AppState; approved: number; revision: number }) {
  const models = p.state.providers
    .filter((x) => !x.purpose && x.id !== "slate")
    .flatMap((x) => x.models.filter((m) => m.imageToVideo && !m.still).map((m) => ({ value: `${x.id}|${m.id}`, label: `${m.label}${x.needsKey && !x.hasKey ? " (add a key)" : ""}` })));
  const [using, setUsing] = useState("");
  const [confirm, setConfirm] = useState<string | null>(null);
  const picked = using || models[0]?.value || "";
  const cut = picked.indexOf("|");
  const request = (mode: GenerateRequest["mode"]): GenerateRequest => ({
    kind: "replace-placeholders",
    scope: "drafts",
    prompt: "",
    stylePreset: "none",
    backend: picked.slice(0, cut),
    model: picked.slice(cut + 1),
    takes: 1,
    continuity: false,
    animate: true,
    placement: p.state.settings.placement,
    mode,
  });
  // the cost follows approvals and the timeline, without sending anything
  const key = JSON.stringify([picked, p.approved, p.revision, p.state.sequence?.playheadTimecode]);
  const { preview, problem } = useLivePreview(p.api, () => request("dry-run"), key, p.approved > 0 && cut > 0);
  const go = (confirmed = false): void => {
    setConfirm(null);
    p.api.run(request("generate"), { confirmed }).catch((e: unknown) => {
      if (e instanceof CutawayError && e.code === "confirm_required") setConfirm(e.message);
    });
  };
  if (!models.length) return null;
  return (
    <>
      <div className="cw-row">
        <Picker testId="storyboard-animate-model" label="Animate with" value={picked} options={models} onChange={setUsing} />
        <Button testId="storyboard-animate" variant="cta" onClick={() => go()} disabled={p.approved === 0 || p.state.busy}>
          Animate {p.approved} approved
        </Button>
      </div>
      {p.approved > 0 ? <div className="cw-hint" data-testid="storyboard-animate-cost">{preview ? [preview.estimate.summary, ...preview.warnings.filter((w) => /not approved/.test(w))].join(" · ") : problem ?? "Working out the cost…"}</div> : null}
      {confirm ? <ConfirmSpend message={confirm} onYes={() => go(true)} onNo={() => setConfirm(null)} testId="storyboard-animate-confirm" /> : null}
    </>
  );
}
