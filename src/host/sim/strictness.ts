/**
 * Each way real Premiere 26.x is hard on a plugin, as a named switch of the stand-in. Every switch
 * defaults to the strict (Premiere-like) behaviour and every test runs strict; turning one off is
 * only for showing what a forgiving stand-in used to hide.
 */
export interface SimStrictness {
  /** titles and graphics answer no project item; an adjustment layer's ClipProjectItem.cast answers null */
  readonly clipsWithoutProjectItem: boolean;
  /** host objects (tracks, track items, project items) read before a commit throw after it */
  readonly staleObjectsAfterCommit: boolean;
  /** one new video and one new audio track per transaction; several actions aimed at the same new index fail together */
  readonly oneNewTrackPerTransaction: boolean;
  /** a still overwrite lays down the default still duration first (cutting what lies there), then trims to its in/out */
  readonly stillsTakeDefaultDurationFirst: boolean;
  /** metadata packets lack the premierePrivateProjectMetaData declaration when empty and carry fields as attributes */
  readonly metadataPacketQuirks: boolean;
  /** imported items appear in their bin only this long (ms, sim clock) after importFiles answers */
  readonly importDelayMs: number;
  /** Premiere reports media paths the way the OS spells them: Windows separators, the file system's case */
  readonly windowsPaths: boolean;
  /** createSequence uses the default preset (1080p 29.97) and leaves the old sequence active */
  readonly createSequenceDefaultPreset: boolean;
  /** exportSequenceFrame answers true at once; the file lands this long (ms, sim clock) later */
  readonly exportFrameDelayMs: number;
  /** source in/out snap down to the media's own frame grid */
  readonly sourceSnapsToMediaFrames: boolean;
  /** the global SELECTION_CHANGED event never fires (seen in Premiere); a selection or playhead change fires nothing */
  readonly selectionEventSilent: boolean;
  /** another project coming forward fires no event (whether Premiere fires ProjectEvent ACTIVATED then is not documented) */
  readonly projectEventSilent: boolean;
}

export const STRICT: SimStrictness = {
  clipsWithoutProjectItem: true,
  staleObjectsAfterCommit: true,
  oneNewTrackPerTransaction: true,
  stillsTakeDefaultDurationFirst: true,
  metadataPacketQuirks: true,
  importDelayMs: 3_500,
  windowsPaths: true,
  createSequenceDefaultPreset: true,
  exportFrameDelayMs: 1_200,
  sourceSnapsToMediaFrames: true,
  selectionEventSilent: true,
  projectEventSilent: true,
};

/** The message real Premiere gives for an object used after the commit that invalidated it. */
export const STALE_OBJECT = "script object is no longer valid";
