/**
 * Style presets as data: the phrase appended to every prompt of a request and what each look
 * should avoid. The ids are what settings store and the panel shows.
 */
export interface StylePreset {
  readonly id: string;
  readonly phrase: string;
  readonly avoid: readonly string[];
}

export const STYLE_PRESETS: readonly StylePreset[] = [
  { id: "none", phrase: "", avoid: [] },
  { id: "documentary handheld", phrase: "documentary style, handheld camera, natural available light, observational framing", avoid: ["staged posing", "glossy commercial lighting"] },
  { id: "cinematic 35mm", phrase: "cinematic, shot on 35mm film, shallow depth of field, soft film grain, motivated lighting", avoid: ["flat video look", "oversharpening"] },
  { id: "drone aerial", phrase: "aerial drone shot, smooth slow flyover, high vantage point, wide landscape", avoid: ["shaky footage", "fisheye distortion"] },
  { id: "product macro", phrase: "macro product shot, studio lighting, clean seamless background, slow slider move", avoid: ["clutter", "fingerprints", "dust"] },
];

export const STYLE_IDS = STYLE_PRESETS.map((s) => s.id);

/** A preset by id; an unknown id is used as free text (the editor typed their own style). */
export function stylePreset(id: string): StylePreset {
  return STYLE_PRESETS.find((s) => s.id === id) ?? { id, phrase: id.trim(), avoid: [] };
}
