import { useEffect, useState } from "react";
import type { AppState, CutawayApi } from "../app/api";

/** The app's state as React state: one subscription, re-rendered once per batch of changes. */
export function useAppState(api: CutawayApi): AppState {
  const [state, setState] = useState(api.getState());
  useEffect(() => {
    setState(api.getState());
    return api.subscribe(setState);
  }, [api]);
  return state;
}
