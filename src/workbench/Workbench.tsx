/** The workbench page: the real panel on the left, the stand-in's timeline on the right. */
import React from "react";
import type { CutawayApi } from "../app/api";
import type { SimCore } from "../host/sim/simCore";
import { App, ErrorBoundary } from "../panel/App";
import { TimelineView } from "./TimelineView";

export function Workbench(p: { api: CutawayApi; core: SimCore; onReset: () => void }) {
  return (
    <>
      <div className="wb-panel">
        <ErrorBoundary>
          <App api={p.api} />
        </ErrorBoundary>
      </div>
      <div className="wb-main">
        <div className="wb-bar">
          <b>Cutaway workbench</b>
          <span style={{ opacity: 0.7 }}>the panel against an in-memory Premiere and the offline slate backend — no key needed</span>
          <button data-testid="reset" onClick={p.onReset}>
            Reset demo
          </button>
        </div>
        <TimelineView core={p.core} />
      </div>
    </>
  );
}
