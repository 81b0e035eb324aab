/**
 * script: breakdown (parse + shots + prompts) of a 120-page screenplay built from real-shaped scenes,
 * with issue 15's quality counters (goal 0 each) on the project's own long screenplay fixture.
 */
import { breakdownText } from "../../src/script/breakdown";
import { KEEPERS_DAUGHTER, KEEPERS_DAUGHTER_CAST, quality } from "../script/fixtures/quality";
import { timeMedian } from "./stats";

const SCENES = [
  `INT. LIGHTHOUSE LAMP ROOM - NIGHT

ELENA (70s, silver braid, oilskin coat) polishes the great lens. The beam sweeps the dark sea.

She checks the logbook. Her hand lingers on the page.

TOMAS
They'll switch you off at midnight.

ELENA
(not looking up)
They'll switch the lamp off. Not me.
`,
  `EXT. HARBOUR - NORTH PIER - DAWN

Fog rolls off the water. Gulls wheel over *rusting* trawlers. [[drone if budget allows]]

NADIA (V.O.)
I swore I'd never come back.

SAM
Nadia? Is that you?

NADIA ^
Hello, Sam.

CUT TO:
`,
  `INT. CHANDLERY - DAY

Rope, brass, tins of paint. SAM (50s, patient hands) sorts shackles by size while the radio mutters the shipping forecast.

NADIA
You kept everything.

SAM
Someone had to.

He slides a key across the counter. She turns it over, _slowly_.

/* alternate: she refuses the key */

> FADE TO BLACK.
`,
];

/** ~55 lines a page */
export function screenplay(pages: number): string {
  const parts = ["Title: The Harbour\nAuthor: Bench\n\n"];
  let lines = 0;
  for (let i = 0; lines < pages * 55; i++) {
    const s = SCENES[i % SCENES.length]!;
    parts.push(s, "\n");
    lines += s.split("\n").length + 1;
  }
  return parts.join("");
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const text = screenplay(120);
  let shots = 0;
  const ms = await timeMedian(15, () => {
    shots = breakdownText(text, { style: "cinematic 35mm", maxPromptChars: 1000 }).shots.length;
  });
  const fixture = breakdownText(KEEPERS_DAUGHTER, { style: "cinematic 35mm", maxPromptChars: 1000 });
  const q = quality(KEEPERS_DAUGHTER, fixture, KEEPERS_DAUGHTER_CAST);
  return [{ bench: "script.breakdown", n: 120, median_ms: ms, pages: 120, chars: text.length, shots, target_ms: 50, fixture_shots: fixture.shots.length, ...q }];
}
