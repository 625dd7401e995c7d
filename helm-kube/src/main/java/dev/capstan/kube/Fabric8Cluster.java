package dev.capstan.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Cluster} over a fabric8 client, with objects as generic resources. */
final class Fabric8Cluster implements Cluster {
  private final KubernetesClient client;
  private final Map<String, ResourceDefinitionContext> discovered = new ConcurrentHashMap<>();

  Fabric8Cluster(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public String serverVersion() {
    try {
      VersionInfo v = client.getKubernetesVersion();
      if (v == null || v.getGitVersion() == null || v.getGitVersion().isEmpty()) {
        throw new ClusterException("the API server did not report its version", 0, "", null);
      }
      return v.getGitVersion();
    } catch (KubernetesClientException e) {
      throw failure("reading the server version", e, false);
    }
  }

  @Override
  public List<String> apiVersions() {
    try {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      addResources(out, "v1", client.getApiResources("v1"));
      var groups = client.getApiGroups();
      if (groups != null && groups.getGroups() != null) {
        for (APIGroup g : groups.getGroups()) {
          for (GroupVersionForDiscovery gv : g.getVersions()) {
            addResources(out, gv.getGroupVersion(), client.getApiResources(gv.getGroupVersion()));
          }
        }
      }
      return List.copyOf(out);
    } catch (KubernetesClientException e) {
      throw failure("discovering the API versions", e, false);
    }
  }

  private static void addResources(LinkedHashSet<String> out, String groupVersion,
      APIResourceList resources) {
    out.add(groupVersion);
    if (resources != null && resources.getResources() != null) {
      for (APIResource r : resources.getResources()) {
        if (!r.getName().contains("/")) {
          out.add(groupVersion + "/" + r.getKind());
        }
      }
    }
  }

  @Override
  public Optional<Map<String, Object>> get(ResourceRef ref) {
    try {
      GenericKubernetesResource found = one(ref).get();
      return Optional.ofNullable(found).map(this::toMap);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw failure("reading " + ref, e, false);
    }
  }

  @Override
  public Map<String, Object> create(Map<String, Object> object) {
    ResourceRef ref = ResourceRef.of(object);
    try {
      return toMap(scoped(ref).resource(toResource(object)).create());
    } catch (KubernetesClientException e) {
      throw failure("creating " + ref, e, true);
    }
  }

  @Override
  public Map<String, Object> replace(Map<String, Object> object) {
    ResourceRef ref = ResourceRef.of(object);
    try {
      return toMap(scoped(ref).resource(toResource(object)).update());
    } catch (KubernetesClientException e) {
      throw failure("replacing " + ref, e, false);
    }
  }

  @Override
  public Map<String, Object> serverSideApply(Map<String, Object> object, String fieldManager,
      boolean forceConflicts) {
    ResourceRef ref = ResourceRef.of(object);
    try {
      var op = scoped(ref).resource(toResource(object)).fieldManager(fieldManager);
      return toMap(forceConflicts ? op.forceConflicts().serverSideApply() : op.serverSideApply());
    } catch (KubernetesClientException e) {
      throw failure("server-side apply of " + ref, e, false);
    }
  }

  @Override
  public Map<String, Object> patch(ResourceRef ref, String jsonPatch) {
    try {
      return toMap(one(ref).patch(PatchContext.of(PatchType.JSON), jsonPatch));
    } catch (KubernetesClientException e) {
      // Helm's kube client words a failed update so, and Helm records it in the description
      throw failure(e, false, "cannot patch \"" + ref.name() + "\" with kind " + ref.kind() + ": "
          + describe(e));
    }
  }

  @Override
  public AutoCloseable watch(ResourceRef ref, java.util.function.Consumer<WatchEvent> listener,
      java.util.function.Consumer<ClusterException> onClose) {
    try {
      io.fabric8.kubernetes.client.Watch w = one(ref).watch(
          new io.fabric8.kubernetes.client.Watcher<GenericKubernetesResource>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
              WatchEvent.Type type = switch (action) {
                case ADDED -> WatchEvent.Type.ADDED;
                case MODIFIED -> WatchEvent.Type.MODIFIED;
                case DELETED -> WatchEvent.Type.DELETED;
                default -> null;
              };
              if (type != null) {
                listener.accept(new WatchEvent(type, toMap(resource)));
              }
            }

            @Override
            public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
              onClose.accept(new ClusterException("the watch of " + ref + " broke: "
                  + cause.getMessage(), 0, "", cause));
            }

            @Override
            public void onClose() {
              onClose.accept(null);
            }
          });
      return w::close;
    } catch (KubernetesClientException e) {
      throw failure("watching " + ref, e, false);
    }
  }

  @Override
  public boolean delete(ResourceRef ref, Propagation propagation) {
    try {
      List<StatusDetails> gone = one(ref).withPropagationPolicy(switch (propagation) {
        case BACKGROUND -> DeletionPropagation.BACKGROUND;
        case FOREGROUND -> DeletionPropagation.FOREGROUND;
        case ORPHAN -> DeletionPropagation.ORPHAN;
      }).delete();
      return gone != null && !gone.isEmpty();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw failure("deleting " + ref, e, false);
    }
  }

  @Override
  public List<Map<String, Object>> list(String apiVersion, String kind, String namespace,
      Map<String, String> labels) {
    ResourceDefinitionContext ctx = context(apiVersion, kind);
    MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
        Resource<GenericKubernetesResource>> op = client.genericKubernetesResources(ctx);
    try {
      GenericKubernetesResourceList list = namespace.isEmpty() || !ctx.isNamespaceScoped()
          ? op.inAnyNamespace().withLabels(labels).list()
          : op.inNamespace(namespace).withLabels(labels).list();
      List<Map<String, Object>> out = new ArrayList<>();
      for (GenericKubernetesResource r : list.getItems()) {
        out.add(toMap(r));
      }
      return out;
    } catch (KubernetesClientException e) {
      throw failure("listing " + kind + " in " + (namespace.isEmpty() ? "all namespaces"
          : "namespace " + namespace), e, false);
    }
  }

  @Override
  public boolean isNamespaced(String apiVersion, String kind) {
    return context(apiVersion, kind).isNamespaceScoped();
  }

  @Override
  public Optional<String> logs(ResourceRef pod, String container, int tailLines) {
    if (tailLines < 1) {
      throw new IllegalArgumentException("tailLines must be at least 1, got " + tailLines);
    }
    try {
      String log = client.pods().inNamespace(pod.namespace()).withName(pod.name())
          .inContainer(container).tailingLines(tailLines).getLog();
      return Optional.ofNullable(log);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 || e.getCode() == 400) {
        return Optional.empty();
      }
      throw failure("reading the log of " + pod + " container " + container, e, false);
    }
  }

  private Resource<GenericKubernetesResource> one(ResourceRef ref) {
    return scoped(ref).withName(ref.name());
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
      GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scoped(ResourceRef ref) {
    ResourceDefinitionContext ctx = context(ref.apiVersion(), ref.kind());
    var op = client.genericKubernetesResources(ctx);
    if (ctx.isNamespaceScoped()) {
      if (ref.namespace().isEmpty()) {
        throw new IllegalArgumentException(ref.kind() + " " + ref.name()
            + " is namespaced but has no namespace");
      }
      return op.inNamespace(ref.namespace());
    }
    return op;
  }

  /** Where the API serves a kind: Kubernetes' own kinds from a table, others by discovery. */
  ResourceDefinitionContext context(String apiVersion, String kind) {
    String key = apiVersion + "/" + kind;
    ResourceDefinitionContext known = BuiltInKinds.context(apiVersion, kind);
    if (known != null) {
      return known;
    }
    return discovered.computeIfAbsent(key, k -> discover(apiVersion, kind));
  }

  private ResourceDefinitionContext discover(String apiVersion, String kind) {
    APIResourceList resources;
    try {
      resources = client.getApiResources(apiVersion);
    } catch (KubernetesClientException e) {
      throw failure("discovering " + apiVersion, e, false);
    }
    if (resources != null && resources.getResources() != null) {
      for (APIResource r : resources.getResources()) {
        if (kind.equals(r.getKind()) && !r.getName().contains("/")) {
          int slash = apiVersion.indexOf('/');
          return new ResourceDefinitionContext.Builder()
              .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash))
              .withVersion(slash < 0 ? apiVersion : apiVersion.substring(slash + 1))
              .withKind(kind)
              .withPlural(r.getName())
              .withNamespaced(Boolean.TRUE.equals(r.getNamespaced()))
              .build();
        }
      }
    }
    throw new ClusterException("resource mapping not found for kind \"" + kind + "\" in version \""
        + apiVersion + "\": ensure CRDs are installed first", 404, "NotFound", null);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> toMap(GenericKubernetesResource r) {
    return client.getKubernetesSerialization().convertValue(r, Map.class);
  }

  private GenericKubernetesResource toResource(Map<String, Object> object) {
    return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
  }

  /** A fabric8 failure as a {@link ClusterException} keeping its HTTP code and reason. */
  static ClusterException failure(String what, KubernetesClientException e, boolean create) {
    int code = e.getCode();
    String reason = e.getStatus() != null && e.getStatus().getReason() != null
        ? e.getStatus().getReason() : "";
    return failure(e, create, what + " failed" + (code > 0 ? " (HTTP " + code
        + (reason.isEmpty() ? "" : " " + reason) + ")" : "") + ": " + describe(e));
  }

  private static ClusterException failure(KubernetesClientException e, boolean create,
      String message) {
    int code = e.getCode();
    String reason = e.getStatus() != null && e.getStatus().getReason() != null
        ? e.getStatus().getReason() : "";
    if (code == 404) {
      return new ClusterException.NotFound(message, e);
    }
    if (code == 409) {
      return create || "AlreadyExists".equals(reason)
          ? new ClusterException.AlreadyExists(message, e) : new ClusterException.Conflict(message, e);
    }
    return new ClusterException(message, code, reason, e);
  }

  private static String describe(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    return e.getMessage();
  }
}
