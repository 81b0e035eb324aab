/**
 * Copy text. In Premiere, UXP's clipboard is `navigator.clipboard.setContent({"text/plain": …})` and
 * works only with the manifest's `clipboard` permission ("readAndWrite": UXP has no write-only level);
 * the browser workbench has the standard `writeText`. Resolves false when neither took the text.
 */

/** The little of UXP's clipboard Cutaway uses (the UXP typings do not declare it). */
interface UxpClipboard {
  setContent(data: { "text/plain": string }): Promise<unknown>;
}

interface BrowserClipboard {
  writeText(text: string): Promise<void>;
}

export async function copyText(text: string, nav: { clipboard?: unknown } | undefined = globalThis.navigator as { clipboard?: unknown } | undefined): Promise<boolean> {
  const clip = nav?.clipboard as Partial<UxpClipboard & BrowserClipboard> | undefined;
  try {
    if (typeof clip?.setContent === "function") {
      await clip.setContent({ "text/plain": text });
      return true;
    }
    if (typeof clip?.writeText === "function") {
      await clip.writeText(text);
      return true;
    }
  } catch {
    // refused (no permission, no focus): the caller says so
  }
  return false;
}
