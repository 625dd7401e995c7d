package dev.capstan.client;

import dev.capstan.kube.ClusterException;
import dev.capstan.kube.DeletionResult;
import dev.capstan.kube.ResourceRef;
import dev.capstan.release.ApplyMethod;
import dev.capstan.release.HookEvent;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.storage.ReleaseNotFoundException;
import dev.capstan.storage.ReleaseStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helm's uninstall (§3.4). */
final class UninstallAction {
  private final Lifecycle life;

  UninstallAction(Lifecycle life) {
    this.life = life;
  }

  Optional<UninstallResult> run(String name, String ns, UninstallOptions o) {
    ReleaseStorage storage = life.storage(ns, Optional.of(0));
    Instant deadline = life.deadline(o.timeout().orElse(null));
    List<Release> history;
    try {
      history = storage.history(name);
    } catch (ReleaseNotFoundException e) {
      if (o.ignoreNotFound()) {
        return Optional.empty();
      }
      throw new ReleaseOperationException("uninstall: Release not loaded: " + name
          + ": release: not found", e, null, null, null);
    }
    Release rel = history.get(history.size() - 1);
    if (rel.info() != null && rel.info().status() == ReleaseStatus.UNINSTALLED) {
      if (o.keepHistory()) {
        throw new ReleaseOperationException("the release named \"" + name
            + "\" is already deleted", null, rel, null, null);
      }
      purge(storage, history);
      return Optional.of(new UninstallResult(rel, List.of(), ""));
    }
    rel = rel.withInfo(rel.info().withStatus(ReleaseStatus.UNINSTALLING).withDeleted(life.now())
        .withDescription("Deletion in progress (or silently failed)"));
    if (!o.noHooks()) {
      try {
        rel = life.runHooks(HookEvent.PRE_DELETE, rel, storage, ApplyMethod.SERVER_SIDE, deadline);
      } catch (Lifecycle.HookFailure f) {
        throw new ReleaseOperationException(f.getMessage(), f.hook, f.release, null, null);
      }
    }
    life.update(storage, rel);

    List<Map<String, Object>> objects = life.objects(rel.manifest(), ns, "release " + name);
    DeletionResult deleted;
    try {
      deleted = life.applier(deadline).deleteAll(objects, o.cascade());
    } catch (ClusterException e) {
      throw new ReleaseOperationException("failed to delete release: " + name + ": "
          + e.getMessage(), e, rel, null, null);
    }
    List<String> errors = new ArrayList<>();
    if (o.waitForDeletion()) {
      try {
        life.waitDeleted(deleted.deleted(), deadline);
      } catch (ClusterException e) {
        errors.add(e.getMessage());
      }
    }
    if (!o.noHooks()) {
      try {
        rel = life.runHooks(HookEvent.POST_DELETE, rel, storage, ApplyMethod.SERVER_SIDE,
            deadline);
      } catch (Lifecycle.HookFailure f) {
        rel = f.release;
        errors.add(f.getMessage());
      }
    }
    rel = rel.withInfo(rel.info().withStatus(ReleaseStatus.UNINSTALLED)
        .withDescription(o.description().orElse("Uninstallation complete")));
    if (o.keepHistory()) {
      life.update(storage, rel);
      for (Release r : history) {
        if (r.version() != rel.version() && r.info() != null
            && r.info().status() == ReleaseStatus.DEPLOYED) {
          life.update(storage, r.withInfo(r.info().withStatus(ReleaseStatus.SUPERSEDED)));
        }
      }
    } else {
      purge(storage, history);
    }
    if (!errors.isEmpty()) {
      throw new ReleaseOperationException("uninstallation completed with " + errors.size()
          + " error(s): " + String.join("; ", errors), null, rel, null, null);
    }
    return Optional.of(new UninstallResult(rel, deleted.kept(), keptInfo(deleted.kept())));
  }

  private static void purge(ReleaseStorage storage, List<Release> history) {
    for (Release r : history) {
      try {
        storage.delete(r.name(), r.version());
      } catch (ReleaseNotFoundException gone) {
        // Deleted meanwhile: the goal is reached.
      }
    }
  }

  /** Helm's report of the objects kept by their resource policy. */
  static String keptInfo(List<ResourceRef> kept) {
    if (kept.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("These resources were kept due to the resource policy:\n");
    for (ResourceRef r : kept) {
      sb.append('[').append(r.kind()).append("] ").append(r.name()).append('\n');
    }
    return sb.toString();
  }
}
