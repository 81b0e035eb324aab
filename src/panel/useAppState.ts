import { useEffect, useState } from "react";
import type { AppState, CutawayApi } from "../app/api";

/** Anything the app publishes (its state, the bible, the storyboard) as React state, one subscription each. */
export function useSubscribed<S>(source: { getState(): S; subscribe(listener: (s: S) => void): () => void }): S {
  const [state, setState] = useState(source.getState());
  useEffect(() => {
    setState(source.getState());
    return source.subscribe(setState);
  }, [source]);
  return state;
}

/** The app's state as React state: one subscription, re-rendered once per batch of changes. */
export function useAppState(api: CutawayApi): AppState {
  return useSubscribed(api);
}
