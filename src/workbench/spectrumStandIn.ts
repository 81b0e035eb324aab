/**
 * The workbench's stand-in for Premiere's built-in Spectrum widgets: the panel's browser fallbacks
 * (`cw-*` classes from src/panel/widgets) dressed as Spectrum dark at size S, so what an editor tries in
 * the browser looks like what the panel shows in Premiere — not browser-default grey controls.
 * Colours are Spectrum's dark-theme palette; sizes follow Spectrum's small scale (24 px controls).
 * Browser-only: it is injected by the workbench page and never reaches the UXP bundle.
 */
const SP = {
  gray50: "#252525",
  gray75: "#2f2f2f",
  gray100: "#323232",
  gray200: "#3e3e3e",
  gray300: "#4a4a4a",
  gray400: "#5a5a5a",
  gray500: "#6e6e6e",
  gray600: "#909090",
  gray700: "#b9b9b9",
  gray800: "#e3e3e3",
  gray900: "#ffffff",
  blue400: "#2680eb",
  blue500: "#378ef0",
  blue600: "#4b9cf5",
  red500: "#ec5b62",
};

const svg = (body: string, box: string): string => `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='${box}'>${body}</svg>`)}")`;
const CHEVRON = svg(`<path d='M1 2.5l3 3 3-3' fill='none' stroke='${SP.gray700}' stroke-width='1.4' stroke-linecap='round' stroke-linejoin='round'/>`, "0 0 8 8");
const CHECK = svg(`<path d='M2 5.2l2 2 4-4.4' fill='none' stroke='${SP.gray75}' stroke-width='1.8' stroke-linecap='round' stroke-linejoin='round'/>`, "0 0 10 10");

export { SP as SPECTRUM_DARK };

export const SPECTRUM_STAND_IN_CSS = `
.cw-panel { font-family: "Adobe Clean", "Source Sans Pro", "Segoe UI", system-ui, sans-serif; color: ${SP.gray800}; }
.cw-panel button, .cw-panel input, .cw-panel select, .cw-panel textarea { font-family: inherit; }
.cw-panel :focus-visible { outline: 2px solid ${SP.blue400}; outline-offset: 2px; }

/* sp-button, size S */
.cw-button { box-sizing: border-box; height: 24px; min-width: 48px; padding: 0 10px; border-radius: 12px; border: 2px solid ${SP.gray700}; background: transparent; color: ${SP.gray700}; font-size: 12px; font-weight: 700; line-height: 20px; cursor: pointer; white-space: nowrap; }
.cw-button:hover:not(:disabled) { background: ${SP.gray700}; color: ${SP.gray50}; }
.cw-button.cw-primary { border-color: ${SP.gray800}; color: ${SP.gray800}; }
.cw-button.cw-primary:hover:not(:disabled) { background: ${SP.gray800}; color: ${SP.gray50}; }
.cw-button.cw-cta { background: ${SP.blue500}; border-color: ${SP.blue500}; color: ${SP.gray900}; }
.cw-button.cw-cta:hover:not(:disabled) { background: ${SP.blue600}; border-color: ${SP.blue600}; color: ${SP.gray900}; }
.cw-button.cw-warning { border-color: ${SP.red500}; color: ${SP.red500}; }
.cw-button.cw-quiet { border-color: transparent; }
.cw-button.cw-quiet:hover:not(:disabled) { background: ${SP.gray200}; color: ${SP.gray800}; }
.cw-button:disabled { background: ${SP.gray200}; border-color: ${SP.gray200}; color: ${SP.gray500}; cursor: default; }
.cw-button.cw-quiet:disabled { background: transparent; border-color: transparent; }
/* a Spectrum button is as wide as its label, also alone in a column */
.cw-section > .cw-button, .cw-section > .cw-action { align-self: flex-start; }

/* sp-action-button, size S (scope chips, tabs) */
.cw-action { box-sizing: border-box; height: 24px; padding: 0 8px; border-radius: 4px; border: 1px solid ${SP.gray400}; background: ${SP.gray75}; color: ${SP.gray800}; font-size: 12px; cursor: pointer; white-space: nowrap; }
.cw-action:hover:not(:disabled) { background: ${SP.gray50}; border-color: ${SP.gray500}; color: ${SP.gray900}; }
.cw-action.cw-selected { background: ${SP.blue400}; border-color: ${SP.blue400}; color: ${SP.gray900}; }
.cw-action.cw-selected:hover { background: ${SP.blue500}; border-color: ${SP.blue500}; }
.cw-action.cw-quiet { background: transparent; border-color: transparent; }
.cw-action:disabled { color: ${SP.gray500}; border-color: ${SP.gray200}; cursor: default; }
.cw-action b { margin-left: 2px; }

/* sp-tabs look for the panel's tab row: quiet, with a selection indicator */
.cw-tabs { padding: 0 6px; border-bottom: 2px solid ${SP.gray300}; }
.cw-action.cw-tab { height: 32px; border: none; border-radius: 0; background: transparent; color: ${SP.gray700}; font-size: 12px; margin-bottom: -2px; border-bottom: 2px solid transparent; }
.cw-action.cw-tab:hover { background: transparent; color: ${SP.gray900}; }
.cw-action.cw-tab.cw-selected { background: transparent; color: ${SP.gray900}; border-bottom-color: ${SP.gray900}; font-weight: 700; }
.cw-action.cw-x { height: 20px; padding: 0 6px; font-size: 14px; }

/* sp-textfield / sp-textarea */
.cw-field { box-sizing: border-box; min-height: 24px; padding: 3px 7px; border-radius: 4px; border: 1px solid ${SP.gray400}; background: ${SP.gray50}; color: ${SP.gray800}; font-size: 12px; }
.cw-field::placeholder { color: ${SP.gray600}; font-style: italic; }
.cw-field:hover { border-color: ${SP.gray500}; }
.cw-field:focus { outline: none; border-color: ${SP.blue400}; box-shadow: 0 0 0 1px ${SP.blue400}; }
input.cw-field, textarea.cw-field { width: 100%; }
textarea.cw-field { line-height: 1.4; resize: vertical; }
.cw-row input.cw-field { width: auto; flex: 1; min-width: 80px; }

/* sp-picker, size S */
select.cw-picker { appearance: none; -webkit-appearance: none; height: 24px; padding: 0 24px 0 8px; background: ${SP.gray75} ${CHEVRON} no-repeat right 8px center / 9px 9px; font-style: normal; cursor: pointer; max-width: 100%; }
select.cw-picker:hover { background-color: ${SP.gray50}; }
select.cw-picker option { background: ${SP.gray75}; color: ${SP.gray800}; }

/* sp-checkbox */
.cw-check { display: flex; flex-direction: row; align-items: center; color: ${SP.gray800}; font-size: 12px; cursor: pointer; }
input.cw-checkbox { appearance: none; -webkit-appearance: none; box-sizing: border-box; width: 14px; height: 14px; margin: 0 8px 0 0; border-radius: 2px; border: 2px solid ${SP.gray700}; background: transparent; cursor: pointer; }
input.cw-checkbox:hover { border-color: ${SP.gray800}; }
input.cw-checkbox:checked { background: ${SP.gray800} ${CHECK} no-repeat center / 10px 10px; border-color: ${SP.gray800}; }

/* sp-progressbar, size S */
.cw-progress { height: 4px; border-radius: 2px; overflow: hidden; background: ${SP.gray300}; }
.cw-progress > div { height: 4px; border-radius: 2px; background: ${SP.blue500}; }

/* sp-heading XXS, sp-body XS, sp-divider S */
.cw-heading { font-size: 12px; font-weight: 700; color: ${SP.gray900}; margin: 8px 0 2px 0; }
.cw-detail { font-size: 11px; line-height: 1.4; color: ${SP.gray700}; }
.cw-divider { border: none; border-top: 1px solid ${SP.gray300}; margin: 4px 0; }
`;
