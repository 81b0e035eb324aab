/**
 * Numbers the editor types into Settings: a budget, the amount above which Cutaway asks first, how
 * many shots render at once, narration speed. A value Cutaway cannot read unambiguously is refused
 * with a sentence saying what to type — never turned into "no cap" or a default.
 */
import { CutawayError } from "../core/errors";
import type { SettingsPatch, SettingsView } from "./api";

/** beyond this an amount is a typo, not a cap */
const MAX_USD = 1_000_000;
export const MAX_CONCURRENCY = 16;

/** The patch with every number read, or a CutawayError("bad_setting") that says what to type. */
export function readSettingsInput(input: SettingsPatch): Partial<SettingsView> {
  const { budgetUsd, confirmAboveUsd, concurrency, wordsPerSecond, ...rest } = input;
  const out: { -readonly [K in keyof SettingsView]?: SettingsView[K] } = { ...rest };
  if (budgetUsd !== undefined) {
    out.budgetUsd = budgetUsd === null || (typeof budgetUsd === "string" && budgetUsd.trim() === "") ? null : amount(budgetUsd, "The monthly budget", "type 0 to stop all spending, or leave it empty for no cap");
  }
  if (confirmAboveUsd !== undefined) out.confirmAboveUsd = amount(confirmAboveUsd, "“Ask above”", "type 0 to be asked before every paid run");
  if (concurrency !== undefined) {
    const n = number(concurrency);
    if (n === null || !Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) throw bad(`Shots at once must be a whole number from 1 to ${MAX_CONCURRENCY}, not “${String(concurrency)}”.`);
    out.concurrency = n;
  }
  if (wordsPerSecond !== undefined) {
    const n = number(wordsPerSecond);
    if (n === null || n < 0.5 || n > 6) throw bad(`Narration speed must be between 0.5 and 6 words per second (2.5 is typical), not “${String(wordsPerSecond)}”.`);
    out.wordsPerSecond = n;
  }
  return out;
}

/**
 * Dollars as typed: 50, "50", "$50", "2.50", "$1,000", "1,000.50". A comma with no point and no
 * dollar sign ("1,000", "1,5") is refused: it reads as a thousands separator in one locale and a
 * decimal comma in another, and guessing wrong moves a cap by a factor of a thousand.
 */
export function parseUsd(value: number | string): number | "ambiguous" | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  let s = value.trim().replace(/\s*(usd|US\$)$/i, "");
  const dollar = s.startsWith("$");
  if (dollar) s = s.slice(1).trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s) || (dollar && /^\d{1,3}(,\d{3})+$/.test(s))) return Number(s.replace(/,/g, ""));
  if (/^\d[\d,]*$/.test(s) && s.includes(",")) return "ambiguous";
  return null;
}

function amount(value: number | string, what: string, hint: string): number {
  const shown = String(value).trim();
  const n = parseUsd(value);
  if (n === "ambiguous") throw bad(`${what} “${shown}” is ambiguous (a thousands separator or a decimal comma?); type it in dollars with a point for cents, like 1000 or 2.50.`);
  if (n === null) throw bad(`${what} must be an amount in dollars, like 50 or 2.50, not “${shown}”; ${hint}.`);
  if (n < 0) throw bad(`${what} cannot be negative (“${shown}”); ${hint}.`);
  if (n > MAX_USD) throw bad(`${what} of $${shown.replace(/^\$/, "")} is more than Cutaway can hold to; type an amount up to $${MAX_USD.toLocaleString("en-US")}.`);
  return Math.round(n * 100) / 100;
}

function number(value: number | string): number | null {
  const n = typeof value === "number" ? value : /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function bad(message: string): CutawayError {
  return new CutawayError("bad_setting", message);
}
