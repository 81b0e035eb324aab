/**
 * The stand-in's engine: state, the lockedAccess/transaction rules of Premiere 26.3, undo, change
 * events and a count of host calls. Strict where Premiere is: an action created outside lockedAccess
 * throws, an action does nothing until its transaction runs, a failing action leaves everything as
 * it was, and whatever the stand-in cannot know about Premiere it refuses loudly.
 */
import { virtualClock, type SimClock } from "./simClock";
import { audioTracksOf, cloneState, type SimClip, type SimItem, type SimSequence, type SimState } from "./simModel";
import { STALE_OBJECT, STRICT, type SimStrictness } from "./strictness";

export class SimRefusal extends Error {
  constructor(message: string) {
    super(`Premiere stand-in: ${message}`);
    this.name = "SimRefusal";
  }
}

/** What an action does to a draft of the state; throwing fails the whole transaction. */
export type ActionBody = (draft: SimState, txn: TransactionContext) => void;

export interface TransactionContext {
  /** the state the transaction started from: "a new track" means an index past its counts */
  readonly before: SimState;
  /** per sequence, how many actions aimed at the not-yet-existing video / audio index */
  readonly newTrackTargets: Map<string, { video: number; audio: number }>;
}

export class SimAction {
  constructor(
    readonly epoch: number,
    readonly label: string,
    readonly body: ActionBody,
  ) {}
}

export interface UndoEntry {
  readonly name: string;
  readonly before: SimState;
}

export interface SimFaults {
  /** after `skip` successful transactions, action number `action` (1-based) of the next one (or `times` next ones) throws, as a host error would */
  failTransaction?: { skip: number; action: number; times?: number };
  /** importFiles answers false and imports nothing */
  failNextImport?: boolean;
}

export class SimCore {
  state: SimState;
  readonly undoStack: UndoEntry[] = [];
  readonly redoStack: UndoEntry[] = [];
  /** every call into the stand-in's module objects, for the "host calls per placement" figure */
  calls = 0;
  faults: SimFaults = {};
  /** called after every action of a transaction with the draft as it is at that moment (tests watch the editor's clips) */
  afterEachAction: ((draft: SimState, label: string) => void) | null = null;
  /** the error a transaction callback threw (Premiere answers false; kept for debugging) */
  lastCallbackError: unknown = null;
  /** bumped by every commit, undo and redo: host objects of an older generation are stale */
  private generationCount = 0;
  /** project items imported but not yet listable (id → sim-clock time they appear) */
  readonly hiddenUntil = new Map<string, number>();
  private epoch = 0;
  private inLocked = false;
  private inTransaction = false;
  private version = 0;
  private indexVersion = -1;
  private clipIndex = new Map<number, { seq: SimSequence; trackIndex: number; clip: SimClip }>();
  private itemsVersion = -1;
  private itemsIndex = new Map<string, SimItem>();
  private readonly listeners = new Set<(reason: string) => void>();

  constructor(
    state: SimState,
    readonly strict: SimStrictness = STRICT,
    readonly clock: SimClock = virtualClock(),
  ) {
    this.state = state;
    for (const seq of state.sequences) audioTracksOf(seq);
  }

  get generation(): number {
    return this.generationCount;
  }

  /** Refuses an object read before the last commit, as Premiere does ("script object is no longer valid"). */
  live(generation: number, what: string): void {
    if (this.strict.staleObjectsAfterCommit && generation !== this.generationCount) throw new SimRefusal(`${what}: ${STALE_OBJECT} (it was read before a transaction committed; read it again).`);
  }

  /** Is a project item listable yet (imports appear late)? */
  visible(id: string): boolean {
    const at = this.hiddenUntil.get(id);
    if (at === undefined) return true;
    if (this.clock.now() < at) return false;
    this.hiddenUntil.delete(id);
    return true;
  }

  count(): void {
    this.calls++;
  }

  get changeVersion(): number {
    return this.version;
  }

  lockedAccess(callback: () => void): void {
    if (this.inLocked) throw new SimRefusal("lockedAccess is not re-entrant.");
    this.epoch++;
    this.inLocked = true;
    try {
      const r: unknown = callback();
      if (r && typeof (r as { then?: unknown }).then === "function") {
        throw new SimRefusal("the lockedAccess callback returned a promise: it must be synchronous (await your reads before).");
      }
    } finally {
      this.inLocked = false;
    }
  }

  /** Every create…Action must be called inside lockedAccess from Premiere 26.3. */
  action(label: string, body: ActionBody): SimAction {
    if (!this.inLocked) throw new SimRefusal(`${label}: create…Action called outside project.lockedAccess (required from Premiere 26.3).`);
    return new SimAction(this.epoch, label, body);
  }

  executeTransaction(build: (add: (a: object) => boolean) => void, undoName: string | undefined): boolean {
    if (!this.inLocked) throw new SimRefusal("executeTransaction called outside project.lockedAccess.");
    if (this.inTransaction) throw new SimRefusal("executeTransaction is not re-entrant.");
    const actions: SimAction[] = [];
    this.inTransaction = true;
    try {
      build((a) => {
        if (!(a instanceof SimAction)) throw new SimRefusal("addAction was given something that is not an Action.");
        if (a.epoch !== this.epoch) throw new SimRefusal(`${a.label}: action created in an earlier lockedAccess; create actions inside the transaction.`);
        actions.push(a);
        return true;
      });
    } catch (e) {
      // Premiere answers false for a callback that throws, and applies none of its actions
      this.lastCallbackError = e;
      return false;
    } finally {
      this.inTransaction = false;
    }
    if (actions.length === 0) return false;
    let failAt: number | undefined;
    const f = this.faults.failTransaction;
    if (f && f.skip-- <= 0) {
      failAt = f.action;
      f.times = (f.times ?? 1) - 1;
      if (f.times <= 0) this.faults.failTransaction = undefined;
    }
    const draft = cloneState(this.state);
    const txn: TransactionContext = { before: this.state, newTrackTargets: new Map() };
    try {
      actions.forEach((a, i) => {
        if (failAt === i + 1) throw new SimRefusal(`${a.label} failed (injected fault).`);
        a.body(draft, txn);
        this.afterEachAction?.(draft, a.label);
      });
    } catch (e) {
      this.lastCallbackError = e;
      // all or nothing: the draft is dropped, the project is as it was
      return false;
    }
    this.commit(draft, undoName ?? "Edit");
    return true;
  }

  /** Applies a change outside any transaction: what the editor does by hand (tests, workbench). */
  editorEdit(name: string, change: (draft: SimState) => void): void {
    const draft = cloneState(this.state);
    change(draft);
    this.commit(draft, name);
  }

  undo(): string | null {
    const e = this.undoStack.pop();
    if (!e) return null;
    this.redoStack.push({ name: e.name, before: this.state });
    this.state = e.before;
    this.generationCount++;
    this.changed("undo");
    return e.name;
  }

  redo(): string | null {
    const e = this.redoStack.pop();
    if (!e) return null;
    this.undoStack.push({ name: e.name, before: this.state });
    this.state = e.before;
    this.generationCount++;
    this.changed("redo");
    return e.name;
  }

  onChange(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes that are not undo steps (imports, schema; the editor's selection, playhead and marks: reason "selection"). */
  mutate(change: (s: SimState) => void, reason: "project" | "selection" = "project"): void {
    change(this.state);
    this.changed(reason);
  }

  activeSequence(): SimSequence | null {
    return this.state.sequences.find((s) => s.guid === this.state.activeGuid) ?? null;
  }

  sequence(guid: string): SimSequence {
    const s = this.state.sequences.find((q) => q.guid === guid);
    if (!s) throw new SimRefusal("the sequence is closed or was deleted.");
    return s;
  }

  item(id: string, state: SimState = this.state): SimItem {
    const it = state === this.state ? this.itemIndex().get(id) : state.items.find((i) => i.id === id);
    if (!it) throw new SimRefusal(`project item ${id} no longer exists.`);
    return it;
  }

  private itemIndex(): Map<string, SimItem> {
    // items are added by mutate() and transactions, both of which bump the version
    if (this.itemsVersion !== this.version || this.itemsIndex.size !== this.state.items.length) {
      this.itemsIndex = new Map(this.state.items.map((i) => [i.id, i]));
      this.itemsVersion = this.version;
    }
    return this.itemsIndex;
  }

  /** Finds a clip by uid in the current state; the index is rebuilt only after a change. */
  clip(uid: number): { seq: SimSequence; trackIndex: number; clip: SimClip } {
    if (this.indexVersion !== this.version) {
      this.clipIndex.clear();
      for (const seq of this.state.sequences) seq.tracks.forEach((t, trackIndex) => t.clips.forEach((clip) => this.clipIndex.set(clip.uid, { seq, trackIndex, clip })));
      this.indexVersion = this.version;
    }
    const hit = this.clipIndex.get(uid);
    if (!hit) throw new SimRefusal("this track item is no longer in the sequence (stale reference: read the track again).");
    return hit;
  }

  private commit(draft: SimState, name: string): void {
    this.undoStack.push({ name, before: this.state });
    this.redoStack.length = 0;
    this.state = draft;
    this.generationCount++;
    this.changed(name);
  }

  private changed(reason: string): void {
    this.version++;
    for (const l of this.listeners) l(reason);
  }
}

/** Finds a clip by uid in a draft state (inside an action body). */
export function draftClip(draft: SimState, uid: number): { seq: SimSequence; trackIndex: number; clip: SimClip } {
  for (const seq of draft.sequences) {
    for (let trackIndex = 0; trackIndex < seq.tracks.length; trackIndex++) {
      const clip = seq.tracks[trackIndex]!.clips.find((c) => c.uid === uid);
      if (clip) return { seq, trackIndex, clip };
    }
  }
  throw new SimRefusal("the track item of this action is gone.");
}
