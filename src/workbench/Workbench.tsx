/** The workbench page: the real panel on the left, the stand-in's timeline on the right (stacked in a narrow window). */
import React from "react";
import type { CutawayApi } from "../app/api";
import type { SimCore } from "../host/sim/simCore";
import { App, ErrorBoundary } from "../panel/App";
import { Button } from "../panel/widgets/widgets";
import { SPECTRUM_STAND_IN_CSS } from "./spectrumStandIn";
import { TimelineView } from "./TimelineView";
import { WORKBENCH_CSS } from "./timelineStyles";

export function Workbench(p: { api: CutawayApi; core: SimCore; onReset: () => void; fakeProvider?: boolean }) {
  return (
    <>
      <style>{SPECTRUM_STAND_IN_CSS + WORKBENCH_CSS}</style>
      <div className="wb-panel">
        <ErrorBoundary>
          <App api={p.api} />
        </ErrorBoundary>
      </div>
      <div className="wb-main">
        <div className="wb-bar">
          <b>Cutaway workbench</b>
          <span className="wb-hint">the panel against an in-memory Premiere, the offline slate backend{p.fakeProvider ? " and fal.ai served by the fake provider on loopback" : ""} — no key needed</span>
          <Button quiet testId="reset" onClick={p.onReset}>
            Reset demo
          </Button>
        </div>
        <TimelineView core={p.core} />
      </div>
    </>
  );
}
