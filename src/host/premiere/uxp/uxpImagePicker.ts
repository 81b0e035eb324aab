/**
 * The system open dialog for a reference image, through UXP's local file system (the manifest asks
 * for fullAccess, which the dialog needs). The file is used where it is: Cutaway never copies or
 * deletes an editor's image.
 */
import type { ImagePicker } from "../../../app/ports";
import type { UxpModule } from "./uxpApi";

export class UxpImagePicker implements ImagePicker {
  constructor(private readonly uxp: UxpModule) {}

  async pickImage(): Promise<string | null> {
    const got = await this.uxp.storage.localFileSystem.getFileForOpening({ allowMultiple: false, types: ["png", "jpg", "jpeg"] });
    // a cancelled dialog answers nothing (or an empty list where several files were allowed)
    const entry = Array.isArray(got) ? got[0] : got;
    return entry?.nativePath ? entry.nativePath.replace(/\\/g, "/") : null;
  }
}
