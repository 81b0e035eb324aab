/**
 * What will be filled: one chip per scope with its count and duration; the chosen one lists its ranges
 * and the track each lands on. "Gap at playhead" and "Upgrade drafts" show only when there is one.
 */
import React from "react";
import type { AppState, TargetScope } from "../../app/api";
import { ActionButton, Detail } from "../widgets/widgets";

const ONLY_WHEN_THERE: ReadonlySet<TargetScope> = new Set(["playhead", "drafts"]);

export function TargetBar(p: { state: AppState; scope: TargetScope; onScope: (s: TargetScope) => void }) {
  const { state } = p;
  if (!state.sequence) return <div className="cw-empty" data-testid="host-message">{state.hostMessage ?? "Open a sequence to start."}</div>;
  const current = state.targets.find((t) => t.scope === p.scope);
  return (
    <div className="cw-targets">
      <Detail testId="sequence-line">
        {state.sequence.name} · {state.sequence.rateLabel} · {state.sequence.width}×{state.sequence.height} · playhead {state.sequence.playheadTimecode}
      </Detail>
      <div className="cw-chips" role="tablist">
        {state.targets.filter((t) => t.available || !ONLY_WHEN_THERE.has(t.scope)).map((t) => (
          <ActionButton
            key={t.scope}
            role="tab"
            selected={t.scope === p.scope}
            className={`cw-chip${t.available ? "" : " cw-chip-off"}`}
            title={t.reason ?? `${t.count} ranges, ${t.totalSeconds} s`}
            onClick={() => p.onScope(t.scope)}
            testId={`scope-${t.scope}`}
          >
            {t.label} {t.available ? <b>{t.count}</b> : null}
          </ActionButton>
        ))}
      </div>
      {current && !current.available ? <div className="cw-hint">{current.reason}</div> : null}
      {current && current.available ? (
        <div className="cw-ranges" data-testid="target-ranges">
          {current.items.slice(0, 6).map((i) => (
            <div key={i.id} className="cw-range">
              <span>{i.startTimecode}–{i.endTimecode}</span> <span>{i.durationSeconds} s</span> <span data-testid="target-track">{i.trackName}</span> <span className="cw-muted">{i.label}</span>
            </div>
          ))}
          {current.items.length > 6 ? <div className="cw-muted">… {current.items.length - 6} more</div> : null}
        </div>
      ) : null}
    </div>
  );
}
