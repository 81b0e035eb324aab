/**
 * Panel layout as a string (no CSS loader in the UXP bundle). Flexbox only — UXP has no grid — and
 * colours from the host theme variables, so the panel follows Premiere's light and dark themes.
 * The controls themselves are Spectrum widgets in UXP; their browser stand-ins are dressed by the
 * workbench's own sheet (src/workbench/spectrumStandIn.ts), never by this one.
 */
export const PANEL_CSS = `
.cw-panel { display: flex; flex-direction: column; height: 100%; min-width: 280px; font-size: 12px; color: var(--uxp-host-text-color, #ddd); background: var(--uxp-host-background-color, #232323); }
.cw-tabs { display: flex; flex-direction: row; border-bottom: 1px solid var(--uxp-host-border-color, #444); }
.cw-body { flex: 1; overflow-y: auto; padding: 8px; }
.cw-section { display: flex; flex-direction: column; }
.cw-section > * { margin-bottom: 8px; }
.cw-row { display: flex; flex-direction: row; flex-wrap: wrap; align-items: center; }
.cw-row > * { margin-right: 6px; margin-bottom: 4px; }
.cw-tab { flex: 1; }
.cw-chips { display: flex; flex-direction: row; flex-wrap: wrap; }
.cw-chip { margin: 0 4px 4px 0; }
.cw-chip-off { opacity: 0.5; }
.cw-range { display: flex; flex-direction: row; font-size: 11px; }
.cw-range > span, .cw-range > b { margin-right: 8px; white-space: nowrap; }
.cw-muted { opacity: 0.65; }
.cw-ellipsis { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.cw-hint { font-size: 11px; opacity: 0.8; }
.cw-empty { padding: 16px 4px; opacity: 0.75; }
.cw-error { color: #ff7b72; font-size: 11px; }
.cw-notices { display: flex; flex-direction: column; padding: 4px 8px 0 8px; }
.cw-notice { display: flex; flex-direction: row; align-items: flex-start; padding: 4px 6px; margin-bottom: 4px; border-radius: 3px; font-size: 11px; background: rgba(128,128,128,0.15); }
.cw-notice > span { flex: 1; }
.cw-warning { border-left: 3px solid #e8a33c; }
.cw-error.cw-notice, .cw-notice.cw-error { border-left: 3px solid #e34850; color: inherit; }
.cw-info { border-left: 3px solid #2680eb; }
.cw-job { display: flex; flex-direction: column; padding: 6px 0; border-bottom: 1px solid var(--uxp-host-border-color, #3a3a3a); }
.cw-job-head { display: flex; flex-direction: row; align-items: baseline; }
.cw-thumb { width: 64px; height: auto; border-radius: 2px; margin-right: 6px; }
.cw-job-head > * { margin-right: 6px; }
.cw-confirm { display: flex; flex-direction: row; align-items: center; flex-wrap: wrap; padding: 6px; border: 1px solid #e8a33c; border-radius: 3px; }
.cw-confirm > * { margin-right: 6px; }
.cw-shot { display: flex; flex-direction: column; padding: 4px 0; border-bottom: 1px solid var(--uxp-host-border-color, #3a3a3a); }
.cw-key-label { width: 140px; }
.cw-labeled { display: flex; flex-direction: column; }
.cw-labeled.cw-grow { flex: 1; min-width: 120px; }
.cw-label { font-size: 11px; opacity: 0.75; margin-bottom: 2px; }
.cw-plan-row { display: flex; flex-direction: column; padding: 3px 0; border-bottom: 1px solid var(--uxp-host-border-color, #333); }
.cw-run { display: flex; flex-direction: column; margin-bottom: 10px; }
.cw-run-head { border-bottom: 1px solid var(--uxp-host-border-color, #444); padding-bottom: 4px; }
`;
