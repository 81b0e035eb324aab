/**
 * Source prep before the timeline edit: in/out on each new project item (Premiere's way to fit a clip
 * to a range: there is no speed setter), colour label and provenance metadata, for a whole batch in
 * one transaction. Its own transaction because reads inside a compound do not see its pending
 * changes: the overwrite must come after the in/out has committed.
 */
import type { ResolvedPlacement } from "../../app/ports";
import type { PProject, PProjectItem, PremiereModule } from "./premiereApi";
import { provenanceFields, withFields } from "./provenance";
import { tickTime } from "./tickTime";

export const PREPARE_UNDO_NAME = "Cutaway: prepare media";

export async function prepareMedia(ppro: PremiereModule, project: PProject, entries: readonly { readonly p: ResolvedPlacement; readonly item: PProjectItem }[]): Promise<boolean> {
  const metadata = await Promise.all(entries.map(async (a) => withFields(await ppro.Metadata.getProjectMetadata(a.item), provenanceFields(a.p.provenance))));
  const clips = entries.map((a) => ppro.ClipProjectItem.cast(a.item));
  if (clips.some((c) => !c)) return false;
  let prepared = false;
  project.lockedAccess(() => {
    prepared = project.executeTransaction((c) => {
      entries.forEach((a, i) => {
        c.addAction(clips[i]!.createSetInOutPointsAction(tickTime(ppro, a.p.sourceIn), tickTime(ppro, a.p.sourceOut)));
        if (a.p.labelIndex !== undefined) c.addAction(a.item.createSetColorLabelAction(a.p.labelIndex));
        const m = metadata[i]!;
        c.addAction(ppro.Metadata.createSetProjectMetadataAction(a.item, m.xml, m.updated));
      });
    }, PREPARE_UNDO_NAME);
  });
  return prepared;
}
