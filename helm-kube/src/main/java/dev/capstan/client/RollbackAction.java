package dev.capstan.client;

import dev.capstan.kube.ApplyException;
import dev.capstan.kube.ApplyOptions;
import dev.capstan.kube.ClusterException;
import dev.capstan.release.ApplyMethod;
import dev.capstan.release.HookEvent;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseInfo;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.storage.NoDeployedReleasesException;
import dev.capstan.storage.ReleaseExistsException;
import dev.capstan.storage.ReleaseNotFoundException;
import dev.capstan.storage.ReleaseStorage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Helm's rollback (§3.3): the stored manifest and hooks of an earlier revision, replayed. */
final class RollbackAction {
  private final Lifecycle life;

  RollbackAction(Lifecycle life) {
    this.life = life;
  }

  Release run(String name, String ns, RollbackOptions o) {
    life.requireReachable();
    ReleaseStorage storage = life.storage(ns, o.historyMax());
    Instant deadline = life.deadline(o.waitOptions().timeout());
    Release current;
    try {
      current = storage.last(name);
    } catch (ReleaseNotFoundException e) {
      throw new ReleaseOperationException("release: not found", e, null, null, null);
    }
    int targetVersion = o.toRevision() > 0 ? o.toRevision() : current.version() - 1;
    Release target;
    try {
      target = storage.get(name, targetVersion);
    } catch (ReleaseNotFoundException e) {
      throw new ReleaseOperationException("release has no " + targetVersion + " version", e, null,
          null, null);
    }
    ApplyMethod method = o.serverSide().forUpgrade(target.applyMethodIfSet());
    OffsetDateTime now = life.now();
    String description = "Rollback to " + targetVersion;
    Release release = new Release(name,
        new ReleaseInfo(current.info() == null ? now : current.info().firstDeployed(), now, null,
            description, ReleaseStatus.PENDING_ROLLBACK, 0,
            target.info() == null ? "" : target.info().notes(), Map.of()),
        target.chart(), target.config(), target.manifest(), target.hooks(),
        current.version() + 1, current.namespace().isEmpty() ? ns : current.namespace(), method,
        target.labels(), Map.of(), List.of());
    try {
      life.create(storage, release, life.lease());
    } catch (ReleaseExistsException e) {
      throw new ReleaseInProgressException("another operation (install/upgrade/rollback) is in "
          + "progress: revision " + release.version() + " of " + name + " was recorded meanwhile",
          storage.get(name, release.version()), e);
    }
    List<Map<String, Object>> previous =
        life.objects(current.manifest(), release.namespace(), "revision " + current.version());
    List<Map<String, Object>> targetObjects =
        life.objects(release.manifest(), release.namespace(), "revision " + targetVersion);

    if (!o.noHooks()) {
      try {
        release = life.runHooks(HookEvent.PRE_ROLLBACK, release, storage, method, deadline);
      } catch (Lifecycle.HookFailure f) {
        // §3.3 step 6: the record stays pending-rollback.
        throw new ReleaseOperationException(f.getMessage(), f.hook, f.release, null, null);
      }
    }
    ApplyOptions apply = Lifecycle.applyOptions(method, o.forceReplace(), o.forceConflicts(), name,
        release.namespace()).withTakeOwnership(true);
    try {
      life.apply(previous, targetObjects, apply, deadline);
    } catch (RuntimeException e) {
      String error = Lifecycle.message(e);
      life.update(storage, current.withInfo(current.info().withStatus(ReleaseStatus.SUPERSEDED)));
      Release failed = release.withInfo(release.info().withStatus(ReleaseStatus.FAILED)
          .withDescription("Rollback \"" + name + "\" failed: " + error));
      life.update(storage, failed, Map.of());
      if (o.cleanupOnFail() && e instanceof ApplyException ae) {
        List<String> cleanup = life.cleanUp(ae.partial().created(), targetObjects, deadline);
        if (!cleanup.isEmpty()) {
          error = "an error occurred while cleaning up resources. original rollback error: "
              + error + ": " + String.join("; ", cleanup);
        }
      }
      throw new ReleaseOperationException(error, e, failed, null, null);
    }
    try {
      life.waitReady(targetObjects, o.waitOptions(), deadline);
    } catch (ClusterException e) {
      String error = Lifecycle.message(e);
      Release failed = release.withInfo(release.info().withStatus(ReleaseStatus.FAILED)
          .withDescription("Release \"" + name + "\" failed: " + error));
      life.update(storage, failed, Map.of());
      throw new ReleaseOperationException("release " + name + " failed: " + error, e, failed,
          Lifecycle.notReady(e), null);
    }
    if (!o.noHooks()) {
      try {
        release = life.runHooks(HookEvent.POST_ROLLBACK, release, storage, method, deadline);
      } catch (Lifecycle.HookFailure f) {
        throw new ReleaseOperationException(f.getMessage(), f.hook, f.release, null, null);
      }
    }
    try {
      for (Release deployed : storage.deployedAll(name)) {
        life.update(storage, deployed.withInfo(deployed.info().withStatus(ReleaseStatus.SUPERSEDED)));
      }
    } catch (NoDeployedReleasesException none) {
      // Nothing to supersede.
    }
    Release done = release.withInfo(release.info().withStatus(ReleaseStatus.DEPLOYED));
    life.update(storage, done, Map.of());
    return done;
  }
}
