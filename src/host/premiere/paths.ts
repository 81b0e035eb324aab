/**
 * Media paths as the OS compares them. Premiere runs on Windows and macOS, whose file systems are
 * case-insensitive by default, and reports Windows paths with backslashes: two spellings of one file
 * must match, so Cutaway normalises separators and compares without case.
 */
export function nativePath(p: string): string {
  return p.replace(/\\/g, "/");
}

export function samePath(a: string, b: string): boolean {
  return nativePath(a).toLowerCase() === nativePath(b).toLowerCase();
}
