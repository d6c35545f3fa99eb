/**
 * Imported for its effect by a process we start with an IPC channel (an `'ipc'` entry in its stdio): the
 * build a `--watch` runs, and Astro (`node --import` this file). When the parent dies, however it
 * dies (SIGKILL included, where no handler of its runs), the kernel closes the channel; the child
 * then stops as if sent SIGTERM (a build removes its work folder and its Chromium ends with it),
 * rather than run on, re-parented to init, and publish a build nobody waits for. Started without
 * a channel (from a shell, or a test), a process is not affected.
 */
if (process.channel) {
  // The channel carries no messages: it must not keep a finished child alive.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

export {};
