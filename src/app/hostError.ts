import { CutawayError } from "../core/errors";

/** Something the editor's host refused or could not do: no sequence open, a locked track, an import that failed. */
export class HostError extends CutawayError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = "HostError";
  }
}
