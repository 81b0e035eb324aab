/** What the engine is built with, and what its parts (submission, polling, download) share. */
import type { Clock, FileStore } from "../platform/ports";
import type { GenerationBackend, ImageInput } from "../backends/types";
import type { JobRequestData } from "./jobRecord";
import type { Journal } from "./journal";
import type { LimitsByBackend, RateGate } from "./limits";
import type { PaceLimits, RenderTimes } from "./pollPacing";
import type { JobStore } from "./jobStore";
import type { BudgetLedger } from "./ledger";
import type { MediaNames } from "./mediaFiles";

export interface JobSpec {
  readonly id: string;
  readonly requestId: string;
  readonly shotId: string;
  readonly take: number;
  readonly name: string;
  readonly backend: string;
  readonly request: JobRequestData;
  readonly estimateUsd: number;
}

export interface EngineOptions {
  readonly backend: (id: string) => GenerationBackend | null;
  readonly files: FileStore;
  readonly journal: Journal;
  readonly clock: Clock;
  /** where media goes (beside the project) */
  readonly mediaFolder: () => Promise<string>;
  /** reads a continuity still from disk */
  readonly readImage?: (path: string) => Promise<ImageInput>;
  /** the monthly budget cap in USD, or null for none */
  readonly budgetCapUsd?: () => number | null;
  readonly pace?: PaceLimits;
  readonly maxSubmitAttempts?: number;
  readonly maxDownloadAttempts?: number;
  /** how long a provider may stay unreachable before a job stops being watched (default 6 h) */
  readonly unreachableDeadlineMs?: number;
  /** how long a job may render before Cutaway stops watching it (default: 3 h) */
  readonly jobDeadlineMs?: number;
  /** override the backends' suggested limits (settings) */
  readonly concurrency?: (backend: string) => number | undefined;
  /**
   * pace a model's first polls by its table's typical render time (default true); off where the
   * provider is a stand-in that renders in seconds (the workbench's fake provider)
   */
  readonly renderPriors?: boolean;
}

export interface EngineContext {
  readonly o: EngineOptions;
  readonly store: JobStore;
  readonly limits: LimitsByBackend;
  readonly typical: RenderTimes;
  readonly ledger: BudgetLedger;
  /** file names held by downloads in progress */
  readonly names: MediaNames;
  /** creates on the wire: stop() waits for them */
  readonly creates: Set<Promise<unknown>>;
  /** the panel is closing: no new create starts */
  stopping(): boolean;
}

export const rateOf = (ctx: EngineContext, backend: GenerationBackend): RateGate => ctx.limits.of(backend).rate;
