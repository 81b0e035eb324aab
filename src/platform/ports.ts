/**
 * Platform ports: what the lower layers (jobs, backends) and the app need from the machine. Declared
 * here, below every user, so no layer reaches up for the words it needs. Adapters live in host/.
 */

export interface FileWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** closes and deletes the partial file */
  abort(): Promise<void>;
}

/** Paths are native absolute paths with "/" separators (the UXP adapter converts). */
export interface FileStore {
  /** the plugin's own persistent folder: journal, settings */
  dataFolder(): Promise<string>;
  join(...parts: string[]): string;
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string>;
  /** file names (not paths) in a folder; [] when it does not exist */
  list(dir: string): Promise<readonly string[]>;
  size(path: string): Promise<number>;
  mkdirp(dir: string): Promise<void>;
  /** writes to a temp name beside `path`, then renames: readers never see half a file */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  appendText(path: string, text: string): Promise<void>;
  openWriter(path: string): Promise<FileWriter>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type Fetch = typeof fetch;
