package dev.capstan.progress;

import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.readiness.Readiness;
import dev.capstan.release.HookEvent;
import dev.capstan.release.HookPhase;
import java.util.Objects;

/**
 * Something an operation did or saw, as it happened. Each event is an immutable record with a
 * one-line {@link #message()} for people; programs look at the record's type and fields.
 *
 * <p>New event types may be added in later versions; listeners should ignore types they do not
 * know.
 */
public interface ProgressEvent {

  /** A one-line description, such as {@code created Deployment/prod/web}. */
  String message();

  /** What applying did to one object. */
  enum ApplyAction {
    /** The object did not exist and was created. */
    CREATED("created"),
    /** The object existed and was changed. */
    UPDATED("updated"),
    /** The object existed and needed no change; nothing was sent. */
    UNCHANGED("unchanged"),
    /** The object was deleted and created again because an immutable field changed. */
    RECREATED("recreated");

    private final String verb;

    ApplyAction(String verb) {
      this.verb = verb;
    }

    /** The past-tense verb used in messages. */
    public String verb() {
      return verb;
    }
  }

  /**
   * An object of the release was applied.
   *
   * @param ref the object
   * @param action what was done
   * @param detail why, for {@link ApplyAction#RECREATED} the immutable field; otherwise {@code ""}
   */
  record ResourceApplied(ResourceRef ref, ApplyAction action, String detail)
      implements ProgressEvent {
    /** Checks the parts. */
    public ResourceApplied {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String message() {
      return action.verb() + " " + ref + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  /**
   * An object was deleted (removed from the chart, uninstalled, or a hook's object by policy).
   *
   * @param ref the object
   */
  record ResourceDeleted(ResourceRef ref) implements ProgressEvent {
    /** Checks the parts. */
    public ResourceDeleted {
      Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String message() {
      return "deleted " + ref;
    }
  }

  /**
   * An object that would have been deleted was kept, because it carries {@code
   * helm.sh/resource-policy: keep}.
   *
   * @param ref the object
   */
  record ResourceKept(ResourceRef ref) implements ProgressEvent {
    /** Checks the parts. */
    public ResourceKept {
      Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String message() {
      return "kept " + ref + " (helm.sh/resource-policy: keep)";
    }
  }

  /**
   * An object is not ready yet; sent when the wait starts and whenever the reason changes.
   *
   * @param ref the object
   * @param readiness its readiness, with the reason it is not ready
   */
  record ResourceWaiting(ResourceRef ref, Readiness readiness) implements ProgressEvent {
    /** Checks the parts. */
    public ResourceWaiting {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(readiness, "readiness");
    }

    @Override
    public String message() {
      return "waiting for " + ref + ": " + readiness.reason();
    }
  }

  /**
   * An object became ready (or, when waiting for deletion, is gone).
   *
   * @param ref the object
   * @param reason what was seen
   */
  record ResourceReady(ResourceRef ref, String reason) implements ProgressEvent {
    /** Checks the parts. */
    public ResourceReady {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String message() {
      return "ready " + ref + ": " + reason;
    }
  }

  /**
   * A hook started: its object is about to be created.
   *
   * @param event the lifecycle event the hook runs at
   * @param path the template the hook came from
   * @param ref the hook's object
   */
  record HookStarted(HookEvent event, String path, ResourceRef ref) implements ProgressEvent {
    /** Checks the parts. */
    public HookStarted {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String message() {
      return event.wireName() + " hook " + ref + " started (" + path + ")";
    }
  }

  /**
   * A hook finished.
   *
   * @param event the lifecycle event the hook ran at
   * @param path the template the hook came from
   * @param ref the hook's object
   * @param phase {@link HookPhase#SUCCEEDED} or {@link HookPhase#FAILED}
   * @param reason why it failed; {@code ""} when it succeeded
   */
  record HookFinished(HookEvent event, String path, ResourceRef ref, HookPhase phase,
      String reason) implements ProgressEvent {
    /** Checks the parts. */
    public HookFinished {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String message() {
      return event.wireName() + " hook " + ref + " " + phase.wireName().toLowerCase(
          java.util.Locale.ROOT) + (reason.isEmpty() ? "" : ": " + reason);
    }
  }

  /**
   * The log of a hook's container, sent when the hook's {@code helm.sh/hook-output-log-policy}
   * asks for it.
   *
   * @param pod the pod
   * @param container the container
   * @param log the last lines of its log
   */
  record HookLog(ResourceRef pod, String container, String log) implements ProgressEvent {
    /** Checks the parts. */
    public HookLog {
      Objects.requireNonNull(pod, "pod");
      Objects.requireNonNull(container, "container");
      Objects.requireNonNull(log, "log");
    }

    @Override
    public String message() {
      return "log of " + pod + " container " + container + ":\n" + log;
    }
  }

  /**
   * A revision was stored: started (pending), finished (deployed, failed), superseded or
   * uninstalled.
   *
   * @param name the release
   * @param namespace its namespace
   * @param revision the revision
   * @param status its status as recorded
   * @param description its description as recorded
   */
  record RevisionRecorded(String name, String namespace, int revision,
      dev.capstan.release.ReleaseStatus status, String description) implements ProgressEvent {
    /** Checks the parts. */
    public RevisionRecorded {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(description, "description");
    }

    @Override
    public String message() {
      return "recorded " + namespace + "/" + name + " revision " + revision + ": "
          + status.wireName() + (description.isEmpty() ? "" : " (" + description + ")");
    }
  }

  /**
   * An atomic operation failed and is being undone, or a recovery is undoing an abandoned one.
   *
   * @param name the release
   * @param toRevision the revision rolled back to, or 0 when the release is being uninstalled
   * @param reason why
   */
  record RollbackStarted(String name, int toRevision, String reason) implements ProgressEvent {
    /** Checks the parts. */
    public RollbackStarted {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String message() {
      return (toRevision > 0 ? "rolling " + name + " back to revision " + toRevision
          : "uninstalling " + name) + ": " + reason;
    }
  }

  /**
   * The undoing that {@link RollbackStarted} announced ended.
   *
   * @param name the release
   * @param succeeded whether it succeeded
   * @param detail why it failed, or {@code ""}
   */
  record RollbackFinished(String name, boolean succeeded, String detail) implements ProgressEvent {
    /** Checks the parts. */
    public RollbackFinished {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String message() {
      return (succeeded ? "undid " : "could not undo ") + name
          + (detail.isEmpty() ? "" : ": " + detail);
    }
  }
}
