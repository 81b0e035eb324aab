/**
 * The create body for each variant of the OpenAI-style /videos API: the generic one (LiteLLM: one
 * reference image as `input_reference`, "WIDTHxHEIGHT", seconds as a string) and OpenRouter's
 * (`frame_images` for first and last frames, `resolution`, `seed`). Everything the model cannot take
 * is refused here, before any money is spent.
 */
import { GenerationError } from "../errors";
import { imageDataUri } from "../http";
import type { GenerationRequest } from "../types";
import type { OpenAIVideoModel } from "./models";
import { defaultLabel, OPENAI_VIDEOS_BACKEND_ID, type OpenAIVideosVariant } from "./variant";

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: OPENAI_VIDEOS_BACKEND_ID });
}

/** The size the model offers for the sequence's aspect: exact, else the smallest that covers it, else the largest. */
function pickSize(m: OpenAIVideoModel, req: GenerationRequest): OpenAIVideoModel["sizes"][number] {
  const sizes = m.sizes.filter((s) => s.aspect === req.aspect).sort((a, b) => a.width * a.height - b.width * b.height);
  const exact = sizes.find((s) => s.width === req.size.width && s.height === req.size.height);
  const area = req.size.width * req.size.height;
  const size = exact ?? sizes.find((s) => s.width * s.height >= area) ?? sizes[sizes.length - 1];
  if (!size) throw refuse(`${m.label} cannot make ${req.aspect} video (it offers ${m.aspects.join(", ")}).`);
  return size;
}

/** The create body for one variant; everything the model cannot take is refused before any money is spent. */
export function buildVideoBody(m: OpenAIVideoModel, req: GenerationRequest, variant: OpenAIVideosVariant, label = defaultLabel(variant)): Record<string, unknown> {
  if (!m.durationsSeconds.includes(req.durationSeconds)) {
    throw refuse(`${m.label} makes clips of ${m.durationsSeconds.join(", ")} s, not ${req.durationSeconds} s; pick one of those lengths.`);
  }
  if (!m.aspects.includes(req.aspect)) throw refuse(`${m.label} cannot make ${req.aspect} video (it offers ${m.aspects.join(", ")}).`);
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > m.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; ${m.label} takes at most ${m.maxPromptChars}. Shorten it.`);
  if (req.firstFrame && !m.imageToVideo) throw refuse(`${m.label} cannot start from a reference frame; pick an image-to-video model or drop the frame.`);
  if (req.lastFrame && !(variant === "openrouter" && m.lastFrame)) {
    throw refuse(`${m.label} through ${label} cannot end on a given last frame; drop the last frame or pick a model that supports first and last frames.`);
  }
  if (req.lastFrame && !req.firstFrame) throw refuse(`${m.label} needs a first frame whenever a last frame is given.`);
  const size = pickSize(m, req);
  if (variant === "generic") {
    return {
      model: m.id,
      prompt: req.prompt,
      seconds: String(req.durationSeconds),
      size: `${size.width}x${size.height}`,
      ...(req.firstFrame ? { input_reference: imageDataUri(req.firstFrame) } : {}),
    };
  }
  const frames = [
    ...(req.firstFrame ? [{ type: "image_url", image_url: { url: imageDataUri(req.firstFrame) }, frame_type: "first_frame" }] : []),
    ...(req.lastFrame ? [{ type: "image_url", image_url: { url: imageDataUri(req.lastFrame) }, frame_type: "last_frame" }] : []),
  ];
  return {
    model: m.id,
    prompt: req.prompt,
    duration: req.durationSeconds,
    aspect_ratio: req.aspect,
    ...(size.label ? { resolution: size.label } : {}),
    ...(m.seed && req.seed !== undefined ? { seed: req.seed } : {}),
    ...(frames.length > 0 ? { frame_images: frames } : {}),
  };
}
