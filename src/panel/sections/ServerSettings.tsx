/**
 * Where self-hosted and gateway backends live, the ComfyUI workflow, and the LLM for scripts. What is
 * typed is checked by the app when saved; a problem shows as a notice and nothing is stored.
 */
import React, { useState } from "react";
import type { AppState, CutawayApi } from "../../app/api";
import { Button, Detail, Heading, TextField } from "../widgets/widgets";

const SERVERS: ReadonlyArray<{ id: string; label: string; placeholder: string }> = [
  { id: "openai-videos", label: "Video gateway", placeholder: "http://localhost:4000/v1 (LiteLLM)" },
  { id: "comfyui", label: "ComfyUI servers", placeholder: "http://127.0.0.1:8188, http://gpu2:8188" },
];

function ServerRow(p: { api: CutawayApi; id: string; label: string; placeholder: string; value: string; all: Readonly<Record<string, string>> }) {
  const [value, setValue] = useState(p.value);
  const save = (): void => {
    const next: Record<string, string> = { ...p.all };
    if (value.trim()) next[p.id] = value.trim();
    else delete next[p.id];
    void p.api.saveSettings({ baseUrls: next }).catch(() => undefined);
  };
  return (
    <div className="cw-row" data-testid={`server-${p.id}`}>
      <TextField testId={`server-input-${p.id}`} label={p.label} value={value} onChange={setValue} placeholder={p.placeholder} onEnter={save} />
      <Button onClick={save}>Save</Button>
    </div>
  );
}

export function ServerSettings(p: { api: CutawayApi; state: AppState }) {
  const s = p.state.settings;
  const ids = new Set(p.state.providers.map((x) => x.id));
  const [workflow, setWorkflow] = useState(s.comfyWorkflow ?? "");
  const [llmModel, setLlmModel] = useState(s.llmModel);
  const [llmBase, setLlmBase] = useState(s.llmBaseUrl ?? "");
  const save = (patch: Parameters<CutawayApi["saveSettings"]>[0]): void => void p.api.saveSettings(patch).catch(() => undefined);
  return (
    <>
      <Heading>Servers</Heading>
      {SERVERS.filter((x) => ids.has(x.id)).map((x) => (
        <ServerRow key={x.id} api={p.api} id={x.id} label={x.label} placeholder={x.placeholder} value={s.baseUrls[x.id] ?? ""} all={s.baseUrls} />
      ))}
      {ids.has("comfyui") ? (
        <>
          <Detail>ComfyUI workflow: in ComfyUI use “Export (API)”, then put {"{{prompt}}"} (and {"{{negative}}"}, {"{{seed}}"}, {"{{width}}"}, {"{{height}}"}, {"{{frames}}"}, {"{{fps}}"}, {"{{image}}"}) where Cutaway should fill them. Start ComfyUI with --enable-cors-header.</Detail>
          <TextField testId="comfy-workflow" label="ComfyUI workflow (API format JSON)" multiline rows={4} value={workflow} onChange={setWorkflow} placeholder='{"3": {"class_type": "KSampler", "inputs": {…}}}' />
          <Button onClick={() => save({ comfyWorkflow: workflow.trim() || null })}>Save workflow</Button>
        </>
      ) : null}
      <Heading>Script writing (LLM)</Heading>
      <div className="cw-row">
        <TextField testId="llm-model" label="Model" value={llmModel} onChange={setLlmModel} placeholder="gpt-5-mini" />
        <TextField testId="llm-base" label="Server (empty: OpenAI)" value={llmBase} onChange={setLlmBase} placeholder="https://api.openai.com/v1 or an OpenAI-compatible server" />
        <Button testId="llm-save" onClick={() => save({ llmModel: llmModel.trim() || "gpt-5-mini", llmBaseUrl: llmBase.trim() || null })}>Save</Button>
      </div>
    </>
  );
}
