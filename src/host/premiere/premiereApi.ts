/**
 * The part of the `premierepro` module Cutaway uses, as a projection of the official declarations
 * (`@adobe/premierepro` 26.3). The adapter is typed against this projection; the in-memory stand-in
 * implements it. `PremiereModuleProof` below fails to compile if the official module type does not
 * satisfy the projection, so a misspelt method, a wrong arity or a wrong return type is a `tsc` error,
 * not a runtime surprise inside Premiere.
 *
 * Why a projection and not the full types: the stand-in cannot honestly implement the ~80 classes of
 * the module; it implements exactly what the adapter calls, with the declared signatures.
 * Methods use method syntax on purpose: host objects handed back to the host (a ProjectItem passed to
 * createOverwriteItemAction) are compared bivariantly, which is how the official types relate too.
 */
import type { Constants, premierepro } from "@adobe/premierepro";

/** An edit that does nothing until it runs inside `executeTransaction`. Opaque, as declared (`{}`). */
export type PAction = object;

export interface PTickTime {
  readonly ticks: string;
  readonly seconds: number;
}

export interface PTickTimeStatic {
  createWithTicks(ticks: string): PTickTime;
  readonly TIME_ZERO: PTickTime;
}

export interface PGuid {
  toString(): string;
}

export interface PRectF {
  width: number;
  height: number;
}

export interface PFrameRate {
  readonly ticksPerFrame: number;
  readonly value: number;
}

export interface PSequenceSettings {
  getVideoFrameRate(): PFrameRate;
  setVideoFrameRate(inVideoFrameRate: PFrameRate): boolean;
  getVideoFrameRect(): Promise<PRectF>;
  setVideoFrameRect(inVideoFrameRect: PRectF): Promise<boolean>;
}

export interface PCompoundAction {
  addAction(action: PAction): boolean;
  readonly empty: boolean;
}

export interface PProjectItem {
  getId(): string;
  getColorLabelIndex(): Promise<number>;
  createSetColorLabelAction(inColorLabelIndex: number): PAction;
  readonly type: number;
  readonly name: string;
}

export interface PClipProjectItem {
  getMediaFilePath(): Promise<string>;
  isSequence(): Promise<boolean>;
  createSetInOutPointsAction(inPoint: PTickTime, outPoint: PTickTime): PAction;
  readonly type: number;
  readonly name: string;
}

export interface PFolderItem {
  getItems(): Promise<PProjectItem[]>;
  createBinAction(name: string, makeUnique: boolean): PAction;
  readonly type: number;
  readonly name: string;
}

export interface PVideoClipTrackItem {
  getName(): Promise<string>;
  getStartTime(): Promise<PTickTime>;
  getEndTime(): Promise<PTickTime>;
  getInPoint(): Promise<PTickTime>;
  getOutPoint(): Promise<PTickTime>;
  isDisabled(): Promise<boolean>;
  isAdjustmentLayer(): Promise<boolean>;
  getTrackIndex(): Promise<number>;
  /** graphics/text clips (and some adjustment layers) answer no project item in Premiere */
  getProjectItem(): Promise<PProjectItem | null | undefined>;
  createSetDisabledAction(disabled: boolean): PAction;
  createSetEndAction(tickTime: PTickTime): PAction;
}

export interface PVideoTrack {
  getTrackItems(trackItemType: Constants.TrackItemType, includeEmptyTrackItems: boolean): PVideoClipTrackItem[];
  getIndex(): Promise<number>;
  readonly name: string;
}

export interface PAudioTrack {
  getIndex(): Promise<number>;
  createSetNameAction(name: string): PAction;
  readonly name: string;
}

export interface PTrackItemSelection {
  getTrackItems(): Promise<PVideoClipTrackItem[]>;
}

export interface PSequence {
  getVideoTrackCount(): Promise<number>;
  getVideoTrack(trackIndex: number): Promise<PVideoTrack>;
  getAudioTrackCount(): Promise<number>;
  getAudioTrack(trackIndex: number): Promise<PAudioTrack>;
  getSettings(): Promise<PSequenceSettings>;
  createSetSettingsAction(sequenceSettings: PSequenceSettings): PAction;
  getPlayerPosition(): Promise<PTickTime>;
  getInPoint(): Promise<PTickTime>;
  getOutPoint(): Promise<PTickTime>;
  getEndTime(): Promise<PTickTime>;
  getSelection(): Promise<PTrackItemSelection>;
  getFrameSize(): Promise<PRectF>;
  getTimebase(): Promise<string>;
  readonly guid: PGuid;
  readonly name: string;
}

export interface PProject {
  /** Premiere answers no object when no sequence is open; the official type does not say so, the projection does */
  getActiveSequence(): Promise<PSequence | null | undefined>;
  createSequence(name: string, presetPath?: string): Promise<PSequence>;
  setActiveSequence(sequence: PSequence): Promise<boolean>;
  openSequence(sequence: PSequence): Promise<boolean>;
  getRootItem(): Promise<PFolderItem>;
  importFiles(filePaths: string[], suppressUI?: boolean, targetBin?: PProjectItem, asNumberedStills?: boolean): Promise<boolean>;
  executeTransaction(callback: (compoundAction: PCompoundAction) => void, undoString?: string): boolean;
  lockedAccess(callback: () => void): void;
  readonly name: string;
  readonly path: string;
}

export interface PMarker {
  getName(): string;
  getComments(): string;
  getStart(): PTickTime;
  getDuration(): PTickTime;
  getColorIndex(): number;
}

export interface PMarkers {
  getMarkers(filters?: string[]): PMarker[];
}

export interface PSequenceEditor {
  createOverwriteItemAction(projectItem: PProjectItem, time: PTickTime, videoTrackIndex: number, audioTrackIndex: number): PAction;
}

export interface PMetadataStatic {
  getProjectMetadata(projectItem: PProjectItem): Promise<string>;
  createSetProjectMetadataAction(projectItem: PProjectItem, metadata: string, updatedFields: string[]): PAction;
  addPropertyToProjectMetadataSchema(name: string, label: string, type: number): Promise<boolean>;
  readonly METADATA_TYPE_TEXT: number;
}

export interface PExporterStatic {
  exportSequenceFrame(sequence: PSequence, time: PTickTime, filename: string, filepath: string, width: number, height: number): Promise<boolean>;
}

export interface PEventManagerStatic {
  addGlobalEventListener(eventName: string | Constants.SequenceEvent | Constants.ProjectEvent, eventHandler: (event?: object) => void, inCapturePhase?: boolean): void;
  removeGlobalEventListener(eventName: string | Constants.SequenceEvent | Constants.ProjectEvent, eventHandler: (event?: object) => void): void;
}

/** Enum values are read from the runtime module: the numbers in the typings differ from Premiere's. */
export interface PConstants {
  readonly TrackItemType: { readonly CLIP: Constants.TrackItemType };
  readonly SequenceEvent: { readonly SELECTION_CHANGED: Constants.SequenceEvent; readonly ACTIVATED: Constants.SequenceEvent };
  readonly ProjectEvent: { readonly DIRTY: Constants.ProjectEvent; readonly ACTIVATED: Constants.ProjectEvent; readonly OPENED: Constants.ProjectEvent };
}

/** What the adapter needs of `require("premierepro")`. */
export interface PremiereModule {
  readonly Project: { getActiveProject(): Promise<PProject> };
  readonly ProjectItem: { cast(item: PFolderItem | PClipProjectItem): PProjectItem; readonly TYPE_BIN: number; readonly TYPE_CLIP: number };
  /** answers null for items that are not clips in Premiere (some adjustment layers, synthetic media) */
  readonly ClipProjectItem: { cast(projectItem: PProjectItem): PClipProjectItem | null };
  readonly FolderItem: { cast(projectItem: PProjectItem): PFolderItem };
  readonly SequenceEditor: { getEditor(sequenceObject: PSequence): PSequenceEditor };
  readonly Markers: { getMarkers(markerOwnerObject: PSequence | PClipProjectItem): Promise<PMarkers> };
  readonly Metadata: PMetadataStatic;
  readonly TickTime: PTickTimeStatic;
  readonly Exporter: PExporterStatic;
  readonly EventManager: PEventManagerStatic;
  readonly Constants: PConstants;
}

type AssertAssignable<T extends U, U> = T extends U ? true : never;
/** Compile-time proof that the official module satisfies the projection the adapter is written against. */
export type PremiereModuleProof = AssertAssignable<premierepro, PremiereModule>;
export const premiereModuleProof: PremiereModuleProof = true;

/** Enum value types for implementers of the projection (the stand-in), so they need not name the module. */
export type TrackItemTypeValue = Constants.TrackItemType;
export type SequenceEventValue = Constants.SequenceEvent;
export type ProjectEventValue = Constants.ProjectEvent;
