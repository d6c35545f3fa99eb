/** A render failure with a message meant for the author: printed as is, without a stack. */
export class RenderError extends Error {
  override name = 'RenderError';
}

/** Chromium died under us (page crash, closed target): worth one more try. */
export class CrashError extends RenderError {
  override name = 'CrashError';
}
