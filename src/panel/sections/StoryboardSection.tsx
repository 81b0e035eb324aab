/**
 * The Storyboard tab: the stills on the active sequence in timeline order, each with its shot number,
 * timecode, thumbnail and prompt (edited in place). Approve the frames to animate (Animate takes
 * only approved ones), regenerate one on its image model or another, or make it a bible reference.
 */
import React, { useEffect, useState } from "react";
import type { AppState, CutawayApi } from "../../app/api";
import type { BibleApi, BibleState } from "../../app/bible/bibleApi";
import type { StoryboardApi, StoryboardFrameView, StoryboardState } from "../../app/storyboard/storyboardApi";
import { CutawayError } from "../../core/errors";
import { useSubscribed } from "../useAppState";
import { AnimateApproved } from "./AnimateApproved";
import { ConfirmSpend } from "./GeneratePanel";
import { Button, Detail, Heading, Picker, TextField } from "../widgets/widgets";

/** the app turns failures into notices; the panel only keeps them from being unhandled */
const quietly = (p: Promise<unknown>): void => void p.catch(() => undefined);

function Thumbnail(p: { storyboard: StoryboardApi; mediaPath: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void p.storyboard.thumbnail(p.mediaPath).then((u) => live && setUrl(u), () => undefined);
    return () => {
      live = false;
    };
  }, [p.mediaPath]);
  return url ? <img className="cw-thumb" data-testid="storyboard-thumb" src={url} alt="" width={96} /> : null;
}

interface RowProps {
  readonly storyboard: StoryboardApi;
  readonly bible: BibleState | null;
  readonly frame: StoryboardFrameView;
  readonly index: number;
  readonly onRegenerate: (f: StoryboardFrameView, prompt: string) => void;
  readonly onReference: (f: StoryboardFrameView, entryId: string) => void;
}

function FrameRow(p: RowProps) {
  const f = p.frame;
  const [prompt, setPrompt] = useState(f.prompt);
  useEffect(() => setPrompt(f.prompt), [f.prompt]);
  const dirty = prompt.trim() !== f.prompt.trim();
  const i = p.index;
  return (
    <div className="cw-shot" data-testid="storyboard-frame" data-approved={f.approved ? "yes" : "no"}>
      <div className="cw-row">
        <Thumbnail storyboard={p.storyboard} mediaPath={f.mediaPath} />
        <b>{f.shotNumber !== null ? `#${f.shotNumber}` : "#?"}</b>
        <span className="cw-muted">
          {f.startTimecode} · {f.trackName} · {f.model}
          {f.edited ? " · prompt edited" : ""}
        </span>
        <span className={f.approved ? "" : "cw-muted"} data-testid={`storyboard-status-${i}`}>{f.approved ? <b>Approved</b> : "Not approved"}</span>
      </div>
      <TextField testId={`storyboard-prompt-${i}`} label="Prompt" multiline rows={2} value={prompt} onChange={setPrompt} />
      <div className="cw-row">
        <Button testId={`storyboard-save-${i}`} onClick={() => quietly(p.storyboard.editPrompt(f.mediaPath, prompt))} disabled={!dirty}>
          Save prompt
        </Button>
        <Button testId={`storyboard-approve-${i}`} variant={f.approved ? "secondary" : "primary"} onClick={() => quietly(f.approved ? p.storyboard.unapprove([f.mediaPath]) : p.storyboard.approve([f.mediaPath]))}>
          {f.approved ? "Unapprove" : "Approve"}
        </Button>
        <Button testId={`storyboard-regenerate-${i}`} onClick={() => p.onRegenerate(f, prompt)} title="A new still with this prompt lands above; the old one is disabled">
          Regenerate
        </Button>
        {p.bible?.entries.length ? (
          <Picker
            testId={`storyboard-reference-${i}`}
            value=""
            label="Reference"
            options={[{ value: "", label: "Use as reference for…" }, ...p.bible.entries.map((e) => ({ value: e.id, label: e.name }))]}
            onChange={(id) => id && p.onReference(f, id)}
          />
        ) : null}
      </div>
    </div>
  );
}

export function StoryboardSection(p: { api: CutawayApi; state: AppState; storyboard: StoryboardApi; bible?: BibleApi }) {
  const s: StoryboardState = useSubscribed(p.storyboard);
  const bible = useSubscribed<BibleState | null>(p.bible ?? { getState: () => null, subscribe: () => () => undefined });
  const [using, setUsing] = useState("");
  const [confirm, setConfirm] = useState<{ message: string; frame: StoryboardFrameView } | null>(null);
  const stillModels = p.state.providers.filter((x) => !x.purpose).flatMap((x) => x.models.filter((m) => m.still).map((m) => ({ value: `${x.id}|${m.id}`, label: `${m.label} (${x.label})` })));
  const chosen = using ? { backend: using.slice(0, using.indexOf("|")), model: using.slice(using.indexOf("|") + 1) } : {};

  const regenerate = async (f: StoryboardFrameView, prompt: string, confirmed = false): Promise<void> => {
    setConfirm(null);
    // what is in the box is what is sent: an unsaved edit is saved first
    if (prompt.trim() !== f.prompt.trim()) await p.storyboard.editPrompt(f.mediaPath, prompt);
    await p.storyboard.regenerate(f.mediaPath, { ...chosen, ...(confirmed ? { confirmed: true } : {}) }).catch((e: unknown) => {
      if (e instanceof CutawayError && e.code === "confirm_required") setConfirm({ message: e.message, frame: f });
    });
  };

  return (
    <div className="cw-section" data-testid="storyboard">
      <Heading>Storyboard</Heading>
      <Detail testId="storyboard-summary">
        {s.frames.length ? `${s.approvedCount} of ${s.frames.length} stills approved. ` : ""}
        Animate turns the approved stills into shots, each from its still; the others stay stills.
        {s.path && !s.besideProject ? " Saved in Cutaway's own folder until the project is saved." : ""}
      </Detail>
      {s.frames.length ? (
        <div className="cw-row">
          <Button testId="storyboard-approve-all" variant="primary" onClick={() => quietly(p.storyboard.approveAll())} disabled={s.approvedCount === s.frames.length}>
            Approve all
          </Button>
          <Picker testId="storyboard-model" label="Regenerate with" value={using} options={[{ value: "", label: "The image model each still came from" }, ...stillModels]} onChange={setUsing} />
        </div>
      ) : null}
      {s.frames.length ? (
        <AnimateApproved api={p.api} state={p.state} approved={s.approvedCount} revision={s.revision} />
      ) : (
        <div className="cw-empty">No storyboard stills on this sequence. In the Script tab, break a script down and generate it on an image model (Nano Banana, FLUX, Imagen): one still per shot lands here to review.</div>
      )}
      {confirm ? <ConfirmSpend message={confirm.message} onYes={() => void regenerate(confirm.frame, confirm.frame.prompt, true).catch(() => undefined)} onNo={() => setConfirm(null)} testId="storyboard-confirm" /> : null}
      {s.frames.map((f, i) => (
        <FrameRow key={f.mediaPath} storyboard={p.storyboard} bible={bible} frame={f} index={i} onRegenerate={(x, prompt) => void regenerate(x, prompt).catch(() => undefined)} onReference={(x, id) => quietly(p.storyboard.useAsReference(x.mediaPath, id))} />
      ))}
    </div>
  );
}
