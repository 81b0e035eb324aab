/**
 * The panel. Talks only to the app facade. Esc cancels the newest running shot; an error boundary keeps
 * a render bug from taking Premiere down with it.
 */
import React, { useEffect, useState } from "react";
import type { CutawayApi } from "../app/api";
import { useAppState } from "./useAppState";
import { GeneratePanel, type Choice } from "./sections/GeneratePanel";
import { GrowPanel } from "./sections/GrowPanel";
import { JobsList } from "./sections/JobsList";
import { Notices } from "./sections/Notices";
import { ScriptPanel } from "./sections/ScriptPanel";
import { SettingsPanel } from "./sections/SettingsPanel";
import { BibleSection } from "./sections/BibleSection";
import { StoryboardSection } from "./sections/StoryboardSection";
import { PANEL_CSS } from "./styles";
import { useDraftSaver } from "./useDraftSaver";
import { ActionButton } from "./widgets/widgets";

type Tab = "fill" | "grow" | "script" | "bible" | "storyboard" | "jobs" | "settings";

export function App(p: { api: CutawayApi }) {
  const state = useAppState(p.api);
  const [tab, setTab] = useState<Tab>("fill");
  const [choice, setChoiceState] = useState<Choice>({ backend: state.settings.defaultBackend, model: state.settings.defaultModel, takes: 1, style: state.settings.defaultStyle, continuity: false });
  const saveDraft = useDraftSaver(p.api);
  const setChoice = (c: Choice): void => {
    setChoiceState(c);
    saveDraft({ fill: { backend: c.backend, model: c.model, takes: c.takes, style: c.style, continuity: c.continuity } });
  };
  useEffect(() => mark("cutaway:first-render"), []);
  useEffect(() => {
    // once settings and providers are loaded, start from the last picks (else the saved defaults)
    if (!state.ready) return;
    mark("cutaway:ready");
    const last = state.drafts.fill;
    const video = state.providers.filter((x) => !x.purpose);
    const provider = video.find((x) => x.id === (last.backend ?? state.settings.defaultBackend)) ?? video.find((x) => x.id === state.settings.defaultBackend) ?? video[0];
    const modelId = provider?.id === last.backend ? last.model : state.settings.defaultModel;
    if (provider) setChoiceState((c) => ({ ...c, backend: provider.id, model: provider.models.find((m) => m.id === modelId)?.id ?? provider.models[0]?.id ?? "", style: last.style ?? state.settings.defaultStyle, takes: last.takes, continuity: last.continuity }));
  }, [state.ready]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== "Escape") return;
      const running = [...state.jobs].reverse().find((j) => j.canCancel);
      if (running) void p.api.cancel(running.id);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [state.jobs, p.api]);
  useEffect(() => {
    const onFocus = (): void => void p.api.refresh();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [p.api]);
  const active = state.jobs.filter((j) => j.canCancel).length;
  const tabs: [Tab, string][] = [
    ["fill", "Fill"],
    ["grow", "Extend"],
    ["script", "Script"],
    ...(p.api.bible ? ([["bible", "Bible"]] as [Tab, string][]) : []),
    ...(p.api.storyboard ? ([["storyboard", "Storyboard"]] as [Tab, string][]) : []),
    ["jobs", active ? `Jobs (${active})` : "Jobs"],
    ["settings", "Settings"],
  ];
  return (
    <div className="cw-panel" data-testid="panel">
      <style>{PANEL_CSS}</style>
      <div className="cw-tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <ActionButton key={id} role="tab" quiet selected={tab === id} className="cw-tab" onClick={() => setTab(id)} testId={`tab-${id}`}>
            {label}
          </ActionButton>
        ))}
      </div>
      <Notices state={state} api={p.api} />
      <div className="cw-body">
        {/* drafts and picks arrive with the app's start: a tab drawn before would start empty */}
        {!state.ready ? <div className="cw-empty">Starting…</div> : null}
        {!state.ready ? null : tab === "fill" ? <GeneratePanel api={p.api} state={state} choice={choice} onChoice={setChoice} /> : null}
        {!state.ready ? null : tab === "grow" ? <GrowPanel api={p.api} state={state} choice={choice} onChoice={setChoice} /> : null}
        {!state.ready ? null : tab === "script" ? <ScriptPanel api={p.api} state={state} choice={choice} onChoice={setChoice} /> : null}
        {!state.ready ? null : tab === "bible" && p.api.bible ? <BibleSection bible={p.api.bible} /> : null}
        {!state.ready ? null : tab === "storyboard" && p.api.storyboard ? <StoryboardSection api={p.api} state={state} storyboard={p.api.storyboard} {...(p.api.bible ? { bible: p.api.bible } : {})} /> : null}
        {!state.ready ? null : tab === "jobs" ? <JobsList api={p.api} state={state} /> : null}
        {!state.ready ? null : tab === "settings" ? <SettingsPanel api={p.api} state={state} /> : null}
      </div>
    </div>
  );
}

export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown): { error: string } {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render(): React.ReactNode {
    if (this.state.error) {
      return (
        <div className="cw-section cw-error">
          Cutaway hit a problem drawing the panel: {this.state.error}. Your sequence was not changed.{" "}
          <ActionButton onClick={() => this.setState({ error: null })}>Try again</ActionButton>
        </div>
      );
    }
    return this.props.children;
  }
}

/** Performance marks for the first-render bench; absent `performance` (older UXP) is fine. */
function mark(name: string): void {
  const perf = (globalThis as { performance?: { mark?: (n: string) => unknown } }).performance;
  try {
    perf?.mark?.(name);
  } catch {
    // marks are for measuring only
  }
}
