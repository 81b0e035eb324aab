/** Keys (secure storage, shown masked, with a connection test), media folder, rules, style, budget, concurrency. */
import React, { useState } from "react";
import type { AppState, CutawayApi, PlacementMode } from "../../app/api";
import { Button, Detail, Heading, Picker, TextField } from "../widgets/widgets";
import { ServerSettings } from "./ServerSettings";

function KeyRow(p: { api: CutawayApi; id: string; label: string; hasKey: boolean }) {
  const [value, setValue] = useState("");
  const [result, setResult] = useState<string | null>(null);
  return (
    <div className="cw-row" data-testid={`key-${p.id}`}>
      <span className="cw-key-label">{p.label}</span>
      <TextField type="password" value={value} onChange={setValue} placeholder={p.hasKey ? "•••••••• (saved)" : "API key"} />
      <Button onClick={() => void p.api.setApiKey(p.id, value).then(() => setValue(""))} disabled={!value.trim()}>
        Save
      </Button>
      {p.hasKey ? <Button quiet onClick={() => void p.api.setApiKey(p.id, null)}>Remove</Button> : null}
      <Button quiet onClick={() => void p.api.testConnection(p.id).then((r) => setResult(r.message))}>Test</Button>
      {result ? <span className="cw-muted">{result}</span> : null}
    </div>
  );
}

export function SettingsPanel(p: { api: CutawayApi; state: AppState }) {
  const s = p.state.settings;
  const [folder, setFolder] = useState(s.mediaFolder ?? "");
  const [patterns, setPatterns] = useState(s.placeholderPatterns.join("\n"));
  const [budget, setBudget] = useState(s.budgetUsd === null ? "" : String(s.budgetUsd));
  const [confirmAbove, setConfirmAbove] = useState(String(s.confirmAboveUsd));
  const save = (patch: Parameters<CutawayApi["saveSettings"]>[0]): void => void p.api.saveSettings(patch).catch(() => undefined);
  return (
    <div className="cw-section" data-testid="settings">
      <Heading>Provider keys</Heading>
      <Detail>Keys are kept in Premiere's secure storage, never in the project or the logs.</Detail>
      {p.state.providers.filter((x) => x.needsKey).map((x) => (
        <KeyRow key={x.id} api={p.api} id={x.id} label={x.label} hasKey={x.hasKey} />
      ))}
      <ServerSettings api={p.api} state={p.state} />
      <Heading>Media</Heading>
      <div className="cw-row">
        <TextField value={folder} onChange={setFolder} placeholder="Beside the project: <project>/Cutaway Media" />
        <Button onClick={() => save({ mediaFolder: folder.trim() || null })}>Save</Button>
      </div>
      <Heading>Placeholder names</Heading>
      <TextField multiline rows={3} value={patterns} onChange={setPatterns} />
      <Button onClick={() => save({ placeholderPatterns: patterns.split(/\n+/).map((x) => x.trim()).filter(Boolean) })}>Save rules</Button>
      <Heading>Spending</Heading>
      <div className="cw-row">
        {/* text, not type="number": a number field hands over "" for "$50", which would read as "no cap" */}
        <TextField testId="budget" value={budget} onChange={setBudget} placeholder="Monthly cap in $ (empty: none)" />
        <TextField testId="confirm-above" value={confirmAbove} onChange={setConfirmAbove} placeholder="Ask above $" />
        <Button testId="save-budget" onClick={() => save({ budgetUsd: budget.trim() ? budget : null, confirmAboveUsd: confirmAbove })}>Save</Button>
      </div>
      <Detail>Spent this month: ${p.state.ledger.spentUsd.toFixed(2)}{p.state.ledger.budgetUsd !== null ? ` of $${p.state.ledger.budgetUsd.toFixed(2)}` : ""}</Detail>
      <Heading>Behaviour</Heading>
      <div className="cw-row">
        <Picker value={s.defaultStyle} options={p.state.stylePresets.map((x) => ({ value: x, label: x }))} onChange={(defaultStyle) => save({ defaultStyle })} label="Default style" />
        <Picker value={String(s.concurrency)} options={[1, 2, 4, 8].map((n) => ({ value: String(n), label: `${n} at once` }))} onChange={(v) => save({ concurrency: Number(v) })} label="Concurrency" />
        <Picker testId="placement" value={s.placement} options={[{ value: "as-they-arrive", label: "Place as they arrive" }, { value: "all-at-once", label: "Place all at once" }]} onChange={(v) => save({ placement: v as PlacementMode })} label="Placement" />
      </div>
    </div>
  );
}
