/**
 * Keys (secure storage, shown masked, checked with the provider before they are saved, with a Test),
 * media folder, placeholder words (regular expressions as an advanced option), style, budget,
 * concurrency. Every field carries a visible label.
 */
import React, { useState } from "react";
import type { AppState, CutawayApi, PlacementMode } from "../../app/api";
import { patternsAsWords, wordsToPatterns } from "../../app/placeholderWords";
import { Button, Checkbox, Detail, Heading, Picker, TextField } from "../widgets/widgets";
import { ServerSettings } from "./ServerSettings";

function KeyRow(p: { api: CutawayApi; id: string; label: string; hasKey: boolean }) {
  const [value, setValue] = useState("");
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const save = (): void => {
    setResult(null);
    p.api.setApiKey(p.id, value).then(
      () => {
        setValue("");
        setResult({ ok: true, message: "Saved." });
      },
      (e: unknown) => setResult({ ok: false, message: e instanceof Error ? e.message : String(e) }),
    );
  };
  return (
    <div className="cw-row" data-testid={`key-${p.id}`}>
      <TextField
        testId={`key-input-${p.id}`}
        label={`${p.label} key`}
        type="password"
        value={value}
        onChange={(v) => {
          setValue(v);
          setResult(null);
        }}
        placeholder={p.hasKey ? "•••••••• (saved)" : "Paste the API key"}
        onEnter={save}
      />
      <Button onClick={save} disabled={!value.trim()} testId={`key-save-${p.id}`}>
        Save
      </Button>
      {p.hasKey ? <Button quiet onClick={() => void p.api.setApiKey(p.id, null).then(() => setResult(null))}>Remove</Button> : null}
      <Button quiet onClick={() => void p.api.testConnection(p.id).then(setResult)} testId={`key-test-${p.id}`}>
        Test
      </Button>
      {result ? <span className={result.ok ? "cw-muted" : "cw-error"} data-testid={`key-result-${p.id}`}>{result.message}</span> : null}
    </div>
  );
}

/** Placeholder names as words and examples; the regular expressions behind them as an advanced option. */
function PlaceholderRules(p: { state: AppState; save: (patch: Parameters<CutawayApi["saveSettings"]>[0]) => void }) {
  const patterns = p.state.settings.placeholderPatterns;
  const asWords = patternsAsWords(patterns);
  const [advanced, setAdvanced] = useState(asWords === null);
  const [words, setWords] = useState(asWords ?? "");
  const [regex, setRegex] = useState(patterns.join("\n"));
  const now = p.state.targets.find((t) => t.scope === "placeholders");
  return (
    <>
      <Heading>Placeholder names</Heading>
      {advanced ? (
        <TextField testId="placeholder-regex" label="Regular expressions, one per line (any case)" multiline rows={3} value={regex} onChange={setRegex} />
      ) : (
        <TextField testId="placeholder-words" label="Clip names that mark a placeholder, separated by commas" value={words} onChange={setWords} placeholder="PLACEHOLDER, TBD, SHOT 12" />
      )}
      <Detail>
        Whole words, any case; a number stands for any number: “SHOT 12” also finds “shot 7”. Clips Cutaway made are never placeholders; its draft slates are upgraded from the Upgrade drafts chip.
      </Detail>
      <div className="cw-row">
        <Button testId="save-placeholders" onClick={() => p.save({ placeholderPatterns: advanced ? regex.split(/\n+/).map((x) => x.trim()).filter(Boolean) : wordsToPatterns(words) })}>
          Save names
        </Button>
        <Checkbox
          testId="placeholder-advanced"
          checked={advanced}
          onChange={(v) => {
            // each view starts from the rules as saved now
            if (v) setRegex(patterns.join("\n"));
            else setWords(patternsAsWords(patterns) ?? "");
            setAdvanced(v);
          }}
        >
          Advanced: regular expressions
        </Checkbox>
      </div>
      <Detail testId="placeholder-matches">{now?.available ? `Matches now: ${now.items.map((i) => i.label).join(", ")}` : "Nothing in this sequence matches now."}</Detail>
    </>
  );
}

export function SettingsPanel(p: { api: CutawayApi; state: AppState }) {
  const s = p.state.settings;
  const [folder, setFolder] = useState(s.mediaFolder ?? "");
  const [budget, setBudget] = useState(s.budgetUsd === null ? "" : String(s.budgetUsd));
  const [confirmAbove, setConfirmAbove] = useState(String(s.confirmAboveUsd));
  const save = (patch: Parameters<CutawayApi["saveSettings"]>[0]): void => void p.api.saveSettings(patch).catch(() => undefined);
  return (
    <div className="cw-section" data-testid="settings">
      <Heading>Provider keys</Heading>
      <Detail>Keys are checked with the provider, then kept in Premiere's secure storage, never in the project or the logs.</Detail>
      {p.state.providers.filter((x) => x.needsKey).map((x) => (
        <KeyRow key={x.id} api={p.api} id={x.id} label={x.label} hasKey={x.hasKey} />
      ))}
      <ServerSettings api={p.api} state={p.state} />
      <Heading>Media</Heading>
      <div className="cw-row">
        <TextField testId="media-folder" label="Media folder" value={folder} onChange={setFolder} placeholder="Beside the project: <project>/Cutaway Media" />
        <Button onClick={() => save({ mediaFolder: folder.trim() || null })}>Save</Button>
      </div>
      <PlaceholderRules state={p.state} save={save} />
      <Heading>Spending</Heading>
      <div className="cw-row">
        {/* text, not type="number": a number field hands over "" for "$50", which would read as "no cap" */}
        <TextField testId="budget" label="Monthly budget ($, empty: none)" value={budget} onChange={setBudget} placeholder="No cap" />
        <TextField testId="confirm-above" label="Ask before spending more than ($)" value={confirmAbove} onChange={setConfirmAbove} />
        <Button testId="save-budget" onClick={() => save({ budgetUsd: budget.trim() ? budget : null, confirmAboveUsd: confirmAbove })}>Save</Button>
      </div>
      <Detail>Spent this month: ${p.state.ledger.spentUsd.toFixed(2)}{p.state.ledger.budgetUsd !== null ? ` of $${p.state.ledger.budgetUsd.toFixed(2)}` : ""}</Detail>
      <Heading>Behaviour</Heading>
      <div className="cw-row">
        <Picker testId="default-style" value={s.defaultStyle} options={p.state.stylePresets.map((x) => ({ value: x, label: x === "none" ? "No style" : x }))} onChange={(defaultStyle) => save({ defaultStyle })} label="Default style" />
        <Picker testId="concurrency" value={String(s.concurrency)} options={[1, 2, 4, 8].map((n) => ({ value: String(n), label: `${n} at once` }))} onChange={(v) => save({ concurrency: Number(v) })} label="Shots rendering at once" />
        <Picker testId="placement" value={s.placement} options={[{ value: "as-they-arrive", label: "Place as they arrive" }, { value: "all-at-once", label: "Place all at once" }]} onChange={(v) => save({ placement: v as PlacementMode })} label="Placement" />
      </div>
    </div>
  );
}
