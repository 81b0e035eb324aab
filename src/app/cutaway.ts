/**
 * (Over 300 lines: the one facade that wires every use case; their logic lives in the modules it imports.)
 * The app facade the panel talks to: wires timeline analysis, planning, the job engine and the
 * editor host into the editor's use cases, and keeps one observable state. Every entry point turns
 * failures into a notice with a sentence; none of them throws a half edit at the panel.
 */
import { imageTypeOf } from "../core/bytes/imageType";
import { CutawayError } from "../core/errors";
import { LLM_KEY_ID, type ScriptService, type ScriptServiceOptions } from "./scriptPort";
import { settingsView } from "./settingsView";
import { providerViews, scriptOptionsFor } from "./providerViews";
import type { SequenceSnapshot } from "../core/timeline";
import type { GenerationBackend } from "../backends/types";
import { JobEngine } from "../jobs/engine";
import { nextShotNumber as nextJobShotNumber } from "../jobs/jobRecord";
import { Journal } from "../jobs/journal";
import type { AppState, CutawayApi, GenerateRequest, PlanPreview, ProviderView, ScriptBreakdownView, SettingsView } from "./api";
import { jobView, runView } from "./jobViews";
import { ResumeNotice } from "./resumeNotice";
import { BudgetExceeded, ConfirmationRequired, messageOf, notice } from "./notices";
import { nextShotNumber, refuseUnprompted } from "./shotNumbers";
import { EMPTY_DRAFTS, mergeDrafts } from "./panelDrafts";
import { KeyChecks } from "./keyChecks";
import { setApiKey, testConnection, type KeyActionsContext } from "./keyActions";
import { SettingsNotices } from "./settingsNotices";
import { Observable } from "./observable";
import type { BackendCatalog, Clock, EditorHost, FileStore, ImagePicker, SecretStore, SettingsStore } from "./ports";
import { RequestLog } from "./requestLog";
import { markersAsSrt } from "./markersScript";
import { Arrivals } from "./run/arrivals";
import { offTimeline } from "./run/timelineCheck";
import { startHostPoll } from "./hostPoll";
import { planRequest } from "./run/planRequest";
import { startRequest } from "./run/startRequest";
import { workflowProblem } from "../backends/comfyui/workflow";
import { readSettingsInput } from "./settingsInput";
import { apiKeyName, loadSettings, mergeSettings, settingsPatchProblem, STYLE_PRESETS, type Settings, DEFAULT_SETTINGS } from "./settings";
import { placeholderRules, targetSummaries } from "./targets";
import { sequenceView } from "./views";
import { createGrowing } from "./grow/growing";
import { selectedGeneratedClip, takesOfClip } from "./grow/takes";
import { BibleService } from "./bible/bibleService";
import { ProjectDocuments } from "./projectDocuments";
import { LatestReads } from "./latestReads";
import { BackendClients } from "./backendClients";
import type { BibleApi } from "./bible/bibleApi";
import { StoryboardService } from "./storyboard/storyboardService";
import type { StoryboardApi } from "./storyboard/storyboardApi";

export { LLM_KEY_ID, type ScriptService, type ScriptServiceOptions } from "./scriptPort";

export interface AppDeps {
  readonly host: EditorHost;
  readonly files: FileStore;
  readonly secrets: SecretStore;
  readonly settings: SettingsStore;
  readonly clock: Clock;
  readonly backends: BackendCatalog;
  readonly script?: ScriptService;
  /** false: the backends are stand-ins that render in seconds, so models' real render times would only slow them */
  readonly renderPriors?: boolean;
  /** re-read the timeline while the panel is visible (host events alone are not enough); the entries set it */
  readonly hostPoll?: { readonly everyMs: number; readonly visible: () => boolean };
  /** the open dialog for a reference image, where the host has one */
  readonly imagePicker?: ImagePicker;
}

export interface Cutaway extends CutawayApi {
  start(): Promise<void>;
  dispose(): Promise<void>;
  /** for tests and the workbench: the engine underneath */
  readonly engine: JobEngine;
  /** resolves when every placement queued so far has run */
  idle(): Promise<void>;
  /** the project's cast and look bible (issue 16) */
  readonly bible: BibleApi;
  /** the storyboard review: approvals and edited prompts of the stills (issue 16) */
  readonly storyboard: StoryboardApi;
}

/** How long placement waits for shots that finish together, so they land as one batch (one prep, one edit step). */
const GATHER_MS = 300;

export function createCutaway(deps: AppDeps): Cutaway {
  let settings: Settings = DEFAULT_SETTINGS;
  const keys = new Map<string, string>();
  let snapshot: SequenceSnapshot | null = null;
  /** jobs the log says are placed whose clips the timeline no longer holds */
  let gone: ReadonlySet<string> = new Set();
  let unsubscribeHost: (() => void) | null = null;
  let draftWrites: Promise<void> = Promise.resolve();
  let stopPoll: (() => void) | null = null;

  const clients = new BackendClients(deps.backends, () => settings, keys);
  const backend = (id: string): GenerationBackend | null => clients.get(id);
  const capsOf = (id: string) => clients.capabilities(id);

  const mediaFolder = async (): Promise<string> => {
    if (settings.mediaFolder) return settings.mediaFolder;
    const project = await deps.host.projectFolder().catch(() => null);
    return project ? deps.files.join(project, "Cutaway Media") : deps.files.join(await deps.files.dataFolder(), "Cutaway Media");
  };

  const engine = new JobEngine({
    backend,
    files: deps.files,
    journal: new Journal(deps.files),
    clock: deps.clock,
    mediaFolder,
    readImage: async (path) => {
      const bytes = await deps.files.read(path);
      // bible references may be JPEG files the editor picked; frames Cutaway exports are PNG
      return { bytes, mimeType: imageTypeOf(bytes)?.mimeType ?? "image/png" };
    },
    budgetCapUsd: () => settings.budgetUsd,
    concurrency: () => settings.concurrency,
    ...(deps.renderPriors === false ? { renderPriors: false } : {}),
  });
  let log: RequestLog | null = null;
  const requests = (): RequestLog => {
    if (!log) throw new CutawayError("not_started", "Cutaway is still starting.");
    return log;
  };

  const state = new Observable<AppState>({
    ready: false,
    sequence: null,
    hostMessage: null,
    targets: [],
    requests: [],
    jobs: [],
    ledger: { spentUsd: 0, pendingUsd: 0, budgetUsd: null },
    notices: [],
    providers: [],
    settings: settingsView(DEFAULT_SETTINGS),
    stylePresets: [...STYLE_PRESETS],
    busy: false,
    drafts: EMPTY_DRAFTS,
  });

  const say = (level: "info" | "warning" | "error", message: string): void => state.update((s) => ({ ...s, notices: [...s.notices.slice(-9), notice(level, message)] }));

  const scriptOptions = (stylePreset: string): ScriptServiceOptions => scriptOptionsFor(deps.backends, settings, keys, stylePreset);
  const providers = (): ProviderView[] => providerViews(deps.backends, capsOf, keys, deps.script !== undefined);

  const publishJobs = (): void => {
    const ledger = engine.ledger.summary();
    const jobs = engine
      .list()
      .sort((a, b) => a.createdAt - b.createdAt || a.request.shotNumber - b.request.shotNumber || a.take - b.take)
      .map((j) => jobView(j, log?.get(j.requestId), snapshot, gone));
    resuming.settle(jobs);
    state.update((s) => ({
      ...s,
      jobs,
      requests: (log?.all() ?? []).map((r) => runView(r, jobs)),
      ledger: { spentUsd: Math.round(ledger.monthUsd * 100) / 100, pendingUsd: 0, budgetUsd: settings.budgetUsd },
    }));
  };

  const resuming = new ResumeNotice({ say: (n) => state.update((s) => ({ ...s, notices: [...s.notices.slice(-9), n] })), dismiss: (id) => state.update((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) })) });
  const arrivals = new Arrivals({ host: deps.host, engine, requests, say, onPlaced: publishJobs, refresh: () => refresh(), gather: () => deps.clock.sleep(GATHER_MS) });
  const bible = new BibleService({ host: deps.host, files: deps.files, clock: deps.clock, mediaFolder, say, ...(deps.imagePicker ? { picker: deps.imagePicker } : {}) });
  const storyboard = new StoryboardService({
    files: deps.files, clock: deps.clock, projectFolder: () => deps.host.projectFolder(), say, snapshot: currentSnapshot, bible, placement: () => settings.placement,
    run: (r, o) => api.run(r, o),
    shotNumberOf: (p) => engine.get(p.jobId)?.request.shotNumber,
    makesStills: (b, m) => deps.backends.ids().includes(b) && capsOf(b).models.find((x) => x.id === m)?.still === true,
  });
  const documents = new ProjectDocuments(() => deps.host.projectFolder(), [bible, storyboard], say);

  /** characters and places a breakdown found join the bible (the editor's own entries are left as they are) */
  const seedBible = async (view: ScriptBreakdownView): Promise<void> => {
    const added = await bible.seedFromBreakdown(view).catch((e: unknown) => (say("warning", messageOf(e)), 0));
    if (added) say("info", `${added} new character${added === 1 ? "" : "s"} and place${added === 1 ? "" : "s"} joined the bible; add a description or a reference frame in the Bible tab.`);
  };

  const reads = new LatestReads<SequenceSnapshot>();
  const read = (): Promise<SequenceSnapshot | null> =>
    reads.read(
      () => deps.host.snapshot(),
      async (s) => {
        snapshot = s;
        // the timeline is the truth: a clip an Undo took away is not claimed to be on it
        gone = offTimeline(s, log?.all() ?? []);
        await documents.check();
        state.update((st) => ({ ...st, sequence: sequenceView(s), hostMessage: null, targets: targetSummaries(s, placeholderRules(settings.placeholderPatterns)) }));
        storyboard.see(s);
        // the Jobs rows name the track each clip is on now
        publishJobs();
      },
      (e) => {
        snapshot = null;
        storyboard.see(null);
        state.update((st) => ({ ...st, sequence: null, targets: [], hostMessage: messageOf(e) }));
      },
    );

  async function refresh(): Promise<void> {
    await read();
  }

  async function currentSnapshot(): Promise<SequenceSnapshot> {
    const s = await read();
    if (!s) throw new CutawayError("no_sequence", state.get().hostMessage ?? "No sequence is open.");
    return s;
  }

  function plan(s: SequenceSnapshot, request: GenerateRequest) {
    const backendId = request.mode === "draft" ? "slate" : request.backend;
    if (!deps.backends.ids().includes(backendId)) throw new CutawayError("unknown_backend", `The backend "${backendId}" is not available. Pick another in the panel.`);
    const caps = capsOf(backendId);
    const r = request.mode === "draft" ? { ...request, backend: "slate", model: caps.models[0]?.id ?? "slate", takes: 1 } : request;
    return { request: r, planned: planRequest({ snapshot: s, request: r, capabilities: caps, rules: placeholderRules(settings.placeholderPatterns), spentUsd: engine.ledger.summary().monthUsd, budgetUsd: settings.budgetUsd, confirmAboveUsd: settings.confirmAboveUsd, bible: bible.current(), storyboard: storyboard.review(), firstShotNumber: Math.max(nextShotNumber(log?.all() ?? []), nextJobShotNumber(engine.list())) }) };
  }

  const growing = createGrowing({
    ctx: { capabilities: capsOf, backendIds: () => deps.backends.ids(), jobRequest: (id) => engine.get(id)?.request, spentUsd: () => engine.ledger.summary().monthUsd, budgetUsd: () => settings.budgetUsd, confirmAboveUsd: () => settings.confirmAboveUsd, firstShotNumber: () => Math.max(nextShotNumber(log?.all() ?? []), nextJobShotNumber(engine.list())), bible: () => bible.current() },
    snapshot: currentSnapshot,
    start: () => ({ host: deps.host, engine, log: requests(), files: deps.files, clock: deps.clock, mediaFolder, refreshSnapshot: currentSnapshot, say }),
    placementMode: () => settings.placement,
    checkKey: (id) => clients.requireKey(id),
  });

  const settingsNotices = new SettingsNotices({ get: () => state.get().notices, drop: (ids) => state.update((s) => ({ ...s, notices: s.notices.filter((n) => !ids.has(n.id)) })) });
  const keyChecks = new KeyChecks({ backends: deps.backends, script: deps.script, llmKeyId: LLM_KEY_ID, settings: () => settings, options: () => scriptOptions(settings.defaultStyle) });

  const keyActions: KeyActionsContext = { secrets: deps.secrets, keys, clients, checks: keyChecks, notices: settingsNotices, say, providersChanged: () => state.update((s) => ({ ...s, providers: providers() })) };

  async function guarded<T>(fn: () => Promise<T>, fromSettings = false): Promise<T> {
    state.update((s) => ({ ...s, busy: true }));
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ConfirmationRequired)) say(e instanceof CutawayError && e.code === "nothing_to_do" ? "info" : "error", messageOf(e));
      if (fromSettings) settingsNotices.markLatest();
      throw e;
    } finally {
      state.update((s) => ({ ...s, busy: false }));
    }
  }

  const api: Cutaway = {
    engine,
    bible,
    storyboard,
    idle: () => arrivals.whenIdle(),
    async start() {
      settings = await loadSettings(deps.settings);
      for (const id of [...deps.backends.ids(), ...(deps.script ? [LLM_KEY_ID] : [])]) {
        const k = await deps.secrets.get(apiKeyName(id)).catch(() => null);
        if (k) keys.set(id, k);
      }
      log = new RequestLog(deps.files, deps.files.join(await deps.files.dataFolder(), "requests.json"));
      for (const m of await log.load()) say("warning", m);
      engine.subscribe((j) => {
        publishJobs();
        arrivals.onJob(j);
      });
      const { resumed, notice: journalNotice } = await engine.start();
      if (resumed) resuming.begin(engine.list().filter((j) => !["placed", "failed"].includes(j.state)).map((j) => j.id), `Resuming ${resumed} shot${resumed === 1 ? "" : "s"} from before the panel was closed.`);
      if (journalNotice) say("warning", journalNotice);
      documents.loadedFor(await deps.host.projectFolder().catch(() => null));
      await bible.reload().catch((e: unknown) => say("warning", messageOf(e)));
      await storyboard.reload().catch((e: unknown) => say("warning", messageOf(e)));
      unsubscribeHost = deps.host.onChange(() => void refresh());
      if (deps.hostPoll) stopPoll = startHostPoll({ clock: deps.clock, ...deps.hostPoll, refresh });
      state.update((s) => ({ ...s, ready: true, providers: providers(), settings: settingsView(settings), drafts: settings.drafts }));
      publishJobs();
      await refresh();
      await arrivals.placePending();
    },
    async dispose() {
      unsubscribeHost?.();
      stopPoll?.();
      await engine.stop();
    },
    getState: () => state.get(),
    subscribe: (l) => state.subscribe(l),
    refresh,
    async breakdownScript(text, options) {
      if (!deps.script) throw new CutawayError("no_script", "Script breakdown is not available in this build.");
      const view = await guarded(() => deps.script!.breakdown(text, { ...options, ...scriptOptions(options.stylePreset) }));
      await seedBible(view);
      return view;
    },
    async ideaToScript(idea, options) {
      if (!deps.script) throw new CutawayError("no_script", "Idea to script is not available in this build.");
      const view = await guarded(() => deps.script!.ideaToScript(idea, { ...options, ...scriptOptions(options.stylePreset) }));
      await seedBible(view);
      return view;
    },
    async scriptFromMarkers(options = {}) {
      const text = markersAsSrt(await currentSnapshot(), options);
      if (!text) throw new CutawayError("no_markers", "The sequence has no markers with names or comments to turn into shots.");
      return text;
    },
    async preview(request): Promise<PlanPreview> {
      // called on every keystroke: failures are the panel's cost line, not notices
      return plan(await currentSnapshot(), request).planned.preview;
    },
    async run(request, options = {}) {
      return guarded(async () => {
        const s = await currentSnapshot();
        const { request: r, planned } = plan(s, request);
        const est = planned.preview.estimate;
        if (r.mode === "dry-run") return { requestId: "", preview: planned.preview };
        if (est.overBudget) throw new BudgetExceeded(est.summary);
        if (r.mode === "generate") refuseUnprompted(planned.preview);
        if (est.needsConfirm && !options.confirmed) throw new ConfirmationRequired(`${est.summary}. Generate?`);
        clients.requireKey(r.backend);
        const requestId = await startRequest({ host: deps.host, engine, log: requests(), files: deps.files, clock: deps.clock, mediaFolder, refreshSnapshot: currentSnapshot, plan: (snap) => plan(snap, r).planned }, r, s, planned, settings.placement);
        publishJobs();
        return { requestId, preview: planned.preview };
      });
    },
    async cancel(jobId) {
      await guarded(() => engine.cancel(jobId));
    },
    async cancelRun(requestId) {
      await guarded(async () => {
        for (const j of engine.list()) if (j.requestId === requestId && ["planned", "submitting", "submitted", "running", "ready"].includes(j.state)) await engine.cancel(j.id);
      });
    },
    async retry(jobId, options = {}) {
      await guarded(async () => void (await engine.retry(jobId, options.spendAgain ? { spendAgain: true } : {})));
    },
    async useTake(jobId) {
      await guarded(() => arrivals.useTake(jobId));
    },
    previewShots: (r) => growing.previewShots(r),
    runShots: (r, o) => guarded(async () => {
      const out = await growing.runShots(r, o);
      publishJobs();
      return out;
    }),
    takesForClip: (clipId) => takesOfClip(log, engine, clipId ?? selectedGeneratedClip(snapshot) ?? ""),
    async placeAgain(jobId) {
      await guarded(() => arrivals.placeAgain(jobId));
    },
    async revealInBin(jobId) {
      const j = engine.get(jobId);
      say("info", j?.mediaPath ? `“${j.name}” is in the Cutaway bin (${j.mediaPath}).` : "This shot has no media yet.");
    },
    dismissNotice(id) {
      state.update((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) }));
    },
    async saveSettings(input) {
      await guarded(async () => {
        const patch = readSettingsInput(input);
        const problem = settingsPatchProblem(patch as Partial<Settings>) ?? (patch.comfyWorkflow ? workflowProblem(patch.comfyWorkflow) : null);
        if (problem) throw new CutawayError("bad_setting", problem);
        const { placeholderPatterns, ...rest } = patch;
        settings = mergeSettings(settings, { ...rest, ...(placeholderPatterns ? { placeholderPatterns: [...placeholderPatterns] } : {}) });
        await deps.settings.save(settings);
        clients.forget();
        // server addresses and the ComfyUI workflow change what a backend can do
        state.update((s) => ({ ...s, settings: settingsView(settings), providers: providers() }));
        settingsNotices.clear();
        await refresh();
      }, true);
    },
    async saveDraft(patch) {
      // typing is saved often: no notice, no refresh, and a failed write only costs the draft
      settings = { ...settings, drafts: mergeDrafts(settings.drafts, patch) };
      state.update((s) => ({ ...s, drafts: settings.drafts }));
      // one write at a time, each of the settings as they are by then
      draftWrites = draftWrites.then(() => deps.settings.save(settings)).catch(() => undefined);
      await draftWrites;
    },
    async setApiKey(provider, key) {
      await guarded(() => setApiKey(keyActions, provider, key), true);
    },
    testConnection: (provider) => testConnection(keyActions, provider),
  };
  return api;
}
