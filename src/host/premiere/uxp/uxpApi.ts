/**
 * The few UXP shapes Cutaway uses. The published typings (`@adobe/cc-ext-uxp-types`) miss
 * `storage.localFileSystem` and misplace `secureStorage` (it is `uxp.storage.secureStorage`), and their
 * `fs` declares callbacks where UXP answers promises, so these are declared here, after Adobe's UXP docs.
 */
export interface UxpSecureStorage {
  setItem(key: string, value: string | ArrayBuffer | Uint8Array): Promise<void>;
  /** rejects or answers an empty/null value when the key is missing (secure storage can lose data) */
  getItem(key: string): Promise<Uint8Array | null | undefined>;
  removeItem(key: string): Promise<void>;
}

export interface UxpFolderEntry {
  readonly nativePath: string;
}

export interface UxpModule {
  readonly storage: {
    readonly localFileSystem: {
      getDataFolder(): Promise<UxpFolderEntry>;
      /** the open dialog: a file entry, a list of them (allowMultiple), or nothing when cancelled */
      getFileForOpening(options: { allowMultiple?: boolean; types?: readonly string[] }): Promise<UxpFolderEntry | readonly UxpFolderEntry[] | null | undefined>;
    };
    readonly secureStorage: UxpSecureStorage;
  };
}

export interface UxpStat {
  readonly size: number;
  isDirectory(): boolean;
}

/** `require("fs")` in UXP: Node-style, promise-returning when no callback is given. */
export interface UxpFs {
  readFile(path: string): Promise<ArrayBuffer>;
  readFile(path: string, options: { encoding: "utf-8" }): Promise<string>;
  writeFile(path: string, data: string | ArrayBuffer, options?: { encoding?: "utf-8" }): Promise<unknown>;
  open(path: string, flag: string): Promise<number>;
  write(fd: number, buffer: ArrayBuffer, offset: number, length: number, position?: number): Promise<unknown>;
  close(fd: number): Promise<unknown>;
  lstat(path: string): Promise<UxpStat>;
  rename(oldPath: string, newPath: string): Promise<unknown>;
  unlink(path: string): Promise<unknown>;
  mkdir(path: string, options?: { recursive?: boolean }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
}
