/**
 * The workbench's open dialog for a reference image: the browser's file input. The picked image is
 * copied into the workbench's in-memory files (the browser gives bytes, not a path), under a folder
 * of its own, and that path is what the bible keeps.
 */
import type { ImagePicker } from "../app/ports";
import type { MemoryFileStore } from "../host/memory/memoryFileStore";

export class BrowserImagePicker implements ImagePicker {
  constructor(private readonly files: MemoryFileStore, private readonly folder = "/workbench/Pictures") {}

  pickImage(): Promise<string | null> {
    return new Promise((resolve, reject) => {
      const input = document.createElement("input");
      input.type = "file";
      input.accept = "image/png,image/jpeg";
      input.style.display = "none";
      input.dataset["testid"] = "image-picker";
      const done = (): void => input.remove();
      input.addEventListener("cancel", () => (done(), resolve(null)));
      input.addEventListener("change", () => {
        const file = input.files?.[0];
        done();
        if (!file) return resolve(null);
        void file
          .arrayBuffer()
          .then(async (buf) => {
            await this.files.mkdirp(this.folder);
            const path = `${this.folder}/${file.name.replace(/[/\\]/g, "_")}`;
            await this.files.writeAtomic(path, new Uint8Array(buf));
            resolve(path);
          })
          .catch(reject);
      });
      document.body.appendChild(input);
      input.click();
    });
  }
}
