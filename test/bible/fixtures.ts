/** A Fountain scene with two characters and one location, as the done-when of issue 16 asks. */
import { parseFountain } from "../../src/script/parse/fountain";
import { breakdownDocument } from "../../src/script/shots/fromDocument";

export const CAFE_SCENE = `INT. HARBOUR CAFÉ - NIGHT

MARA (60s, weathered, red scarf) wipes the counter. Rain streaks the window.

JONAH enters, soaked, and sits at the bar.

MARA
We're closed.

JONAH
Not for me.

Mara pours him a coffee anyway.
`;

export function cafeBreakdown() {
  return breakdownDocument(parseFountain(CAFE_SCENE));
}
