/**
 * The workbench page and its timeline view, in Spectrum dark. The timeline keeps a minimum width and
 * scrolls sideways in a narrow window (the track heads stay put), so at 360 px it is still a timeline.
 */
import { SPECTRUM_DARK as SP } from "./spectrumStandIn";

export const WORKBENCH_CSS = `
#root { display: flex; flex-direction: row; height: 100vh; }
.wb-panel { width: 380px; min-width: 300px; flex: none; border-right: 1px solid ${SP.gray300}; display: flex; flex-direction: column; }
.wb-main { flex: 1; min-width: 0; display: flex; flex-direction: column; overflow: auto; padding: 10px; }
.wb-bar { display: flex; flex-direction: row; flex-wrap: wrap; align-items: center; margin-bottom: 8px; font-size: 12px; }
.wb-bar > * { margin-right: 8px; }
@media (max-width: 760px) {
  #root { flex-direction: column; height: auto; }
  .wb-panel { width: auto; min-width: 0; height: 70vh; border-right: none; border-bottom: 1px solid ${SP.gray300}; }
  .wb-main { overflow: visible; }
}

.wb-timeline { --wb-head: 92px; display: flex; flex-direction: column; font-size: 12px; color: ${SP.gray800}; min-width: 0; }
.wb-title { margin-bottom: 6px; }
.wb-controls { display: flex; flex-direction: row; flex-wrap: wrap; align-items: center; margin-bottom: 6px; }
.wb-controls > * { margin: 0 6px 4px 0; }
.wb-tc { font-family: "Source Code Pro", ui-monospace, monospace; font-size: 13px; color: ${SP.blue600}; min-width: 96px; }
.wb-hint { font-size: 11px; color: ${SP.gray600}; }
.wb-scroll { overflow-x: auto; overflow-y: hidden; border: 1px solid ${SP.gray300}; border-radius: 4px; background: ${SP.gray50}; }
.wb-canvas { position: relative; min-width: 720px; padding-bottom: 4px; }
.wb-row { display: flex; flex-direction: row; }
.wb-head { position: sticky; left: 0; z-index: 3; box-sizing: border-box; width: var(--wb-head); flex: none; padding: 0 6px; background: ${SP.gray100}; border-right: 1px solid ${SP.gray300}; font-size: 11px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.wb-track-label { color: ${SP.gray600}; }
.wb-locked { color: #e8a33c; font-size: 10px; }
.wb-ruler-row .wb-head, .wb-holes-row .wb-head { color: ${SP.gray600}; }
.wb-ruler-row .wb-head { line-height: 26px; }
.wb-ruler { position: relative; flex: 1; height: 26px; background: ${SP.gray75}; border-bottom: 1px solid ${SP.gray300}; cursor: ew-resize; user-select: none; touch-action: none; }
.wb-tick { position: absolute; top: 0; bottom: 0; border-left: 1px solid ${SP.gray500}; pointer-events: none; }
.wb-tick > span { position: absolute; top: 2px; left: 3px; font-family: "Source Code Pro", ui-monospace, monospace; font-size: 10px; color: ${SP.gray700}; white-space: nowrap; }
.wb-inout-bar { position: absolute; bottom: 0; height: 5px; background: ${SP.gray600}; border-left: 2px solid ${SP.gray900}; border-right: 2px solid ${SP.gray900}; box-sizing: border-box; pointer-events: none; }
.wb-playhead-head { position: absolute; bottom: 0; width: 0; height: 0; margin-left: -6px; border-left: 6px solid transparent; border-right: 6px solid transparent; border-top: 10px solid ${SP.blue500}; pointer-events: none; }
.wb-holes-row .wb-head { line-height: 12px; }
.wb-holes { position: relative; flex: 1; height: 12px; background: ${SP.gray75}; }
.wb-hole { position: absolute; top: 2px; height: 8px; background: #e34850; }
.wb-ghost { position: absolute; top: 1px; height: 10px; box-sizing: border-box; border: 1px dashed ${SP.gray700}; border-radius: 2px; }
.wb-track { height: 34px; border-bottom: 1px solid ${SP.gray200}; }
.wb-track .wb-head { line-height: 34px; }
.wb-audio { height: 24px; }
.wb-audio .wb-head { line-height: 24px; }
.wb-lane { position: relative; flex: 1; background: ${SP.gray50}; }
.wb-lane-ghost { position: absolute; top: 3px; bottom: 3px; box-sizing: border-box; border: 1px dashed ${SP.gray600}; border-radius: 3px; pointer-events: none; }
.wb-clip { position: absolute; top: 3px; bottom: 3px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-size: 10px; padding: 3px 4px; box-sizing: border-box; border-radius: 3px; color: #fff; border: 1px solid rgba(0,0,0,0.5); cursor: pointer; }
.wb-clip:hover { filter: brightness(1.15); }
.wb-clip.wb-selected { border: 2px solid ${SP.gray900}; box-shadow: 0 0 0 1px ${SP.blue400}; }
.wb-inout-shade { position: absolute; top: 26px; bottom: 0; background: rgba(255,255,255,0.06); pointer-events: none; z-index: 1; }
.wb-playhead { position: absolute; top: 0; bottom: 0; width: 1px; background: ${SP.blue500}; pointer-events: none; z-index: 2; }
.wb-legend { display: flex; flex-direction: row; flex-wrap: wrap; align-items: center; margin: 8px 0 0 0; font-size: 11px; }
.wb-legend > * { margin: 0 12px 4px 0; }
.wb-legend i { display: inline-block; width: 10px; height: 10px; vertical-align: middle; border-radius: 2px; }
.wb-hole-key { border-left: 10px solid #e34850; padding-left: 4px; }
.wb-ghost-key::before { content: ""; display: inline-block; width: 10px; height: 8px; margin-right: 4px; border: 1px dashed ${SP.gray700}; vertical-align: middle; }
.wb-undo { display: flex; flex-direction: row; flex-wrap: wrap; align-items: flex-start; margin: 10px 0 0 0; }
.wb-undo > button { margin: 0 8px 4px 0; }
.wb-history { flex-basis: 100%; font-size: 11px; color: ${SP.gray600}; margin: 4px 0 0 0; padding-left: 18px; }
.wb-card { position: fixed; z-index: 10; box-sizing: border-box; padding: 8px 10px; border-radius: 4px; background: ${SP.gray100}; border: 1px solid ${SP.gray400}; box-shadow: 0 4px 16px rgba(0,0,0,0.5); font-size: 11px; pointer-events: none; }
.wb-card-title { font-weight: 700; font-size: 12px; color: ${SP.gray900}; margin-bottom: 2px; overflow-wrap: anywhere; }
.wb-card-line { color: ${SP.gray700}; }
.wb-card-fields { display: flex; flex-direction: row; flex-wrap: wrap; margin: 6px 0 0 0; }
.wb-card-fields dt { width: 48px; color: ${SP.gray600}; margin: 0 0 3px 0; }
.wb-card-fields dd { width: calc(100% - 48px); margin: 0 0 3px 0; overflow-wrap: anywhere; }
`;
