/** Screenplay-shaped fixtures shared by the parser tests. */

export const SCREENPLAY = `Title: **THE HARBOUR**
    _A short film_
Credit: Written by
Author: Mira Okafor
Draft date: 1 March 2025
Contact:
    Okafor Films
    12 Quay Street

# ACT ONE

## Morning

= Nadia returns to the harbour she left twenty years ago.

EXT. HARBOUR - NORTH PIER - DAWN #1A#

Fog rolls off the water. Gulls wheel over *rusting* trawlers.
A lone figure walks the pier. [[Drone shot if budget allows]]

NADIA (V.O.)
I swore I'd never come back.

~Down by the water, the old boats sing
~Of every storm and every spring

.FLASHBACK - HARBOUR - 1999

!THE SAME PIER, twenty years younger.

/* Cut for time:
INT. CHANDLERY - DAY
SAM sorts rope.
*/

INT./EXT. NADIA'S CAR - CONTINUOUS

NADIA (CONT'D)
(to herself)
Twenty years.
(beat)
Still smells like diesel.

SAM
Nadia? Is that you?

NADIA ^
Hello, Sam.

CUT TO:

int. chandlery - night

@McCLANE
Who's asking?

> THE END <

> FADE TO BLACK.

===

I/E. HARBOUR OFFICE - DAY

Sam hands her a key. \\*Not\\* the one she expected. She turns it over, _slowly_.

EST. FISHING VILLAGE - MORNING
`;

export const SRT = `1
00:00:01,000 --> 00:00:04,000
Welcome back to the harbour.

2
00:00:04,500 --> 00:00:07,250
<i>The fog lifts by nine.</i>
Then the boats go out.

3
00:01:02,003 --> 00:01:05,000
SAM: Nadia? Is that you?
`;

export const VTT = `WEBVTT - Harbour interview
Kind: captions

NOTE This cue was re-timed
by the editor.

STYLE
::cue { color: yellow; }

intro
00:01.000 --> 00:04.000 align:start position:10%
<v Nadia>I swore I'd <b>never</b> come back.</v>

00:00:04.500 --> 00:00:07.250
<v.loud Sam Harris>Nadia? Is that &amp; you?

00:08.000 --> 00:09.500
Gulls cry overhead.
`;

export const PREMIERE_JSON = JSON.stringify({
  language: "en-us",
  segments: [
    {
      start: 1.2,
      duration: 3.4,
      speaker: "7d1f0a2e-0000-4c1e-9b1e-1a2b3c4d5e6f",
      words: [
        { text: "Hello", start: 1.2, duration: 0.3, eos: false, type: "word", confidence: 0.99 },
        { text: ",", start: 1.5, duration: 0, eos: false, type: "punctuation" },
        { text: "harbour", start: 1.6, duration: 0.5, eos: false, type: "word" },
        { text: ".", start: 2.1, duration: 0, eos: true, type: "punctuation" },
      ],
    },
    {
      start: 5.0,
      duration: 2.0,
      speaker: "unknown-speaker",
      words: [{ text: "Bye", start: 5.0, duration: 0.4, eos: true }],
    },
  ],
  speakers: [{ id: "7d1f0a2e-0000-4c1e-9b1e-1a2b3c4d5e6f", name: "Speaker 1" }],
});

export const SHOT_LIST = `1. Wide of harbour at dawn (4s)
2) Close on Nadia's hands on the rail (2.5 sec)
Shot 3: Gulls over the trawlers [00:04]
4. Slow push in on the chandlery sign (1:30)
5. Drone pull-back over the village (4 s)
6. Insert: the key`;
