/**
 * Saves what the editor types into the app's preferences (not the DOM), a quarter second after the
 * last keystroke and at once when the tab closes, so a tab switch or a reload finds it again.
 */
import { useCallback, useEffect, useRef } from "react";
import type { CutawayApi, DraftsPatch } from "../app/api";

export function useDraftSaver(api: CutawayApi, delayMs = 250): (patch: DraftsPatch) => void {
  const pending = useRef<{ fill?: Record<string, unknown>; script?: Record<string, unknown> }>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback((): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const p = pending.current;
    pending.current = {};
    if (p.fill || p.script) void api.saveDraft(p as DraftsPatch);
  }, [api]);
  useEffect(() => flush, [flush]);
  return useCallback(
    (patch: DraftsPatch): void => {
      const p = pending.current;
      pending.current = { ...(p.fill || patch.fill ? { fill: { ...p.fill, ...patch.fill } } : {}), ...(p.script || patch.script ? { script: { ...p.script, ...patch.script } } : {}) };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );
}
