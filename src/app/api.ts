/**
 * (Over 300 lines: types only — the whole contract between the panel and the app, kept in one place so neither side guesses.)
 * The app's face towards the panel: everything the UI can read (AppState, via subscribe) and ask
 * for (CutawayApi). The panel imports only this module's types and the facade that implements it.
 * Values here are display-ready (timecodes, seconds as numbers for labels); exact ticks stay inside.
 */

import type { DraftsPatch, PanelDrafts } from "./panelDrafts";

export type { DraftsPatch, FillDraft, PanelDrafts, ScriptDraft } from "./panelDrafts";
import type { BibleApi } from "./bible/bibleApi";
import type { AnimateCostView, StoryboardApi } from "./storyboard/storyboardApi";

export type { AnimateCostView } from "./storyboard/storyboardApi";

export type TargetScope =
  | "playhead" // the gap under the playhead (else a default length at the playhead)
  | "inout" // the sequence in–out range
  | "selection" // selected clips (B-roll over them)
  | "all-gaps" // every picture hole in the sequence
  | "track-gaps" // gaps on one chosen track
  | "markers" // markers of a chosen colour (B-roll under them)
  | "placeholders" // the editor's placeholders (never a clip Cutaway generated)
  | "drafts" // Cutaway's draft slates, upgraded to generated shots
  | "script"; // script text → new shots laid end to end

export type JobKind = "fill-gaps" | "broll" | "replace-placeholders" | "script-to-cut";
/** use cases planned over an existing clip or draft (issue 17): see ShotRequest */
export type GrowKind = "extend" | "bridge" | "conform";
export type RequestKind = JobKind | GrowKind;
export type RunMode = "generate" | "draft" | "dry-run";
export type PlacementMode = "as-they-arrive" | "all-at-once";

export interface TargetItemView {
  readonly id: string;
  readonly label: string;
  readonly startTimecode: string;
  readonly endTimecode: string;
  readonly durationFrames: number;
  readonly durationSeconds: number;
  readonly trackName: string;
}

export interface TargetSummary {
  readonly scope: TargetScope;
  readonly label: string;
  readonly count: number;
  readonly totalSeconds: number;
  readonly items: readonly TargetItemView[];
  /** false with a reason when the scope cannot be used now ("No in/out marked") */
  readonly available: boolean;
  readonly reason?: string;
}

export interface SequenceView {
  readonly name: string;
  readonly rateLabel: string;
  readonly width: number;
  readonly height: number;
  readonly aspect: string;
  readonly videoTrackCount: number;
  readonly playheadTimecode: string;
}

/** A shot as the editor previews and edits it before generating. */
export interface ShotDraft {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  prompt: string;
  negativePrompt: string;
  durationSeconds: number;
  /** where it lands, when known (gaps, transcript ranges) */
  readonly startTimecode?: string;
  readonly endTimecode?: string;
  readonly sceneLabel?: string;
  /** transcript time the shot covers (seconds from the transcript's start): B-roll lands under the words */
  readonly sourceRange?: { readonly startSeconds: number; readonly endSeconds: number };
  /** who the breakdown put in the shot (cue or action) and the scene heading's place: the bible entries it names */
  readonly characters?: readonly string[];
  readonly location?: string;
}

export interface ScriptBreakdownView {
  readonly format: string;
  readonly shots: readonly ShotDraft[];
  readonly notices: readonly string[];
  readonly title?: string;
  /** present when an idea was turned into a script first */
  readonly script?: string;
  /** the characters found, with the script's own description (seeds the bible) */
  readonly cast?: readonly { readonly name: string; readonly description: string }[];
}

export interface GenerateRequest {
  readonly kind: JobKind;
  readonly scope: TargetScope;
  /** track-gaps: which track (0 = V1) */
  readonly trackIndex?: number;
  /** markers: colour index; broll over markers */
  readonly markerColorIndex?: number;
  /** one prompt for every target; empty → derived from context (markers, transcript, neighbours) */
  readonly prompt?: string;
  readonly stylePreset: string;
  /** script-to-cut (and edited previews): the shots to generate, in order */
  readonly shots?: readonly ShotDraft[];
  readonly backend: string;
  readonly model: string;
  readonly takes: number;
  readonly continuity: boolean;
  readonly placement: PlacementMode;
  readonly destination?: "new-sequence" | "playhead";
  readonly sequenceName?: string;
  readonly mode: RunMode;
  /** prompts the editor typed on single plan rows, by target id */
  readonly promptsByTarget?: Readonly<Record<string, string>>;
  /** plan rows the editor left out */
  readonly skipTargetIds?: readonly string[];
  /** only these rows (a short gap drafted as a slate on its own) */
  readonly onlyTargetIds?: readonly string[];
  /** replace-placeholders over storyboard stills: each still is the first frame of its shot (image-to-video) */
  readonly animate?: boolean;
  /** a storyboard on an image model: the video model its Animate step is priced on (default: the backend's first that starts from a frame) */
  readonly animateModel?: string;
  /** keep the sound of models that make it (off by default: B-roll is cut silent) */
  readonly audio?: boolean;
}

export interface EstimateView {
  readonly shots: number;
  readonly takes: number;
  readonly totalSeconds: number;
  readonly usd: number;
  readonly budgetUsd: number | null;
  readonly spentUsd: number;
  /** submitting would pass the budget cap: Generate is refused */
  readonly overBudget: boolean;
  /** above the confirm threshold: the panel asks before spending */
  readonly needsConfirm: boolean;
  readonly summary: string;
}

export interface PlanPreviewItem {
  readonly shotNumber: number;
  /** the target the row came from (rows of a split hole share it) */
  readonly targetId: string;
  readonly name: string;
  readonly prompt: string;
  /** nothing says what this shot should show: the editor is asked before anything is spent */
  readonly needsPrompt: boolean;
  /** the track the clip will land on, "V4 (new)" for a track the edit adds */
  readonly trackName: string;
  readonly startTimecode: string;
  readonly endTimecode: string;
  /** billed seconds (per take) */
  readonly generationSeconds: number;
  /** seconds that end up on the timeline */
  readonly usedSeconds: number;
  /** this row's price, every take */
  readonly costUsd: number;
  readonly newTrack: boolean;
  readonly replaces?: string;
  /** a remark on this shot that does not stop the run ("tops out at 1080p") */
  readonly note?: string;
  /** the range is shorter than the model's shortest clip: a sentence with the cheaper choices */
  readonly shortOfMinimum?: string;
  /** the bible entries this shot uses and the references it sends, or why it sends none */
  readonly bible?: string;
}

export interface PlanPreview {
  /** what happens to generated sound in this run, in a sentence */
  readonly audio?: string;
  /** stills on an image model: what animating them will cost, before either step is spent */
  readonly animate?: AnimateCostView;
  readonly items: readonly PlanPreviewItem[];
  readonly warnings: readonly string[];
  readonly estimate: EstimateView;
}

export type JobStateName = "planned" | "submitted" | "running" | "ready" | "downloaded" | "placed" | "failed" | "cancelled";

export interface JobView {
  readonly id: string;
  readonly requestId: string;
  readonly shotNumber: number;
  readonly take: number;
  readonly name: string;
  readonly prompt: string;
  readonly backend: string;
  readonly model: string;
  readonly state: JobStateName;
  readonly progress: number;
  /** where the shot lands: its timecode and the track its clip is (or will be) on */
  readonly timecode?: string;
  readonly trackName?: string;
  /** billed, or the estimate until the provider says */
  readonly costUsd: number;
  readonly etaSeconds?: number;
  readonly queuePosition?: number;
  /** the provider cannot be reached right now and Cutaway keeps trying: "Waiting for fal.ai" */
  readonly waitingFor?: string;
  /** plain words plus the next step, e.g. "Your fal.ai key was rejected — check it in Settings." */
  readonly error?: { readonly reason: string; readonly message: string };
  readonly mediaPath?: string;
  readonly thumbnailUrl?: string;
  readonly placedClipId?: string;
  /** the bible entries the shot used */
  readonly bibleEntries?: readonly string[];
  readonly takesAvailable: number;
  readonly canCancel: boolean;
  readonly canRetry: boolean;
  readonly canUseTake: boolean;
  /** its clip was on the timeline and is gone (an Undo): it can be placed again where it was planned */
  readonly canPlaceAgain?: boolean;
}

export interface RequestView {
  readonly id: string;
  readonly label: string;
  readonly kind: RequestKind;
  readonly mode: RunMode;
  readonly createdAt: string;
  readonly jobIds: readonly string[];
  readonly done: boolean;
  /** shots and takes in the run, how many are in the bin or on the timeline, how many failed or were cancelled */
  readonly total: number;
  readonly finished: number;
  readonly failed: number;
  readonly costUsd: number;
  readonly canCancel: boolean;
}

export interface Notice {
  readonly id: string;
  readonly level: "info" | "warning" | "error";
  readonly message: string;
}

export interface ProviderView {
  readonly id: string;
  readonly label: string;
  readonly needsKey: boolean;
  readonly hasKey: boolean;
  /** "script": the LLM for script writing, not a video backend */
  readonly purpose?: "script";
  readonly models: readonly { readonly id: string; readonly label: string; readonly pricePerSecondUsd: number; readonly durationsSeconds: readonly number[]; readonly imageToVideo: boolean; readonly textToVideo: boolean; readonly still?: boolean }[];
}

/** Settings as the editor typed them: amounts and counts may come as text ("$50"), read by app/settingsInput.ts. */
export type SettingsPatch = Omit<Partial<SettingsView>, "budgetUsd" | "confirmAboveUsd" | "concurrency" | "wordsPerSecond"> & {
  readonly budgetUsd?: number | string | null;
  readonly confirmAboveUsd?: number | string;
  readonly concurrency?: number | string;
  readonly wordsPerSecond?: number | string;
};

export interface SettingsView {
  readonly defaultBackend: string;
  readonly defaultModel: string;
  readonly mediaFolder: string | null;
  readonly placeholderPatterns: readonly string[];
  readonly defaultStyle: string;
  readonly budgetUsd: number | null;
  readonly confirmAboveUsd: number;
  readonly concurrency: number;
  readonly placement: PlacementMode;
  readonly baseUrls: Readonly<Record<string, string>>;
  /** the ComfyUI workflow (API-format JSON), or null */
  readonly comfyWorkflow: string | null;
  readonly llmModel: string;
  readonly llmBaseUrl: string | null;
  readonly wordsPerSecond: number;
}

export interface AppState {
  readonly ready: boolean;
  readonly sequence: SequenceView | null;
  /** why there is no sequence, or why the host could not be read */
  readonly hostMessage: string | null;
  readonly targets: readonly TargetSummary[];
  readonly requests: readonly RequestView[];
  readonly jobs: readonly JobView[];
  readonly ledger: { readonly spentUsd: number; readonly pendingUsd: number; readonly budgetUsd: number | null };
  readonly notices: readonly Notice[];
  readonly providers: readonly ProviderView[];
  readonly settings: SettingsView;
  readonly stylePresets: readonly string[];
  readonly busy: boolean;
  /** what the editor typed and has not run yet, as last saved */
  readonly drafts: PanelDrafts;
}

/** One take of every shot from this model: a take stack across models */
export interface TakeModel {
  readonly backend: string;
  readonly model: string;
}

interface ShotRequestBase {
  readonly backend: string;
  readonly model: string;
  readonly takes: number;
  /** several takes from different models (take k from takeModels[k-1]); overrides takes */
  readonly takeModels?: readonly TakeModel[];
  readonly prompt?: string;
  readonly placement?: PlacementMode;
  readonly mode: RunMode;
}

export type ShotRequest =
  | (ShotRequestBase & { readonly kind: "extend"; readonly edge: "head" | "tail"; readonly frames: number; readonly clipId?: string })
  | (ShotRequestBase & { readonly kind: "bridge"; readonly scope: "playhead" | "inout" | "all" })
  | (ShotRequestBase & { readonly kind: "conform"; readonly scope: "selection" | "sequence"; /** short side in pixels (720, 1080, 2160); absent: the model's best for the sequence */ readonly resolution?: number });

export interface ShotPlanView extends PlanPreview {
  readonly kind: GrowKind;
  /** drafts left alone, with why ("Already final on Veo 3.1.") */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** models (of every provider) that can make these shots: bridges need first + last frame */
  readonly capableModels: readonly { readonly backend: string; readonly model: string; readonly label: string }[];
}

/** A take of a shot as the take switcher shows it. */
export interface TakeView {
  readonly jobId: string;
  readonly take: number;
  readonly backend: string;
  readonly model: string;
  readonly costUsd: number;
  readonly state: JobStateName;
  readonly active: boolean;
  readonly canUse: boolean;
}

export interface CutawayApi {
  /** the project's cast and look bible (absent in builds without it) */
  readonly bible?: BibleApi;
  /** the storyboard review: approve, edit, regenerate each still (absent in builds without it) */
  readonly storyboard?: StoryboardApi;
  getState(): AppState;
  subscribe(listener: (state: AppState) => void): () => void;
  /** re-read the sequence (host events call this; the panel also calls it on focus) */
  refresh(): Promise<void>;
  /** castOverrides: the editor's description of a character, by name, used in every prompt */
  breakdownScript(text: string, options: { stylePreset: string; format?: string; useLlm?: boolean; castOverrides?: Readonly<Record<string, string>> }): Promise<ScriptBreakdownView>;
  ideaToScript(idea: string, options: { stylePreset: string }): Promise<ScriptBreakdownView>;
  /** the sequence's marker notes as timed text for the script box (B-roll under the markers) */
  scriptFromMarkers(options?: { colorIndex?: number }): Promise<string>;
  /** what will happen, with the cost: nothing is submitted */
  preview(request: GenerateRequest): Promise<PlanPreview>;
  /** runs a request; `confirmed` must be true when the estimate needs confirmation */
  run(request: GenerateRequest, options?: { confirmed?: boolean }): Promise<{ requestId: string; preview: PlanPreview }>;
  cancel(jobId: string): Promise<void>;
  /** cancels every shot of a run that has not finished */
  cancelRun(requestId: string): Promise<void>;
  /** `spendAgain`: the editor accepted the cost of a new create (the refusal names it) */
  retry(jobId: string, options?: { readonly spendAgain?: boolean }): Promise<void>;
  useTake(jobId: string): Promise<void>;
  /** extend / bridge / conform: what will happen, with the cost; nothing is submitted */
  previewShots(request: ShotRequest): Promise<ShotPlanView>;
  runShots(request: ShotRequest, options?: { confirmed?: boolean }): Promise<{ requestId: string; preview: ShotPlanView }>;
  /** the take stack of a generated clip on the timeline (default: the selected one); empty for any other clip */
  takesForClip(clipId?: string): readonly TakeView[];
  /** puts a shot whose clip an Undo took away back where it was planned */
  placeAgain(jobId: string): Promise<void>;
  revealInBin(jobId: string): Promise<void>;
  dismissNotice(id: string): void;
  /** refuses (with the reason) any value it cannot use as typed: nothing is half-saved or reset to a default */
  saveSettings(patch: SettingsPatch): Promise<void>;
  /** keeps the editor's unsent typing (prompt, picks, script, shot list) across tab switches and reloads */
  saveDraft(patch: DraftsPatch): Promise<void>;
  setApiKey(provider: string, key: string | null): Promise<void>;
  testConnection(provider: string): Promise<{ ok: boolean; message: string }>;
}
