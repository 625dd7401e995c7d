package dev.capstan.client;

import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import dev.capstan.kube.ClusterException;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.ApplyMethod;
import dev.capstan.release.HookEvent;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseInfo;
import dev.capstan.release.ReleaseName;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.render.ChartCrd;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.render.RenderedChart;
import dev.capstan.storage.ReleaseExistsException;
import dev.capstan.storage.ReleaseNotFoundException;
import dev.capstan.storage.ReleaseStorage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helm's install (§3.1). */
final class InstallAction {
  private final Lifecycle life;
  private final UninstallAction uninstall;
  private final RecoverAction recover;

  InstallAction(Lifecycle life, UninstallAction uninstall, RecoverAction recover) {
    this.life = life;
    this.uninstall = uninstall;
    this.recover = recover;
  }

  Release run(String name, Chart chart, InstallOptions o) {
    ReleaseName.validate(name);
    boolean dry = o.dryRun() != DryRun.NONE;
    if (o.dryRun() != DryRun.CLIENT) {
      life.requireReachable();
    }
    String ns = life.namespace(o.namespace());
    ReleaseStorage storage = life.storage(ns, Optional.empty());
    Instant deadline = life.deadline(o.waitOptions().timeout());

    // §3.1 step 2 (skipped in dry runs): the name must be free, or reusable with replace.
    Release previous = null;
    if (!dry) {
      Optional<Release> last = lastOf(storage, name);
      if (last.isPresent()) {
        ReleaseStatus status = last.get().info() == null ? null : last.get().info().status();
        if (status != null && status.isPending() && life.autoRecover() != null
            && life.abandoned(storage, last.get())) {
          recover.run(name, ns, life.autoRecover(), false, RollbackOptions.builder().build());
          return run(name, chart, o);
        }
        if (!o.replace() || (status != ReleaseStatus.UNINSTALLED
            && status != ReleaseStatus.FAILED)) {
          throw new ReleaseOperationException(
              "release name check failed: cannot reuse a name that is still in use", null, null,
              null, null);
        }
        previous = last.get();
      }
    }

    RenderedChart rendered;
    try {
      rendered = life.render(chart, ReleaseOptions.install(name, ns), o.values(), o.dryRun());
    } catch (CapstanException e) {
      throw new ReleaseOperationException(Lifecycle.message(e), e, null, null, null);
    }
    ApplyMethod method = o.serverSide().forInstall();
    // A client-side dry run never contacts the cluster, not even to learn which kinds are namespaced.
    List<java.util.Map<String, Object>> target = o.dryRun() == DryRun.CLIENT ? List.of()
        : life.objects(rendered.manifestText(), ns, "release " + name);
    if (!o.takeOwnership() && o.dryRun() != DryRun.CLIENT) {
      List<String> conflicts =
          life.applier(deadline).ownershipConflicts(List.of(), target, name, ns);
      if (!conflicts.isEmpty()) {
        throw new ReleaseOperationException("unable to continue with install: " + conflicts.get(0),
            null, null, null, null);
      }
    }
    OffsetDateTime now = life.now();
    int version = previous == null ? 1 : previous.version() + 1;
    Release release = new Release(name,
        new ReleaseInfo(now, now, null, "Initial install underway", ReleaseStatus.PENDING_INSTALL,
            0, rendered.notes(), Map.of()),
        life.storedChart(rendered.values().chart()), o.values(), rendered.manifestText(),
        rendered.hooks(), version, ns, method, o.labels(), Map.of(), List.of());
    if (dry) {
      return release.withInfo(release.info().withDescription("Dry run complete"));
    }
    if (o.createNamespace()) {
      createNamespace(ns);
    }
    if (!o.skipCrds()) {
      createCrds(rendered.crds(), ns, o, deadline);
    }
    if (previous != null && previous.info().status() != ReleaseStatus.FAILED) {
      life.update(storage, previous.withInfo(previous.info().withStatus(ReleaseStatus.SUPERSEDED)
          .withDescription("superseded by new release")));
    }
    try {
      life.create(storage, release, life.lease());
    } catch (ReleaseExistsException e) {
      Release holder = storage.get(name, version);
      throw new ReleaseInProgressException("another operation (install/upgrade/rollback) is in "
          + "progress: revision " + version + " of " + name + " was recorded meanwhile", holder, e);
    }

    try {
      if (!o.noHooks()) {
        release = life.hooks(HookEvent.PRE_INSTALL, release, storage, method, deadline,
            m -> "failed pre-install: " + m);
      }
      life.apply(List.of(), target, Lifecycle.applyOptions(method, false, o.forceConflicts(), name,
          ns).withTakeOwnership(true), deadline);
      life.waitReady(target, o.waitOptions(), deadline);
      if (!o.noHooks()) {
        release = life.hooks(HookEvent.POST_INSTALL, release, storage, method, deadline,
            m -> "failed post-install: " + m);
      }
    } catch (Lifecycle.StepFailure f) {
      throw fail(f.release == null ? release : f.release, f.getMessage(), f.getCause(), o, ns);
    } catch (RuntimeException e) {
      throw fail(release, Lifecycle.message(e), e, o, ns);
    }
    Release deployed = release.withInfo(release.info().withStatus(ReleaseStatus.DEPLOYED)
        .withDescription(o.description().orElse("Install complete")));
    life.update(storage, deployed, Map.of());
    return deployed;
  }

  /** §3.1 step 17: record the failure, or uninstall with atomic. */
  private ReleaseOperationException fail(Release release, String error, Throwable cause,
      InstallOptions o, String ns) {
    Release failed = release.withInfo(release.info().withStatus(ReleaseStatus.FAILED)
        .withDescription("Release \"" + release.name() + "\" failed: " + error));
    java.util.Map<dev.capstan.kube.ResourceRef, dev.capstan.kube.readiness.Readiness> notReady =
        Lifecycle.notReady(cause);
    ReleaseStorage storage = life.storage(ns, Optional.empty());
    if (!o.atomic()) {
      life.update(storage, failed, Map.of());
      return new ReleaseOperationException(error, cause, failed, notReady, null);
    }
    life.event(new ProgressEvent.RollbackStarted(release.name(), 0, error));
    try {
      UninstallOptions.Builder un = UninstallOptions.builder();
      o.rollbackTimeout().or(() -> Optional.ofNullable(o.waitOptions().timeout()))
          .ifPresent(un::timeout);
      if (o.noHooks()) {
        un.noHooks();
      }
      uninstall.run(release.name(), ns, un.build());
    } catch (RuntimeException e) {
      life.event(new ProgressEvent.RollbackFinished(release.name(), false, Lifecycle.message(e)));
      life.update(storage, failed, Map.of());
      return new ReleaseOperationException("an error occurred while uninstalling the release."
          + " original install error: " + error + ": " + Lifecycle.message(e), cause, failed,
          notReady, new AtomicOutcome(AtomicOutcome.Action.UNINSTALLED, false, Optional.empty(),
          Lifecycle.message(e)));
    }
    life.event(new ProgressEvent.RollbackFinished(release.name(), true, ""));
    return new ReleaseOperationException("release " + release.name() + " failed, and has been "
        + "uninstalled due to rollback-on-failure being set: " + error, cause, failed, notReady,
        new AtomicOutcome(AtomicOutcome.Action.UNINSTALLED, true, Optional.empty(), ""));
  }

  private static Optional<Release> lastOf(ReleaseStorage storage, String name) {
    try {
      List<Release> history = storage.history(name);
      return Optional.of(history.get(history.size() - 1));
    } catch (ReleaseNotFoundException free) {
      return Optional.empty();
    }
  }

  private void createNamespace(String ns) {
    java.util.Map<String, Object> namespace = new java.util.LinkedHashMap<>();
    namespace.put("apiVersion", "v1");
    namespace.put("kind", "Namespace");
    namespace.put("metadata", java.util.Map.of("name", ns, "labels", java.util.Map.of("name", ns)));
    try {
      life.cluster().create(namespace);
    } catch (ClusterException.AlreadyExists exists) {
      // As Helm: an existing namespace is fine.
    }
  }

  /** §5.8: the chart's CRDs, created before anything else; existing ones are left as they are. */
  private void createCrds(List<ChartCrd> crds, String ns, InstallOptions o, Instant deadline) {
    List<java.util.Map<String, Object>> created = new ArrayList<>();
    for (ChartCrd crd : crds) {
      for (java.util.Map<String, Object> object : life.objects(crd.content(), ns, crd.path())) {
        try {
          life.cluster().create(object);
          created.add(object);
        } catch (ClusterException.AlreadyExists exists) {
          // Helm skips CRDs that exist: they are never upgraded.
        }
      }
    }
    life.waitReady(created, o.waitOptions(), deadline);
  }
}
