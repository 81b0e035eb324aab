import React from "react";
import type { AppState, CutawayApi } from "../../app/api";
import { ActionButton } from "../widgets/widgets";

/** Sentences for the editor; each can be dismissed. */
export function Notices(p: { state: AppState; api: CutawayApi }) {
  if (!p.state.notices.length) return null;
  return (
    <div className="cw-notices" data-testid="notices">
      {p.state.notices.slice(-4).map((n) => (
        <div key={n.id} className={`cw-notice cw-${n.level}`}>
          <span>{n.message}</span>
          <ActionButton quiet className="cw-x" title="Dismiss" onClick={() => p.api.dismissNotice(n.id)}>
            ×
          </ActionButton>
        </div>
      ))}
    </div>
  );
}
