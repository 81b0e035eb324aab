/**
 * A value the panel asks the app for again (debounced) whenever `key` changes — a plan and its cost,
 * nothing submitted. A refusal becomes `problem`, the sentence the panel shows instead.
 */
import { useEffect, useState } from "react";

export function useLiveValue<T>(load: () => Promise<T>, key: string, enabled = true): { value: T | null; problem: string | null } {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const t = setTimeout(() => {
      load().then(
        (v) => live && (setValue(v), setProblem(null)),
        (e: unknown) => live && (setValue(null), setProblem(e instanceof Error ? e.message : String(e))),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, enabled]);
  return { value, problem };
}
