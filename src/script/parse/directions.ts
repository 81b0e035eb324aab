/**
 * Lines in capitals that are structure, not pictures: Fountain transitions ("CUT TO:") and the
 * editorial directions scripts also write ("FADE IN:", "INTERCUT WITH:", "TITLE OVER: ...").
 */

export function isShouting(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

const NATURAL_TRANSITION_RE = /^(?:.*TO:|FADE OUT\.?|FADE TO BLACK\.?|CUT TO BLACK\.?)$/;

export function isTransitionLine(t: string): boolean {
  return isShouting(t) && NATURAL_TRANSITION_RE.test(t);
}

// Editorial directions that show nothing themselves: "FADE IN:", "INTERCUT WITH:", "TITLE OVER: ...".
const DIRECTION_RE =
  /^(?:FADE (?:IN|OUT|UP|TO BLACK|TO WHITE)(?: FROM BLACK)?|INTERCUT(?: WITH| BETWEEN)?|(?:MAIN |OPENING |END )?TITLES?(?: CARD| SEQUENCE)?(?: OVER| UP| IN)?|SUPER(?:IMPOSED?)?|SUPERTITLE|CHYRON|CAPTION|BACK TO(?: SCENE| PRESENT| THE PRESENT)?|END (?:OF )?(?:FLASH ?BACK|MONTAGE|INTERCUT|DREAM(?: SEQUENCE)?|SEQUENCE|SERIES OF SHOTS)|(?:BEGIN |START )?MONTAGE|SERIES OF SHOTS|OVER BLACK|BLACK SCREEN|IN BLACK|THE END|(?:OPENING |END |CLOSING )?CREDITS(?: ROLL)?|CONTINUED|\(?CONTINUED\)?|\(?MORE\)?)(?:\s*[:.\-\u2013\u2014]\s*(?:.*))?$/;

/** A direction line (all in capitals up to any colon) that is not a picture. */
export function isDirectionLine(t: string): boolean {
  if (!DIRECTION_RE.test(t)) return false;
  const colon = t.search(/[:\-\u2013\u2014]/);
  return isShouting(colon > 0 ? t.slice(0, colon) : t);
}
