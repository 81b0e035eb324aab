/**
 * The app facade the panel talks to: wires timeline analysis, planning, the job engine and the
 * editor host into the editor's use cases, and keeps one observable state. Every entry point turns
 * failures into a notice with a sentence; none of them throws a half edit at the panel.
 */
import { CutawayError } from "../core/errors";
import type { SequenceSnapshot } from "../core/timeline";
import { GenerationError } from "../backends/errors";
import type { GenerationBackend } from "../backends/types";
import { JobEngine } from "../jobs/engine";
import { Journal } from "../jobs/journal";
import type { AppState, CutawayApi, GenerateRequest, PlanPreview, ProviderView, ScriptBreakdownView, SettingsView } from "./api";
import { jobView } from "./jobViews";
import { BudgetExceeded, ConfirmationRequired, messageOf, notice } from "./notices";
import { Observable } from "./observable";
import type { BackendCatalog, Clock, EditorHost, FileStore, SecretStore, SettingsStore } from "./ports";
import { RequestLog } from "./requestLog";
import { markersAsSrt } from "./markersScript";
import { Arrivals } from "./run/arrivals";
import { planRequest } from "./run/planRequest";
import { startRequest } from "./run/startRequest";
import { workflowProblem } from "../backends/comfyui/workflow";
import { apiKeyName, loadSettings, mergeSettings, settingsPatchProblem, STYLE_PRESETS, type Settings, DEFAULT_SETTINGS } from "./settings";
import { placeholderRules, targetSummaries } from "./targets";
import { sequenceView } from "./views";
import { BibleService } from "./bible/bibleService";
import type { BibleApi } from "./bible/bibleApi";

/** Script breakdown lives in src/script; the app receives it so the facade stays testable without it. */
export interface ScriptServiceOptions {
  readonly stylePreset: string;
  /** null: no LLM key stored */
  readonly apiKey: string | null;
  readonly llmModel: string;
  readonly llmBaseUrl: string | null;
  /** the default backend's prompt limit; the planner caps again for the backend actually used */
  readonly maxPromptChars: number;
  readonly wordsPerSecond: number;
}

export interface ScriptService {
  breakdown(text: string, options: ScriptServiceOptions & { format?: string; useLlm?: boolean }): Promise<ScriptBreakdownView>;
  ideaToScript(idea: string, options: ScriptServiceOptions): Promise<ScriptBreakdownView>;
}

/** the secret-store name of the LLM key (script writing), beside the video backends' keys */
export const LLM_KEY_ID = "openai-llm";

export interface AppDeps {
  readonly host: EditorHost;
  readonly files: FileStore;
  readonly secrets: SecretStore;
  readonly settings: SettingsStore;
  readonly clock: Clock;
  readonly backends: BackendCatalog;
  readonly script?: ScriptService;
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
}

function settingsView(s: Settings): SettingsView {
  return {
    defaultBackend: s.defaultBackend,
    defaultModel: s.defaultModel,
    mediaFolder: s.mediaFolder,
    placeholderPatterns: s.placeholderPatterns,
    defaultStyle: s.defaultStyle,
    budgetUsd: s.budgetUsd,
    confirmAboveUsd: s.confirmAboveUsd,
    concurrency: s.concurrency,
    placement: s.placement,
    baseUrls: s.baseUrls,
    comfyWorkflow: s.comfyWorkflow,
    llmModel: s.llmModel,
    llmBaseUrl: s.llmBaseUrl,
    wordsPerSecond: s.wordsPerSecond,
  };
}

export function createCutaway(deps: AppDeps): Cutaway {
  let settings: Settings = DEFAULT_SETTINGS;
  const keys = new Map<string, string>();
  const clients = new Map<string, GenerationBackend>();
  let snapshot: SequenceSnapshot | null = null;
  let unsubscribeHost: (() => void) | null = null;

  const backend = (id: string): GenerationBackend | null => {
    if (!deps.backends.ids().includes(id)) return null;
    let b = clients.get(id);
    if (!b) {
      const baseUrl = settings.baseUrls[id];
      b = deps.backends.create(id, { apiKey: keys.get(id) ?? null, workflow: settings.comfyWorkflow, ...(baseUrl ? { baseUrl } : {}) });
      clients.set(id, b);
    }
    return b;
  };

  /** what the backend can do as configured (a ComfyUI workflow decides its own inputs); named as the catalog names it */
  const capsOf = (id: string) => {
    const listed = deps.backends.capabilities(id);
    const configured = backend(id)?.capabilities();
    return configured ? { ...configured, label: listed.label } : listed;
  };

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
      return { bytes, mimeType: bytes[0] === 0xff && bytes[1] === 0xd8 ? "image/jpeg" : "image/png" };
    },
    budgetCapUsd: () => settings.budgetUsd,
    concurrency: () => settings.concurrency,
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
  });

  const say = (level: "info" | "warning" | "error", message: string): void => state.update((s) => ({ ...s, notices: [...s.notices.slice(-9), notice(level, message)] }));

  const scriptOptions = (stylePreset: string): ScriptServiceOptions => {
    const caps = deps.backends.ids().includes(settings.defaultBackend) ? deps.backends.capabilities(settings.defaultBackend) : null;
    const model = caps?.models.find((m) => m.id === settings.defaultModel) ?? caps?.models[0];
    return {
      stylePreset,
      apiKey: keys.get(LLM_KEY_ID) ?? null,
      llmModel: settings.llmModel,
      llmBaseUrl: settings.llmBaseUrl,
      maxPromptChars: model?.maxPromptChars ?? 1000,
      wordsPerSecond: settings.wordsPerSecond,
    };
  };

  const llmProvider = (): ProviderView[] =>
    deps.script ? [{ id: LLM_KEY_ID, label: "OpenAI (script writing)", needsKey: true, hasKey: keys.has(LLM_KEY_ID), purpose: "script", models: [] }] : [];

  const providers = (): ProviderView[] => [
    ...deps.backends.ids().map((id) => {
      const c = capsOf(id);
      return {
        id,
        label: c.label,
        needsKey: c.needsKey,
        hasKey: keys.has(id),
        // text-to-video models first: they work with or without continuity
        models: [...c.models]
          .sort((a, b) => Number(b.textToVideo !== false) - Number(a.textToVideo !== false))
          .map((m) => ({ id: m.id, label: m.label, pricePerSecondUsd: m.pricePerSecondUsd, durationsSeconds: m.durationsSeconds, imageToVideo: m.imageToVideo, textToVideo: m.textToVideo !== false })),
      };
    }),
    ...llmProvider(),
  ];

  const publishJobs = (): void => {
    const ledger = engine.ledger.summary();
    state.update((s) => ({
      ...s,
      jobs: engine
        .list()
        .sort((a, b) => a.createdAt - b.createdAt || a.request.shotNumber - b.request.shotNumber || a.take - b.take)
        .map((j) => jobView(j, log?.get(j.requestId))),
      requests: (log?.all() ?? []).map((r) => ({ id: r.id, label: r.label, kind: r.kind, mode: r.mode, createdAt: r.createdAt, jobIds: r.jobs.map((j) => j.jobId), done: r.jobs.every((j) => ["downloaded", "placed", "failed"].includes(engine.get(j.jobId)?.state ?? "failed")) })),
      ledger: { spentUsd: Math.round(ledger.monthUsd * 100) / 100, pendingUsd: 0, budgetUsd: settings.budgetUsd },
    }));
  };

  const bible = new BibleService({ host: deps.host, files: deps.files, clock: deps.clock, mediaFolder, say });

  /** characters and places a breakdown found join the bible (the editor's own entries are left as they are) */
  const seedBible = async (view: ScriptBreakdownView): Promise<void> => {
    const added = await bible.seedFromBreakdown(view).catch((e: unknown) => (say("warning", messageOf(e)), 0));
    if (added) say("info", `${added} new character${added === 1 ? "" : "s"} and place${added === 1 ? "" : "s"} joined the bible; add a description or a reference frame in the Bible tab.`);
  };

  const arrivals = new Arrivals({ host: deps.host, engine, requests, say, onPlaced: publishJobs, refresh: () => refresh() });

  async function refresh(): Promise<void> {
    try {
      snapshot = await deps.host.snapshot();
      const s = snapshot;
      state.update((st) => ({ ...st, sequence: sequenceView(s), hostMessage: null, targets: targetSummaries(s, placeholderRules(settings.placeholderPatterns)) }));
    } catch (e) {
      snapshot = null;
      state.update((st) => ({ ...st, sequence: null, targets: [], hostMessage: messageOf(e) }));
    }
  }

  async function currentSnapshot(): Promise<SequenceSnapshot> {
    await refresh();
    if (!snapshot) throw new CutawayError("no_sequence", state.get().hostMessage ?? "No sequence is open.");
    return snapshot;
  }

  function plan(s: SequenceSnapshot, request: GenerateRequest) {
    const backendId = request.mode === "draft" ? "slate" : request.backend;
    if (!deps.backends.ids().includes(backendId)) throw new CutawayError("unknown_backend", `The backend "${backendId}" is not available. Pick another in the panel.`);
    const caps = capsOf(backendId);
    const r = request.mode === "draft" ? { ...request, backend: "slate", model: caps.models[0]?.id ?? "slate", takes: 1 } : request;
    return { request: r, planned: planRequest({ snapshot: s, request: r, capabilities: caps, rules: placeholderRules(settings.placeholderPatterns), spentUsd: engine.ledger.summary().monthUsd, budgetUsd: settings.budgetUsd, confirmAboveUsd: settings.confirmAboveUsd, bible: bible.current() }) };
  }

  async function guarded<T>(fn: () => Promise<T>): Promise<T> {
    state.update((s) => ({ ...s, busy: true }));
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ConfirmationRequired)) say(e instanceof CutawayError && e.code === "nothing_to_do" ? "info" : "error", messageOf(e));
      throw e;
    } finally {
      state.update((s) => ({ ...s, busy: false }));
    }
  }

  const api: Cutaway = {
    engine,
    bible,
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
      const { resumed, skippedLines } = await engine.start();
      if (resumed) say("info", `Resuming ${resumed} shot${resumed === 1 ? "" : "s"} from before the panel was closed.`);
      if (skippedLines) say("warning", `${skippedLines} damaged line${skippedLines === 1 ? "" : "s"} in the job journal were skipped; every complete job was kept.`);
      await bible.reload().catch((e: unknown) => say("warning", messageOf(e)));
      unsubscribeHost = deps.host.onChange(() => void refresh());
      state.update((s) => ({ ...s, ready: true, providers: providers(), settings: settingsView(settings) }));
      publishJobs();
      await refresh();
      await arrivals.placePending();
    },
    async dispose() {
      unsubscribeHost?.();
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
        if (est.needsConfirm && !options.confirmed) throw new ConfirmationRequired(`${est.summary}. Generate?`);
        const b = backend(r.backend);
        if (deps.backends.capabilities(r.backend).needsKey && !keys.has(r.backend)) {
          throw new GenerationError("auth", `Add your ${deps.backends.capabilities(r.backend).label} key in Settings first.`);
        }
        void b;
        const requestId = await startRequest({ host: deps.host, engine, log: requests(), files: deps.files, clock: deps.clock, mediaFolder, refreshSnapshot: currentSnapshot, plan: (snap) => plan(snap, r).planned }, r, s, planned, settings.placement);
        publishJobs();
        return { requestId, preview: planned.preview };
      });
    },
    async cancel(jobId) {
      await guarded(() => engine.cancel(jobId));
    },
    async retry(jobId) {
      await guarded(async () => void (await engine.retry(jobId)));
    },
    async useTake(jobId) {
      await guarded(() => arrivals.useTake(jobId));
    },
    async revealInBin(jobId) {
      const j = engine.get(jobId);
      say("info", j?.mediaPath ? `“${j.name}” is in the Cutaway bin (${j.mediaPath}).` : "This shot has no media yet.");
    },
    dismissNotice(id) {
      state.update((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) }));
    },
    async saveSettings(patch) {
      await guarded(async () => {
        const problem = settingsPatchProblem(patch as Partial<Settings>) ?? (patch.comfyWorkflow ? workflowProblem(patch.comfyWorkflow) : null);
        if (problem) throw new CutawayError("bad_setting", problem);
        const { placeholderPatterns, ...rest } = patch;
        settings = mergeSettings(settings, { ...rest, ...(placeholderPatterns ? { placeholderPatterns: [...placeholderPatterns] } : {}) });
        await deps.settings.save(settings);
        clients.clear();
        // server addresses and the ComfyUI workflow change what a backend can do
        state.update((s) => ({ ...s, settings: settingsView(settings), providers: providers() }));
        await refresh();
      });
    },
    async setApiKey(provider, key) {
      await guarded(async () => {
        if (key && key.trim()) {
          await deps.secrets.set(apiKeyName(provider), key.trim());
          keys.set(provider, key.trim());
        } else {
          await deps.secrets.remove(apiKeyName(provider));
          keys.delete(provider);
        }
        clients.delete(provider);
        state.update((s) => ({ ...s, providers: providers() }));
      });
    },
    async testConnection(provider) {
      const b = backend(provider);
      if (!b) return { ok: false, message: `Unknown provider ${provider}.` };
      if (!b.testConnection) return { ok: true, message: `${b.capabilities().label} needs no connection test.` };
      try {
        await b.testConnection();
        return { ok: true, message: `Connected to ${b.capabilities().label}.` };
      } catch (e) {
        return { ok: false, message: messageOf(e) };
      }
    },
  };
  return api;
}
