package dev.capstan.client;

/** What an operation waits for after applying, as Helm 4's {@code --wait} values. */
public enum WaitMode {
  /** Only hooks are waited for (Helm 4's default, {@code --wait=hookOnly}). */
  HOOKS_ONLY,
  /** Every resource until it is current by kstatus rules ({@code --wait}, {@code --wait=watcher}). */
  WATCHER,
  /** Every resource by Helm 3's readiness rules ({@code --wait=legacy}). */
  LEGACY
}
