/**
 * The Bible tab: the film's characters, places and looks. Entries arrive from the script breakdown
 * and can be added by hand; each description is used word for word in every prompt that names the
 * entry, and its reference images (a frame at the playhead, or a PNG/JPEG file) go to the models
 * that take them. Removing an entry or a reference never deletes a file.
 */
import React, { useEffect, useState } from "react";
import type { BibleApi, BibleEntry, EntryKind } from "../../app/bible/bibleApi";
import { useSubscribed } from "../useAppState";
import { Button, Detail, Heading, Picker, TextField } from "../widgets/widgets";

const KINDS: readonly { value: EntryKind; label: string }[] = [
  { value: "character", label: "Character" },
  { value: "place", label: "Place" },
  { value: "look", label: "Look" },
];

/** the app turns failures into notices; the panel only keeps them from being unhandled */
const quietly = (p: Promise<unknown>): void => void p.catch(() => undefined);

function EntryCard(p: { bible: BibleApi; entry: BibleEntry; others: readonly BibleEntry[] }) {
  const e = p.entry;
  const [description, setDescription] = useState(e.description);
  const [variants, setVariants] = useState(e.variants.join(", "));
  const [file, setFile] = useState("");
  useEffect(() => setDescription(e.description), [e.description]);
  useEffect(() => setVariants(e.variants.join(", ")), [e.variants]);
  const dirty = description !== e.description || variants !== e.variants.join(", ");
  const save = () => quietly(p.bible.updateEntry(e.id, { description, variants: variants.split(",").map((v) => v.trim()).filter(Boolean) }));
  const mergeable = p.others.filter((o) => o.kind === e.kind && o.id !== e.id);
  return (
    <div className="cw-shot" data-testid={`bible-entry-${e.id}`}>
      <div className="cw-row">
        <strong>{e.name}</strong>
        <span className="cw-muted">{e.kind}{e.always ? " · every shot" : ""}{e.fromBreakdown ? " · from the script" : ""}</span>
      </div>
      <TextField testId={`bible-description-${e.id}`} multiline rows={2} value={description} onChange={setDescription} placeholder="Description used word for word in every prompt that names this entry" />
      <div className="cw-row">
        <TextField testId={`bible-variants-${e.id}`} value={variants} onChange={setVariants} placeholder="Other names, comma-separated" />
        <Button testId={`bible-save-${e.id}`} onClick={save} disabled={!dirty}>Save</Button>
      </div>
      {e.references.map((r) => (
        <div className="cw-row cw-hint" key={r.id} data-testid={`bible-ref-${r.id}`}>
          <span className="cw-ellipsis" title={r.path}>{r.origin === "timeline" ? `Frame ${r.note ?? ""}` : r.path.slice(r.path.lastIndexOf("/") + 1)}</span>
          <Button quiet onClick={() => quietly(p.bible.preferReference(e.id, r.id))}>Use first</Button>
          <Button quiet onClick={() => quietly(p.bible.removeReference(e.id, r.id))}>Remove</Button>
        </div>
      ))}
      <div className="cw-row">
        <Button testId={`bible-frame-${e.id}`} onClick={() => quietly(p.bible.addReferenceFromPlayhead(e.id))}>Frame at playhead</Button>
        <Button testId={`bible-selected-${e.id}`} onClick={() => quietly(p.bible.addReferenceFromSelection(e.id))}>Selected clip</Button>
        {p.bible.canPickFiles() ? <Button testId={`bible-pick-${e.id}`} onClick={() => quietly(p.bible.addReferenceFromPicker(e.id))}>Image file…</Button> : null}
      </div>
      <div className="cw-row">
        <TextField testId={`bible-file-${e.id}`} value={file} onChange={setFile} placeholder="or a PNG or JPEG path" />
        <Button onClick={() => quietly(p.bible.addReferenceFromFile(e.id, file.trim()).then(() => setFile("")))} disabled={!file.trim()}>Add file</Button>
      </div>
      <div className="cw-row">
        {mergeable.length ? (
          <Picker value="" label="Merge into" options={[{ value: "", label: "Merge into…" }, ...mergeable.map((o) => ({ value: o.id, label: o.name }))]} onChange={(into) => into && quietly(p.bible.mergeEntries(into, e.id))} />
        ) : null}
        <Button quiet variant="warning" testId={`bible-remove-${e.id}`} onClick={() => quietly(p.bible.removeEntry(e.id))}>Remove entry</Button>
      </div>
    </div>
  );
}

export function BibleSection(p: { bible: BibleApi }) {
  const s = useSubscribed(p.bible);
  const [kind, setKind] = useState<EntryKind>("character");
  const [name, setName] = useState("");
  const add = () => quietly(p.bible.addEntry({ kind, name, ...(kind === "look" ? { always: true } : {}) }).then(() => setName("")));
  return (
    <div className="cw-section" data-testid="bible">
      <Heading>Bible</Heading>
      <Detail>
        {s.path ? (s.besideProject ? `Saved beside the project (${s.path.slice(s.path.lastIndexOf("/") + 1)}).` : "Saved in Cutaway's own folder until the project is saved.") : "Loading…"} Characters and places arrive with each script breakdown.
      </Detail>
      <div className="cw-row">
        <Picker value={kind} options={KINDS} onChange={(v) => setKind(v as EntryKind)} label="Kind" />
        <TextField testId="bible-new-name" value={name} onChange={setName} placeholder="Name" onEnter={add} />
        <Button testId="bible-add" onClick={add} disabled={!name.trim()}>Add</Button>
      </div>
      {s.entries.length === 0 ? <div className="cw-empty">No entries yet. Break a script down, or add a character, place or look by hand.</div> : null}
      {s.entries.map((e) => (
        <EntryCard key={e.id} bible={p.bible} entry={e} others={s.entries} />
      ))}
    </div>
  );
}
