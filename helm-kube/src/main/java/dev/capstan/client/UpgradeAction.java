package dev.capstan.client;

import dev.capstan.CapstanException;
import dev.capstan.chart.Chart;
import dev.capstan.kube.ApplyException;
import dev.capstan.kube.ApplyOptions;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.ApplyMethod;
import dev.capstan.release.HookEvent;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseInfo;
import dev.capstan.release.ReleaseName;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.render.RenderedChart;
import dev.capstan.storage.NoDeployedReleasesException;
import dev.capstan.storage.ReleaseExistsException;
import dev.capstan.storage.ReleaseNotFoundException;
import dev.capstan.storage.ReleaseStorage;
import dev.capstan.values.Coalescing;
import dev.capstan.values.Values;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helm's upgrade (§3.2), with its values rules (§4.2). */
final class UpgradeAction {
  private final Lifecycle life;
  private final InstallAction install;
  private final RollbackAction rollback;
  private final RecoverAction recover;

  UpgradeAction(Lifecycle life, InstallAction install, RollbackAction rollback,
      RecoverAction recover) {
    this.life = life;
    this.install = install;
    this.rollback = rollback;
    this.recover = recover;
  }

  Release run(String name, Chart chart, UpgradeOptions o) {
    try {
      ReleaseName.validate(name);
    } catch (CapstanException e) {
      throw new ReleaseOperationException("release name is invalid: " + name, e, null, null, null);
    }
    String ns = life.namespace(o.namespace());
    ReleaseStorage storage = life.storage(ns, o.historyMax());
    Release last;
    try {
      last = storage.last(name);
    } catch (ReleaseNotFoundException e) {
      if (o.installIfMissing()) {
        return install.run(name, chart, installOptions(o, false));
      }
      throw new ReleaseOperationException("\"" + name + "\" has no deployed releases", e, null,
          null, null);
    }
    ReleaseStatus lastStatus = last.info() == null ? null : last.info().status();
    if (o.installIfMissing() && lastStatus == ReleaseStatus.UNINSTALLED) {
      return install.run(name, chart, installOptions(o, true));
    }
    if (o.dryRun() != DryRun.CLIENT) {
      life.requireReachable();
    }
    if (lastStatus != null && lastStatus.isPending()) {
      if (o.waitForRelease().isPresent() && !life.abandoned(storage, last)
          && life.awaitNotPending(storage, name, o.waitForRelease().get())) {
        return run(name, chart, o);
      }
      if (life.autoRecover() == null || !life.abandoned(storage, last)) {
        throw life.inProgress(storage, last);
      }
      recover.run(name, ns, life.autoRecover(), false, RollbackOptions.builder().build());
      return run(name, chart, o);
    }
    Release current = current(storage, name, last, lastStatus);
    Instant deadline = life.deadline(o.waitOptions().timeout());

    // §4.2: which values, over which chart defaults.
    Values newValues = o.values();
    Chart renderChart = chart;
    switch (o.valuesMode()) {
      case RESET -> { }
      case REUSE -> {
        Values oldComputed = Lifecycle.computedValues(current);
        renderChart = chart.toBuilder().values(oldComputed).build();
        newValues = Coalescing.coalesceTables(newValues, current.config());
      }
      case RESET_THEN_REUSE -> newValues = Coalescing.coalesceTables(newValues, current.config());
      case DEFAULT -> {
        if (newValues.isEmpty() && !current.config().isEmpty()) {
          newValues = current.config();
        }
      }
      default -> throw new IllegalStateException(o.valuesMode().name());
    }

    int revision = last.version() + 1;
    String releaseNs = current.namespace().isEmpty() ? ns : current.namespace();
    RenderedChart rendered;
    try {
      rendered = life.render(renderChart, ReleaseOptions.upgrade(name, releaseNs, revision),
          newValues, o.dryRun());
    } catch (CapstanException e) {
      throw new ReleaseOperationException(Lifecycle.message(e), e, null, null, null);
    }
    ApplyMethod method = o.serverSide().forUpgrade(current.applyMethodIfSet());
    Release upgraded = new Release(name,
        new ReleaseInfo(current.info().firstDeployed(), life.now(), null, "Preparing upgrade",
            ReleaseStatus.PENDING_UPGRADE, 0, rendered.notes(), Map.of()),
        life.storedChart(rendered.values().chart()), newValues, rendered.manifestText(),
        rendered.hooks(), revision, releaseNs, method, labels(last.labels(), o.labels()),
        Map.of(), List.of());

    if (o.dryRun() == DryRun.CLIENT) {
      // Never contacts the cluster, not even to learn which kinds are namespaced.
      return dryRunResult(upgraded, o);
    }
    List<Map<String, Object>> previous =
        life.objects(current.manifest(), releaseNs, "revision " + current.version());
    List<Map<String, Object>> target = life.objects(upgraded.manifest(), releaseNs,
        "release " + name);
    if (!o.takeOwnership()) {
      List<String> conflicts = life.applier(deadline).ownershipConflicts(previous, target, name,
          releaseNs);
      if (!conflicts.isEmpty()) {
        throw new ReleaseOperationException("unable to continue with update: " + conflicts.get(0),
            null, null, null, null);
      }
    }
    if (o.dryRun() != DryRun.NONE) {
      return dryRunResult(upgraded, o);
    }
    try {
      life.create(storage, upgraded, life.lease());
    } catch (ReleaseExistsException e) {
      throw new ReleaseInProgressException("another operation (install/upgrade/rollback) is in "
          + "progress: revision " + revision + " of " + name + " was recorded meanwhile",
          storage.get(name, revision), e);
    }

    ApplyOptions apply = Lifecycle.applyOptions(method, o.forceReplace(), o.forceConflicts(), name,
        releaseNs).withTakeOwnership(true)
        .withRecreateOnImmutableChange(o.recreateOnImmutableChange());
    List<dev.capstan.kube.ResourceRef> created = List.of();
    try {
      if (!o.noHooks()) {
        upgraded = life.hooks(HookEvent.PRE_UPGRADE, upgraded, storage, method, deadline,
            m -> "pre-upgrade hooks failed: " + m);
      }
      try {
        created = life.apply(previous, target, apply, deadline).created();
      } catch (ApplyException e) {
        created = e.partial().created();
        throw e;
      }
      life.waitReady(target, o.waitOptions(), deadline);
      if (!o.noHooks()) {
        upgraded = life.hooks(HookEvent.POST_UPGRADE, upgraded, storage, method, deadline,
            m -> "post-upgrade hooks failed: " + m);
      }
    } catch (Lifecycle.StepFailure f) {
      throw fail(f.release == null ? upgraded : f.release, current, f.getMessage(), f.getCause(),
          created, target, o, storage, deadline);
    } catch (RuntimeException e) {
      throw fail(upgraded, current, Lifecycle.message(e), e, created, target, o, storage, deadline);
    }
    life.update(storage, current.withInfo(current.info().withStatus(ReleaseStatus.SUPERSEDED)));
    Release deployed = upgraded.withInfo(upgraded.info().withStatus(ReleaseStatus.DEPLOYED)
        .withDescription(o.description().orElse("Upgrade complete")));
    life.update(storage, deployed, Map.of());
    return deployed;
  }

  /** What a dry run returns (§3.2 step 11): the revision it would record, not stored. */
  private static Release dryRunResult(Release upgraded, UpgradeOptions o) {
    return upgraded.withInfo(upgraded.info().withDescription(
        o.description().orElse("Dry run complete")));
  }

  /** §3.2 step 4: the deployed revision, or the failed/superseded last one when none is. */
  private static Release current(ReleaseStorage storage, String name, Release last,
      ReleaseStatus lastStatus) {
    if (lastStatus == ReleaseStatus.DEPLOYED) {
      return last;
    }
    try {
      return storage.deployed(name);
    } catch (NoDeployedReleasesException none) {
      if (lastStatus == ReleaseStatus.FAILED || lastStatus == ReleaseStatus.SUPERSEDED) {
        return last;
      }
      throw new ReleaseOperationException("\"" + name + "\" has no deployed releases", none, null,
          null, null);
    }
  }

  /** merge(last.labels, new): a new value of {@code null} removes the label (§3.2 step 8). */
  private static Map<String, String> labels(Map<String, String> old, Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>(old);
    given.forEach((k, v) -> {
      if (v.equals("null")) {
        out.remove(k);
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  /** §3.2 step 14: record the failure, clean up, roll back with atomic. */
  private ReleaseOperationException fail(Release upgraded, Release current, String error,
      Throwable cause, List<dev.capstan.kube.ResourceRef> created,
      List<Map<String, Object>> target, UpgradeOptions o, ReleaseStorage storage,
      Instant deadline) {
    Release failed = upgraded.withInfo(upgraded.info().withStatus(ReleaseStatus.FAILED)
        .withDescription("Upgrade \"" + upgraded.name() + "\" failed: " + error));
    life.update(storage, failed, Map.of());
    Map<dev.capstan.kube.ResourceRef, dev.capstan.kube.readiness.Readiness> notReady =
        Lifecycle.notReady(cause);
    if (o.cleanupOnFail() && !created.isEmpty()) {
      List<String> cleanup = life.cleanUp(created, target, deadline);
      if (!cleanup.isEmpty()) {
        return new ReleaseOperationException("an error occurred while cleaning up resources."
            + " original upgrade error: " + error + ": " + String.join("; ", cleanup), cause,
            failed, notReady, null);
      }
    }
    if (!o.atomic()) {
      return new ReleaseOperationException(error, cause, failed, notReady, null);
    }
    Optional<Release> good = Lifecycle.lastSuccessful(storage, upgraded.name());
    if (good.isEmpty()) {
      return new ReleaseOperationException("unable to find a previously successful release when "
          + "attempting to rollback. original upgrade error: " + error, cause, failed, notReady,
          new AtomicOutcome(AtomicOutcome.Action.ROLLED_BACK, false, Optional.empty(),
              "no deployed or superseded revision"));
    }
    RollbackOptions.Builder rb = RollbackOptions.builder().toRevision(good.get().version())
        .waitMode(o.waitMode())
        .waitForJobs(o.waitOptions().waitForJobs());
    o.rollbackTimeout().or(() -> Optional.ofNullable(o.waitOptions().timeout()))
        .ifPresent(rb::timeout);
    if (o.forceReplace()) {
      rb.forceReplace();
    }
    if (o.noHooks()) {
      rb.noHooks();
    }
    o.historyMax().ifPresent(rb::historyMax);
    life.event(new ProgressEvent.RollbackStarted(upgraded.name(), good.get().version(), error));
    try {
      Release rolledBack = rollback.run(upgraded.name(), storage.namespace(), rb.build());
      life.event(new ProgressEvent.RollbackFinished(upgraded.name(), true, ""));
      return new ReleaseOperationException("release " + upgraded.name() + " failed, and has been "
          + "rolled back due to rollback-on-failure being set: " + error, cause, failed, notReady,
          new AtomicOutcome(AtomicOutcome.Action.ROLLED_BACK, true, Optional.of(rolledBack), ""));
    } catch (ReleaseOperationException e) {
      life.event(new ProgressEvent.RollbackFinished(upgraded.name(), false, e.getMessage()));
      return new ReleaseOperationException("an error occurred while rolling back the release. "
          + "original upgrade error: " + error + ": " + e.getMessage(), cause, failed, notReady,
          new AtomicOutcome(AtomicOutcome.Action.ROLLED_BACK, false, e.release(),
              e.getMessage()));
    }
  }

  /** The install that {@code upgrade --install} runs (with replace after an uninstall). */
  private static InstallOptions installOptions(UpgradeOptions o, boolean replace) {
    InstallOptions.Builder b = InstallOptions.builder().values(o.values())
        .serverSide(o.serverSide());
    o.namespace().ifPresent(b::namespace);
    if (o.waitMode() != WaitMode.HOOKS_ONLY) {
      b.waitMode(o.waitMode());
    }
    b.waitForJobs(o.waitOptions().waitForJobs());
    if (o.waitOptions().timeout() != null) {
      b.timeout(o.waitOptions().timeout());
    }
    if (o.atomic()) {
      o.rollbackTimeout().ifPresentOrElse(b::atomic, b::atomic);
    }
    if (replace) {
      b.replace();
    }
    if (o.createNamespace()) {
      b.createNamespace();
    }
    if (o.takeOwnership()) {
      b.takeOwnership();
    }
    if (o.noHooks()) {
      b.noHooks();
    }
    if (o.forceConflicts()) {
      b.forceConflicts();
    }
    o.labels().forEach(b::label);
    o.description().ifPresent(b::description);
    return b.build();
  }
}
