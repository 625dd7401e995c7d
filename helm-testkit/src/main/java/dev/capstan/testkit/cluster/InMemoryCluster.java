package dev.capstan.testkit.cluster;

import dev.capstan.internal.json.GoJson;
import dev.capstan.kube.Cluster;
import dev.capstan.kube.ClusterException;
import dev.capstan.kube.ResourceRef;
import dev.capstan.kube.WatchEvent;
import dev.capstan.kube.apply.JsonPatch;
import dev.capstan.kube.apply.MergeKeys;
import dev.capstan.kube.apply.PatchException;
import dev.capstan.kube.apply.PatchOperation;
import dev.capstan.testkit.cluster.Fields.Snapshot;
import dev.capstan.testkit.cluster.ManagedFields.ApplyConflicts;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A {@link Cluster} held entirely in memory that answers as a Kubernetes API server does, for
 * tests of code that talks to a cluster: fast, deterministic (uids, resourceVersions, cluster IPs
 * and generated names come from counters, times from the injected {@link Clock}), with every
 * request recorded and failures injectable. With {@linkplain Builder#withControllers() simulated
 * controllers} workloads also get their ReplicaSets, Pods and status and become ready as on a
 * real cluster, or fail as a {@linkplain #scenario() scenario} says.
 *
 * <pre>{@code
 * try (InMemoryCluster cluster = InMemoryCluster.builder().clock(clock).build()) {
 *   cluster.create(Map.of("apiVersion", "v1", "kind", "Namespace",
 *       "metadata", Map.of("name", "ns1")));
 *   cluster.failNext(Verb.PATCH, "Deployment", new ClusterException("etcd down", 503, "", null));
 *   new ResourceApplier(cluster).apply(List.of(), manifests);  // the code under test
 *   assertThat(cluster.requests()).contains(RecordedRequest.of(Verb.CREATE, ref));
 * }
 * }</pre>
 *
 * <pre>{@code
 * try (InMemoryCluster cluster = InMemoryCluster.builder().withControllers().build()) {
 *   cluster.scenario().image("example/shop:2.0").crashLoop();
 *   ReleaseClient helm = ReleaseClient.builder().cluster(cluster)
 *       .storage(new MemoryDriver()).namespace("default").build();
 *   helm.install("shop", chart, in -> in.waitReady());        // ready at once
 *   helm.upgrade("shop", chart, up -> up.set("image=example/shop:2.0").atomic());
 *   // fails fast with CrashLoopBackOff and rolls back
 * }
 * }</pre>
 *
 * <h2>What is modelled</h2>
 *
 * <ul>
 *   <li><b>Storage.</b> Objects are keyed by API group, kind, namespace and name, so one object is
 *       read and written at any version its kind is served at (the body is not converted; only
 *       {@code apiVersion} is relabelled). A create sets {@code metadata.uid}, {@code
 *       creationTimestamp} (RFC 3339, seconds), {@code generation} 1 and a {@code resourceVersion}
 *       from one cluster-wide counter; {@code generateName} is honoured. Every write that changes
 *       the object takes the next resourceVersion; {@code generation} grows only when something
 *       outside {@code metadata} and {@code status} changes; a write that changes nothing keeps
 *       the resourceVersion and sends no watch event. Numbers come back as a JSON client decodes
 *       them (an integral double is an integer).
 *   <li><b>Kinds and scope.</b> Kubernetes' common kinds are served at their v1.35 versions
 *       (Namespace, Node, PersistentVolume, IngressClass, ClusterRole(Binding), StorageClass,
 *       PriorityClass, CustomResourceDefinition, APIService and the webhook configurations are
 *       cluster-scoped). Other kinds exist once a CustomResourceDefinition defines them (its
 *       group, kind, plural, scope and served versions); deleting the CRD deletes its objects. A
 *       request for a kind or version not served fails with 404 {@code no matches for kind ...}.
 *       Namespaced objects need their namespace set and existing: {@code default}, {@code
 *       kube-node-lease}, {@code kube-public} and {@code kube-system} exist from the start, and
 *       all but {@code kube-node-lease} cannot be deleted.
 *   <li><b>Verbs.</b> create (409 AlreadyExists), get, replace (409 Conflict on a stale {@code
 *       resourceVersion} or another uid, 404 when missing; a body without {@code status} keeps the
 *       live status, as on the main resource of a real server), JSON Patch (a failing {@code test}
 *       is 422 Invalid), delete with propagation (background and foreground delete dependents
 *       found by owner reference uid, transitively; orphan removes the owner reference; deleting a
 *       Namespace deletes its contents), list by kind, namespace and labels, sorted by namespace
 *       then name.
 *   <li><b>Status.</b> Replace and patch write {@code status} as the {@code /status} subresource
 *       would, so a test can play a controller. Server-side apply ignores {@code status} of kinds
 *       that have a status subresource, as a real server does.
 *   <li><b>Server-side apply</b> with field ownership in {@code metadata.managedFields} ({@code
 *       FieldsV1}): the applied object merges into the live one (objects member by member; lists
 *       that {@link MergeKeys} or a CRD schema's {@code x-kubernetes-list-type} make keyed or sets
 *       merge by element, other lists are atomic); the manager's {@code Apply} entry becomes
 *       exactly the applied fields; fields it applied before and omits now are removed unless
 *       another manager owns them; changing a field another manager owns (by apply or update) is
 *       a 409 Conflict naming each field and manager in the API server's words, unless forced,
 *       which takes the field over. Create, replace and patch are {@code Update} operations of
 *       the {@linkplain Builder#fieldManager field manager} and own what they change; a body with
 *       its own {@code managedFields} sets them ({@code [{}]} resets them).
 *   <li><b>Admission.</b> A Secret's {@code stringData} is folded into {@code data} and its type
 *       defaults to {@code Opaque}; a Service gets a cluster IP (from {@code 10.96.0.1} up) that
 *       later writes keep; a Namespace gets its {@code kubernetes.io/metadata.name} label,
 *       finalizer and phase {@code Active}; a Job without a selector gets one on its uid (and the
 *       matching template labels); a CRD gets its accepted names and the {@code NamesAccepted} and
 *       {@code Established} conditions at once.
 *   <li><b>Validation (422 Invalid, with the API server's messages).</b> Immutable: {@code
 *       spec.selector} of Deployment, ReplicaSet, DaemonSet and Job; a Job's {@code
 *       spec.template}; a StatefulSet's spec except replicas, template, updateStrategy,
 *       revisionHistoryLimit, persistentVolumeClaimRetentionPolicy, minReadySeconds and ordinals;
 *       a Service's {@code clusterIPs} once set; a PersistentVolumeClaim's spec except {@code
 *       resources.requests}, {@code volumeAttributesClassName} and a first {@code volumeName};
 *       {@code data}, {@code binaryData} and {@code immutable} of a ConfigMap or Secret marked
 *       {@code immutable}; a Secret's type; a CRD's group, scope, kind and plural. Sizes: ConfigMap and Secret data at most 1,048,576
 *       bytes; any object at most 1.5 MiB of JSON (413, etcd's limit). A CRD's name must be
 *       {@code <plural>.<group>}.
 *   <li><b>Watches</b> deliver ADDED (first, when the object exists), MODIFIED and DELETED events
 *       with copies of the object, in order per watch, on daemon threads of this cluster, so a
 *       slow listener never blocks a writer. {@link #close()} ends every watch and thread.
 *   <li><b>Testing aids.</b> {@link #requests()} records every request in order; {@link
 *       #failNext} and {@link #failNth} inject a failure that is thrown before the request takes
 *       effect. {@link #logs} serves the log text {@link #setLogs} or a scenario set for a
 *       container (an empty text when none is set).
 *   <li><b>Controllers</b>, off unless the builder is given {@link Controllers}. They react to
 *       every write (by a client or by another controller) and have settled before the request
 *       that started them returns, so a test reads their result at once; only delays (a pod
 *       ready some time after it started, see {@link Controllers#readyAfter()}) end later: on a
 *       timer thread of this cluster in real time, or, when the cluster's clock is a {@link
 *       VirtualClock}, when that clock has been moved past them (by a client's wait or by the
 *       test), without any sleeping. Their writes are {@code Update}s of {@code
 *       kube-controller-manager}, {@code kube-scheduler} and {@code kubelet} in {@code
 *       managedFields} (status through the {@code status} subresource), are not {@linkplain
 *       #requests() recorded} and are never failed by injected failures. What they write:
 *       <ul>
 *         <li><i>Nodes</i>: {@code node-1} to {@code node-<n>} exist from the start, Ready, each
 *             with an internal IP ({@code 172.18.0.2} up) and a pod CIDR ({@code
 *             10.244.<i>.0/24}).
 *         <li><i>Deployment</i>: the ReplicaSet of its template, {@code <name>-<template hash>}
 *             (the hash is not kube-controller-manager's value), with the {@code
 *             pod-template-hash} label on it, its selector and its template, the Deployment as
 *             controller owner, and the {@code revision}, {@code desired-replicas} and {@code
 *             max-replicas} annotations; it is scaled to {@code spec.replicas}. After a template
 *             change a new ReplicaSet takes the next revision and, once its pods are all
 *             available, the older ones are scaled to 0 (with Recreate, before it is created);
 *             a template that comes back revives its ReplicaSet under the next revision (with
 *             {@code revision-history}); scaled-down ones beyond {@code revisionHistoryLimit} are
 *             deleted. Status: {@code observedGeneration}, {@code replicas}, {@code
 *             updatedReplicas}, {@code readyReplicas}, {@code availableReplicas}, {@code
 *             unavailableReplicas}, conditions {@code Available} ({@code
 *             MinimumReplicasAvailable} within {@code maxUnavailable}) and {@code Progressing}
 *             ({@code NewReplicaSetAvailable} once complete; {@code DeploymentPaused} when
 *             paused, which stops rollouts).
 *         <li><i>ReplicaSet</i> (a Deployment's or standalone): {@code spec.replicas} pods {@code
 *             <name>-<suffix>} from its template, owned by it, the surplus deleted (not ready and
 *             newest first), a deleted pod replaced; status {@code replicas}, {@code
 *             fullyLabeledReplicas}, {@code readyReplicas}, {@code availableReplicas}, {@code
 *             observedGeneration}.
 *         <li><i>StatefulSet</i>: a ControllerRevision {@code <name>-<hash>} per template; pods
 *             {@code <name>-0} to {@code <name>-<n-1>} (each once the one before is ready,
 *             unless {@code podManagementPolicy: Parallel}) with {@code hostname}, {@code
 *             subdomain}, the {@code controller-revision-hash}, {@code pod-name} and {@code
 *             pod-index} labels, and a claim {@code <template>-<pod>} per volume claim template
 *             (owned by the StatefulSet when its retention policy deletes them). A RollingUpdate
 *             replaces pods from the highest ordinal down to {@code partition}, one at a time
 *             while all are ready; OnDelete replaces none. Status: {@code replicas}, {@code
 *             readyReplicas}, {@code availableReplicas}, {@code currentReplicas}, {@code
 *             updatedReplicas}, {@code currentRevision} (becomes {@code updateRevision} once
 *             every pod runs it and is ready), {@code updateRevision}, {@code
 *             observedGeneration}.
 *         <li><i>DaemonSet</i>: a pod on every node ({@code spec.nodeName} set, {@code
 *             controller-revision-hash} and {@code pod-template-generation} labels), replaced all
 *             at once after a template change under RollingUpdate; status {@code
 *             desiredNumberScheduled}, {@code currentNumberScheduled}, {@code
 *             updatedNumberScheduled}, {@code numberReady}, {@code numberAvailable}, {@code
 *             numberUnavailable}, {@code numberMisscheduled}, {@code observedGeneration}.
 *         <li><i>Job</i>: pods {@code <name>-<suffix>} up to {@code parallelism} until {@code
 *             completions} (1 unset) succeeded, then {@code succeeded}, {@code completionTime}
 *             and conditions {@code SuccessCriteriaMet} and {@code Complete}; failed pods are
 *             replaced until more than {@code backoffLimit} (6 unset) failed, then {@code
 *             failed} and conditions {@code FailureTarget} and {@code Failed} with reason {@code
 *             BackoffLimitExceeded}; also {@code startTime}, {@code active}, {@code ready},
 *             {@code terminating}; a suspended Job runs no pods.
 *         <li><i>Pods</i> (the scheduler and kubelet): an unbound pod is bound to a node (round
 *             robin; with no node it stays Pending, {@code PodScheduled=False Unschedulable}),
 *             keeping its generation, and gets the status a kubelet writes: phase, the {@code
 *             PodReadyToStartContainers}, {@code Initialized}, {@code Ready}, {@code
 *             ContainersReady} and {@code PodScheduled} conditions, container and init container
 *             statuses (ids, image ids, restart counts, states), host and pod IPs, {@code
 *             qosClass}, {@code startTime}. By default a pod is Running and Ready; a Job's pod,
 *             and a hook's pod ({@code helm.sh/hook}) with restartPolicy Never or OnFailure,
 *             then Succeeds. A {@link Scenario} makes it never ready, crash-loop ({@code
 *             CrashLoopBackOff}, one status write per restart up to {@link
 *             Controllers#crashLoopRestarts()}), fail to pull its image ({@code ErrImagePull},
 *             then {@code ImagePullBackOff}, phase Pending) or fail (exit code 1, phase Failed).
 *             A pod that has finished is never changed again.
 *         <li><i>Service</i>: a LoadBalancer gets {@code status.loadBalancer.ingress[0].ip}
 *             ({@code 172.18.255.200} up), and loses it when it is no longer one.
 *         <li><i>PersistentVolumeClaim</i>: phase Bound, with its access modes and requested
 *             capacity.
 *       </ul>
 *       Since controllers own what they create, deleting a workload takes its ReplicaSets, pods
 *       and revisions along (see delete propagation above).
 * </ul>
 *
 * <h2>What is not</h2>
 *
 * <p>Without {@link Controllers} nothing creates ReplicaSets or Pods or computes status (tests
 * write status as controllers would). The controllers leave out: rolling updates by {@code
 * maxSurge} and {@code maxUnavailable} steps (a new ReplicaSet gets all its replicas at once),
 * {@code minReadySeconds}, pod adoption by selector, readiness probes, node selectors, affinity,
 * taints and resources in scheduling, image pulls and container restarts in time (a crash loop's
 * restarts and back-offs happen at once), Job retry back-off, {@code activeDeadlineSeconds},
 * indexed completion and {@code ttlSecondsAfterFinished}, a Job pod restarted in place ({@code
 * restartPolicy: OnFailure} fails like Never), CronJobs, ReplicationControllers, Endpoints and
 * EndpointSlices, PersistentVolumes, DaemonSet ControllerRevisions, Events, and
 * kube-controller-manager's exact template hashes. Besides: no garbage-collection delay,
 * finalizers or {@code deletionTimestamp} (deletes take effect at once), no defaulting beyond the
 * admission
 * above (no default protocol, strategy, nodePort ...), no validation of names, labels or schemas,
 * no version conversion, no admission webhooks, RBAC, quotas, field selectors, label selector
 * expressions in {@link #list}, list pagination or watch bookmarks. Server-side apply works
 * without OpenAPI schemas: every object member is a field (maps of built-in kinds are not atomic
 * anywhere), keyed lists use the single merge key of {@link MergeKeys} (a container port is keyed
 * by {@code containerPort}, not also by {@code protocol}), {@code Update} entries are not capped
 * at ten, and an apply's conflicts are checked against the object after the merge, as the API
 * server does, but without its special handling of fields reset by strategies. Error messages
 * start as {@code KubeCluster}'s do ({@code creating Deployment/ns1/web failed (HTTP 409
 * AlreadyExists): ...}); Go-formatted values in them are exact for label selectors and string
 * lists and JSON otherwise.
 *
 * <p>Thread-safe: one lock guards the state, the controllers' included. Values handed out are
 * deep copies.
 */
public final class InMemoryCluster implements Cluster, AutoCloseable {
  private static final Pattern SERVER_VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+([-+.].*)?");
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final Set<String> PROTECTED_NAMESPACES =
      Set.of("default", "kube-system", "kube-public");
  private static final String GARBAGE_COLLECTOR = "kube-controller-manager";
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  /** A stored object, who manages its fields, and its fields (kept for the next write). */
  private record Stored(Map<String, Object> object, ManagedFields managed, Snapshot fields) {}

  private final Clock clock;
  private final String serverVersion;
  private final String fieldManager;
  private final ListTypes listTypes;
  private final Object lock = new Object();
  private final Kinds kinds = new Kinds();
  private final TreeMap<ObjectKey, Stored> objects = new TreeMap<>();
  private final Map<ObjectKey, List<WatchHandle>> watches = new HashMap<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final Faults faults = new Faults();
  private final Dispatcher dispatcher = new Dispatcher();
  /** The simulated controllers, or null when they are off. */
  private final ControllerManager controllers;
  /** Log text per pod and container, as {@link #setLogs} wrote it. */
  private final Map<ObjectKey, Map<String, String>> podLogs = new HashMap<>();
  private long resourceVersion;
  private long uids;
  private long clusterIps;
  private long generatedNames;
  private boolean closed;

  private InMemoryCluster(Builder b) {
    this.clock = b.clock;
    this.serverVersion = b.serverVersion;
    this.fieldManager = b.fieldManager;
    this.listTypes = new ListTypes(b.mergeKeys);
    this.controllers = b.controllers == null ? null
        : new ControllerManager(b.controllers, new ControllerStore(), lock,
            ControllerTimer.of(b.clock));
    synchronized (lock) {
      KindInfo namespaces = kinds.resolve("v1", "Namespace");
      for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", "Namespace");
        object.put("metadata", new LinkedHashMap<>(Map.of("name", ns)));
        createNew(namespaces, object, null, fieldManager, "v1", "creating Namespace/" + ns);
      }
      if (controllers != null) {
        controllers.start();
      }
    }
  }

  /** A builder with the defaults: {@link Clock#systemUTC()}, server version {@code v1.35.0}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures an {@link InMemoryCluster}; {@link #build()} makes a new, empty cluster. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String serverVersion = "v1.35.0";
    private String fieldManager = "capstan";
    private MergeKeys mergeKeys = MergeKeys.builtIn();
    private Controllers controllers;

    private Builder() {}

    /**
     * Runs the simulated controllers with {@code controllers}' settings, so that workloads get
     * their ReplicaSets, Pods and status and become ready as on a real cluster (see the class
     * description); off unless set.
     */
    public Builder controllers(Controllers controllers) {
      this.controllers = Objects.requireNonNull(controllers, "controllers");
      return this;
    }

    /** Runs the simulated controllers with {@link Controllers#defaults()}: everything ready at once. */
    public Builder withControllers() {
      return controllers(Controllers.defaults());
    }

    /**
     * The clock for creation timestamps, managed-field times and condition times. A {@link
     * VirtualClock} also times the controllers' delays: they end when the clock is moved past
     * them, so give the same clock to the {@code ReleaseClient} and its waits move it.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The version the cluster reports, such as {@code v1.35.0}.
     *
     * @throws IllegalArgumentException when it is not {@code v<major>.<minor>.<patch>}
     */
    public Builder serverVersion(String serverVersion) {
      Objects.requireNonNull(serverVersion, "serverVersion");
      if (!SERVER_VERSION.matcher(serverVersion).matches()) {
        throw new IllegalArgumentException("serverVersion must look like v1.35.0, got \""
            + serverVersion + "\"");
      }
      this.serverVersion = serverVersion;
      return this;
    }

    /**
     * The field manager that create, replace and patch requests are recorded under in
     * {@code managedFields} (the API server takes it from the client when a request names none);
     * {@code capstan} unless set.
     */
    public Builder fieldManager(String fieldManager) {
      Objects.requireNonNull(fieldManager, "fieldManager");
      if (fieldManager.isBlank()) {
        throw new IllegalArgumentException("fieldManager must not be blank");
      }
      this.fieldManager = fieldManager;
      return this;
    }

    /**
     * The list merge keys server-side apply uses; {@link MergeKeys#builtIn()} unless set. Extend
     * it to give a custom kind keyed lists without a CRD schema.
     */
    public Builder mergeKeys(MergeKeys mergeKeys) {
      this.mergeKeys = Objects.requireNonNull(mergeKeys, "mergeKeys");
      return this;
    }

    /** A new cluster holding only the namespaces a fresh Kubernetes cluster has. */
    public InMemoryCluster build() {
      return new InMemoryCluster(this);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Testing aids

  /** Every request received so far, oldest first. */
  public List<RecordedRequest> requests() {
    synchronized (lock) {
      return List.copyOf(requests);
    }
  }

  /** Forgets the requests received so far. */
  public void clearRequests() {
    synchronized (lock) {
      requests.clear();
    }
  }

  /**
   * Makes the next {@code verb} request (of {@code kind}, or of any kind when null) throw
   * {@code failure} before it takes effect.
   */
  public void failNext(Verb verb, String kind, ClusterException failure) {
    failNth(verb, kind, 1, failure);
  }

  /**
   * Makes the {@code nth} {@code verb} request from now (1 is the next) of {@code kind} (any kind
   * when null) throw {@code failure} before it takes effect; the requests before it succeed. Each
   * such rule fires once.
   *
   * @throws IllegalArgumentException when {@code nth} is less than 1 or {@code kind} is empty
   */
  public void failNth(Verb verb, String kind, int nth, ClusterException failure) {
    synchronized (lock) {
      faults.add(verb, kind, nth, failure);
    }
  }

  /** Drops every failure not thrown yet. */
  public void clearFailures() {
    synchronized (lock) {
      faults.clear();
    }
  }

  /**
   * The scenarios the simulated controllers play: which workloads never become ready, crash-loop,
   * fail to pull their image, fail or exceed their progress deadline. For example {@code
   * cluster.scenario().deployment("web").crashLoop("app")} or {@code
   * cluster.scenario().job("migrate").fail("relation \"users\" already exists")}; see {@link
   * Scenarios}.
   *
   * @throws IllegalStateException when the cluster runs no controllers
   */
  public Scenarios scenario() {
    if (controllers == null) {
      throw new IllegalStateException("this in-memory cluster runs no controllers, so no scenario"
          + " could take effect: build it with InMemoryCluster.builder().withControllers()");
    }
    return controllers.scenarios();
  }

  /**
   * Sets the log text that {@link #logs} serves for one container of a pod, until the pod is
   * deleted; it takes precedence over the text a {@linkplain Scenario#logs scenario} gives.
   *
   * @throws IllegalArgumentException when {@code pod} does not name a Pod
   */
  public void setLogs(ResourceRef pod, String container, String text) {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(text, "text");
    if (!pod.group().isEmpty() || !pod.kind().equals("Pod") || pod.namespace().isEmpty()) {
      throw new IllegalArgumentException("logs belong to a Pod in a namespace, not " + pod);
    }
    synchronized (lock) {
      podLogs.computeIfAbsent(new ObjectKey("", "Pod", pod.namespace(), pod.name()),
          k -> new HashMap<>()).put(container, text);
    }
  }

  /**
   * Ends every watch (each one's {@code onClose} hears null), stops the simulated controllers
   * (pending delays never fire; later writes start no controller) and the cluster's threads,
   * waiting up to five seconds for listeners being called to return. The stored objects stay
   * readable and writable; new watches are refused. Closing again does nothing.
   */
  @Override
  public void close() {
    List<WatchHandle> open = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      watches.values().forEach(open::addAll);
      watches.clear();
    }
    open.forEach(WatchHandle::stop);
    if (controllers != null) {
      controllers.shutdown(CLOSE_WAIT_MILLIS);
    }
    dispatcher.shutdown(CLOSE_WAIT_MILLIS);
  }

  /** Whether every thread of this cluster has ended (after {@link #close()}). */
  boolean threadsEnded() {
    return dispatcher.isTerminated() && (controllers == null || controllers.isTerminated());
  }

  // ---------------------------------------------------------------------------------------------
  // Cluster

  /** The version given to the builder, {@code v1.35.0} unless set. */
  @Override
  public String serverVersion() {
    return serverVersion;
  }

  /**
   * The group/versions served, each followed by {@code group/version/Kind} for its kinds: the
   * built-in ones, then those of the CRDs stored now.
   */
  @Override
  public List<String> apiVersions() {
    synchronized (lock) {
      return kinds.apiVersions();
    }
  }

  /**
   * Whether the kind is namespaced: Kubernetes' own kinds by their scope, custom kinds by the
   * scope of their stored CustomResourceDefinition.
   *
   * @throws ClusterException (404) when the kind is not served at that version
   */
  @Override
  public boolean isNamespaced(String apiVersion, String kind) {
    synchronized (lock) {
      return resolve(apiVersion, kind, "resolving " + kind + " in " + apiVersion).namespaced();
    }
  }

  /**
   * A copy of the object, labelled with {@code ref}'s apiVersion; empty when it does not exist.
   *
   * @throws ClusterException (404) when the kind is not served at that version
   */
  @Override
  public Optional<Map<String, Object>> get(ResourceRef ref) {
    Objects.requireNonNull(ref, "ref");
    synchronized (lock) {
      begin(RecordedRequest.of(Verb.GET, ref));
      String what = "reading " + ref;
      KindInfo kind = resolve(ref.apiVersion(), ref.kind(), what);
      Stored s = objects.get(key(kind, ref.namespace(), ref.name(), what));
      return s == null ? Optional.empty() : Optional.of(out(s.object(), ref.apiVersion()));
    }
  }

  /**
   * Stores a new object; see the class description for what the server sets and checks.
   *
   * @throws ClusterException.AlreadyExists when an object of that name exists
   * @throws ClusterException.NotFound when its namespace does not exist
   * @throws ClusterException (422) when validation refuses it, (400) for a malformed body
   */
  @Override
  public Map<String, Object> create(Map<String, Object> object) {
    Objects.requireNonNull(object, "object");
    synchronized (lock) {
      RecordedRequest r = begin(Verb.CREATE, object);
      String what = "creating " + describe(r, object);
      Map<String, Object> body = body(object, what);
      KindInfo kind = resolve(r.apiVersion(), r.kind(), what);
      key(kind, r.namespace(), r.name(), what);
      Map<String, Object> stored = out(createNew(kind, body, null, fieldManager, r.apiVersion(),
          what), r.apiVersion());
      settle();
      return stored;
    }
  }

  /**
   * Replaces the object (HTTP PUT), keeping its uid and creation time, and its status when the
   * body has none.
   *
   * @throws ClusterException.Conflict when the body names another resourceVersion or uid
   * @throws ClusterException.NotFound when the object does not exist
   * @throws ClusterException (422) when an immutable field changes
   */
  @Override
  public Map<String, Object> replace(Map<String, Object> object) {
    Objects.requireNonNull(object, "object");
    synchronized (lock) {
      RecordedRequest r = begin(Verb.REPLACE, object);
      String what = "replacing " + describe(r, object);
      Map<String, Object> body = body(object, what);
      KindInfo kind = resolve(r.apiVersion(), r.kind(), what);
      ObjectKey key = key(kind, r.namespace(), required(kind, r.name(), what), what);
      Stored live = existing(kind, key, what);
      preconditions(kind, key, body, live, what);
      if (kind.statusSubresource() && !body.containsKey("status")
          && live.object().containsKey("status")) {
        body.put("status", Values.copy(live.object().get("status")));
      }
      Map<String, Object> stored = out(update(kind, key, live, body, null, fieldManager,
          r.apiVersion(), what), r.apiVersion());
      settle();
      return stored;
    }
  }

  /**
   * Applies an RFC 6902 JSON Patch; the result is validated as a replace would be.
   *
   * @throws ClusterException (422 Invalid) when a {@code test} fails or a path does not exist
   * @throws ClusterException (400) when the text is not a JSON Patch, or the patch renames the
   *     object
   */
  @Override
  public Map<String, Object> patch(ResourceRef ref, String jsonPatch) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(jsonPatch, "jsonPatch");
    synchronized (lock) {
      begin(RecordedRequest.of(Verb.PATCH, ref));
      String what = "patching " + ref;
      KindInfo kind = resolve(ref.apiVersion(), ref.kind(), what);
      ObjectKey key = key(kind, ref.namespace(), ref.name(), what);
      Stored live = existing(kind, key, what);
      List<PatchOperation> ops = parsePatch(jsonPatch, what);
      Map<String, Object> patched;
      try {
        patched = JsonPatch.apply(live.object(), ops);
      } catch (PatchException e) {
        throw failure(what, 422, "Invalid", e.getMessage());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> candidate = (Map<String, Object>) Values.normalize(patched, what);
      Map<String, Object> md = Values.map(candidate, "metadata");
      if (md == null || !key.name().equals(md.get("name"))
          || (kind.namespaced() && !key.namespace().equals(md.get("namespace")))
          || !kind.kind().equals(candidate.get("kind"))) {
        throw failure(what, 400, "BadRequest", "the patch may not change the kind, name or"
            + " namespace of " + kind.resource() + " " + GoJson.goQuote(key.name()));
      }
      preconditions(kind, key, candidate, live, what);
      Map<String, Object> stored = out(update(kind, key, live, candidate, null, fieldManager,
          ref.apiVersion(), what), ref.apiVersion());
      settle();
      return stored;
    }
  }

  /**
   * Server-side apply under {@code manager}, with the field ownership the class description
   * details; creates the object when it is missing.
   *
   * @throws ClusterException.Conflict naming each conflicting field and its manager
   * @throws ClusterException (400) when the manager is blank or the body has managedFields
   */
  @Override
  public Map<String, Object> serverSideApply(Map<String, Object> object, String manager,
      boolean forceConflicts) {
    Objects.requireNonNull(object, "object");
    synchronized (lock) {
      RecordedRequest r = begin(Verb.APPLY, object);
      String what = "server-side apply of " + describe(r, object);
      if (manager == null || manager.isBlank()) {
        throw failure(what, 400, "BadRequest", "PATCH requests with the apply content type"
            + " must set fieldManager");
      }
      Map<String, Object> body = body(object, what);
      KindInfo kind = resolve(r.apiVersion(), r.kind(), what);
      ObjectKey key = key(kind, r.namespace(), required(kind, r.name(), what), what);
      Map<String, Object> md = Values.metadata(body);
      if (md.get("managedFields") instanceof List<?> l && !l.isEmpty()) {
        throw failure(what, 400, "BadRequest", "metadata.managedFields must be nil");
      }
      Stored live = objects.get(key);
      if (live == null && !Values.string(md, "resourceVersion").isEmpty()) {
        throw notFound(kind, key, what);
      }
      if (live != null) {
        preconditions(kind, key, body, live, what);
      }
      Map<String, Object> config = Values.copy(body);
      Map<String, Object> configMd = Values.metadata(config);
      for (String server : List.of("uid", "resourceVersion", "generation", "creationTimestamp",
          "managedFields", "selfLink")) {
        configMd.remove(server);
      }
      if (kind.statusSubresource()) {
        config.remove("status");
      }
      Map<String, Object> base;
      if (live != null) {
        base = live.object();
      } else {
        base = new LinkedHashMap<>();
        base.put("apiVersion", r.apiVersion());
        base.put("kind", r.kind());
        Map<String, Object> baseMd = new LinkedHashMap<>();
        baseMd.put("name", key.name());
        if (kind.namespaced()) {
          baseMd.put("namespace", key.namespace());
        }
        base.put("metadata", baseMd);
      }
      ApplyMerge merge = new ApplyMerge(kind, listTypes);
      Map<String, Object> merged = merge.merge(base, config);
      ManagedFields before = live == null ? ManagedFields.NONE : live.managed();
      FieldSet applied = Fields.of(config, kind, listTypes).set();
      FieldSet others = before.ownedByOthers(manager);
      merge.prune(merged, before.applied(manager).minus(applied).minus(others),
          applied.union(others));
      Snapshot liveFields = live == null ? Snapshot.EMPTY : live.fields();
      Snapshot newFields = Fields.of(merged, kind, listTypes);
      boolean changed = live == null || !sameObject(live.object(), merged);
      ManagedFields after;
      try {
        after = before.apply(Fields.compare(liveFields, newFields), applied, manager,
            r.apiVersion(), forceConflicts, now(), changed);
      } catch (ApplyConflicts c) {
        throw failure(what, 409, "Conflict", c.getMessage());
      }
      Map<String, Object> stored = live == null
          ? createNew(kind, merged, after, manager, r.apiVersion(), what)
          : update(kind, key, live, merged, after, manager, r.apiVersion(), what);
      Map<String, Object> result = out(stored, r.apiVersion());
      settle();
      return result;
    }
  }

  /**
   * Deletes the object at once, with its dependents unless {@code propagation} is orphan; a
   * Namespace takes its contents along, a CRD its custom objects.
   *
   * @throws ClusterException (403) for the namespaces a cluster starts with
   */
  @Override
  public boolean delete(ResourceRef ref, Propagation propagation) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(propagation, "propagation");
    synchronized (lock) {
      begin(RecordedRequest.of(Verb.DELETE, ref));
      String what = "deleting " + ref;
      KindInfo kind = resolve(ref.apiVersion(), ref.kind(), what);
      ObjectKey key = key(kind, ref.namespace(), ref.name(), what);
      Stored target = objects.get(key);
      if (target == null) {
        return false;
      }
      if (kind.is("", "Namespace") && PROTECTED_NAMESPACES.contains(key.name())) {
        throw failure(what, 403, "Forbidden", "namespaces " + GoJson.goQuote(key.name())
            + " is forbidden: this namespace may not be deleted");
      }
      deleteStored(kind, key, target, propagation);
      settle();
      return true;
    }
  }

  /** Deletes a stored object with what goes along with it, as {@link #delete} describes. */
  private void deleteStored(KindInfo kind, ObjectKey key, Stored target,
      Propagation propagation) {
    List<ObjectKey> contents = new ArrayList<>();
    KindInfo defined = null;
    if (kind.is("", "Namespace")) {
      for (ObjectKey k : objects.keySet()) {
        if (k.namespace().equals(key.name())) {
          contents.add(k);
        }
      }
    } else if (kind.is(Kinds.CRD_GROUP, Kinds.CRD_KIND)) {
      defined = Kinds.fromCrd(target.object());
      if (defined != null) {
        contents.addAll(objects.subMap(ObjectKey.first(defined.group(), defined.kind()),
            ObjectKey.afterLast(defined.group(), defined.kind())).keySet());
      }
    }
    List<ObjectKey> doomed;
    if (propagation == Propagation.ORPHAN) {
      orphanDependents(target, contents);
      doomed = new ArrayList<>(contents);
      doomed.add(key);
    } else {
      List<ObjectKey> roots = new ArrayList<>();
      roots.add(key);
      roots.addAll(contents);
      List<ObjectKey> closure = withDependents(roots);
      if (propagation == Propagation.FOREGROUND || !contents.isEmpty()) {
        closure.remove(key);
        doomed = propagation == Propagation.FOREGROUND ? reversed(closure) : closure;
        doomed.add(key);
      } else {
        doomed = closure;
      }
    }
    for (ObjectKey k : doomed) {
      remove(k);
    }
    if (defined != null) {
      kinds.undefine(target.object());
    }
  }

  /**
   * The last {@code tailLines} lines of the log text set for the container ({@link #setLogs}, or
   * a scenario's); an empty text when none is set; empty when the pod or the container does not
   * exist.
   *
   * @throws IllegalArgumentException when {@code tailLines} is less than 1
   */
  @Override
  public Optional<String> logs(ResourceRef pod, String container, int tailLines) {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(container, "container");
    if (tailLines < 1) {
      throw new IllegalArgumentException("tailLines must be at least 1, got " + tailLines);
    }
    synchronized (lock) {
      begin(RecordedRequest.of(Verb.LOG, pod));
      String what = "reading the log of " + pod + " container " + container;
      KindInfo kind = resolve(pod.apiVersion(), pod.kind(), what);
      if (!kind.is("", "Pod")) {
        return Optional.empty();
      }
      ObjectKey key = key(kind, pod.namespace(), pod.name(), what);
      Stored s = objects.get(key);
      if (s == null || !Workloads.containerNames(s.object()).contains(container)) {
        return Optional.empty();
      }
      String text = podLogs.getOrDefault(key, Map.of()).get(container);
      if (text == null && controllers != null) {
        text = controllers.scenarioLog(s.object(), container);
      }
      return Optional.of(tail(text == null ? "" : text, tailLines));
    }
  }

  /** The last {@code lines} lines of {@code text}, a final newline kept. */
  static String tail(String text, int lines) {
    boolean newline = text.endsWith("\n");
    String body = newline ? text.substring(0, text.length() - 1) : text;
    List<String> all = List.of(body.split("\n", -1));
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
        + (newline ? "\n" : "");
  }

  /** Copies of the matching objects, sorted by namespace, then name. */
  @Override
  public List<Map<String, Object>> list(String apiVersion, String kind, String namespace,
      Map<String, String> labels) {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(labels, "labels");
    synchronized (lock) {
      begin(RecordedRequest.list(apiVersion, kind, namespace));
      String what = "listing " + kind + " in "
          + (namespace.isEmpty() ? "all namespaces" : "namespace " + namespace);
      KindInfo info = resolve(apiVersion, kind, what);
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map.Entry<ObjectKey, Stored> e : objects.subMap(ObjectKey.first(info.group(),
          info.kind()), ObjectKey.afterLast(info.group(), info.kind())).entrySet()) {
        if (info.namespaced() && !namespace.isEmpty()
            && !namespace.equals(e.getKey().namespace())) {
          continue;
        }
        if (hasLabels(e.getValue().object(), labels)) {
          out.add(out(e.getValue().object(), apiVersion));
        }
      }
      return out;
    }
  }

  /**
   * Watches one object: ADDED first when it exists, then an event per change, delivered in order
   * on a thread of this cluster.
   *
   * @throws ClusterException when the cluster is closed
   */
  @Override
  public AutoCloseable watch(ResourceRef ref, Consumer<WatchEvent> listener,
      Consumer<ClusterException> onClose) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(onClose, "onClose");
    synchronized (lock) {
      begin(RecordedRequest.of(Verb.WATCH, ref));
      String what = "watching " + ref;
      if (closed) {
        throw new ClusterException(what + " failed: the in-memory cluster is closed", 0, "",
            null);
      }
      KindInfo kind = resolve(ref.apiVersion(), ref.kind(), what);
      ObjectKey key = key(kind, ref.namespace(), ref.name(), what);
      WatchHandle handle = new WatchHandle(key, ref.apiVersion(), listener, onClose, dispatcher,
          this::unregister);
      watches.computeIfAbsent(key, k -> new ArrayList<>()).add(handle);
      Stored s = objects.get(key);
      if (s != null) {
        handle.offer(new WatchEvent(WatchEvent.Type.ADDED, out(s.object(), ref.apiVersion())));
      }
      return handle;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  /**
   * Stores a new object (its kind resolved, its body normalised) and answers it as stored; when
   * {@code managed} is null, the write is an update by {@code manager}.
   */
  private Map<String, Object> createNew(KindInfo kind, Map<String, Object> object,
      ManagedFields managed, String manager, String apiVersion, String what) {
    Map<String, Object> md = Values.metadata(object);
    String namespace = Values.string(md, "namespace");
    if (kind.namespaced()) {
      if (!objects.containsKey(new ObjectKey("", "Namespace", "", namespace))) {
        throw failure(what, 404, "NotFound", "namespaces " + GoJson.goQuote(namespace)
            + " not found");
      }
    } else {
      md.remove("namespace");
      namespace = "";
    }
    String name = Values.string(md, "name");
    if (name.isEmpty()) {
      String prefix = Values.string(md, "generateName");
      if (prefix.isEmpty()) {
        throw invalid(kind, "", what,
            List.of("metadata.name: Required value: name or generateName is required"));
      }
      do {
        name = prefix + generatedSuffix();
      } while (objects.containsKey(new ObjectKey(kind.group(), kind.kind(), namespace, name)));
      md.put("name", name);
    }
    ObjectKey key = new ObjectKey(kind.group(), kind.kind(), namespace, name);
    if (objects.containsKey(key)) {
      throw failure(what, 409, "AlreadyExists", kind.resource() + " " + GoJson.goQuote(name)
          + " already exists");
    }
    if (!Values.string(md, "resourceVersion").isEmpty()) {
      throw failure(what, 400, "BadRequest",
          "resourceVersion should not be set on objects to be created");
    }
    object.put("apiVersion", apiVersion);
    object.put("kind", kind.kind());
    String now = now();
    md.put("uid", nextUid());
    md.put("creationTimestamp", now);
    md.put("generation", 1);
    md.remove("resourceVersion");
    Admission.onCreate(kind, object, this::nextClusterIp, now);
    List<String> errors = Validation.create(kind, object);
    if (!errors.isEmpty()) {
      throw invalid(kind, name, what, errors);
    }
    Snapshot fields = Fields.of(object, kind, listTypes);
    if (managed == null) {
      ManagedFields given = decodedOrNull(md.get("managedFields"));
      managed = (given == null ? ManagedFields.NONE : given).update(
          Fields.compare(Snapshot.EMPTY, fields), manager, apiVersion, now);
    }
    render(md, managed);
    checkSize(kind, name, object, what);
    md.put("resourceVersion", nextResourceVersion());
    commit(key, kind, new Stored(object, managed, fields), WatchEvent.Type.ADDED);
    return object;
  }

  /**
   * Stores {@code candidate} as the next state of {@code live} and answers what is stored; a
   * candidate that changes nothing leaves the object (and its resourceVersion) as it was. When
   * {@code managed} is null, the write is an update by {@code manager}.
   */
  private Map<String, Object> update(KindInfo kind, ObjectKey key, Stored live,
      Map<String, Object> candidate, ManagedFields managed, String manager, String apiVersion,
      String what) {
    return update(kind, key, live, candidate, managed, manager, apiVersion, what, "", false);
  }

  /**
   * As {@link #update(KindInfo, ObjectKey, Stored, Map, ManagedFields, String, String, String)},
   * the update written through {@code subresource} ({@code ""}: the main resource), with the
   * generation kept when {@code keepGeneration} (as a pod's binding keeps it).
   */
  private Map<String, Object> update(KindInfo kind, ObjectKey key, Stored live,
      Map<String, Object> candidate, ManagedFields managed, String manager, String apiVersion,
      String what, String subresource, boolean keepGeneration) {
    Map<String, Object> liveMd = Values.map(live.object(), "metadata");
    Map<String, Object> md = Values.metadata(candidate);
    md.put("name", key.name());
    if (kind.namespaced()) {
      md.put("namespace", key.namespace());
    } else {
      md.remove("namespace");
    }
    md.put("uid", liveMd.get("uid"));
    md.put("creationTimestamp", liveMd.get("creationTimestamp"));
    md.remove("resourceVersion");
    md.remove("generation");
    candidate.put("apiVersion", apiVersion);
    candidate.put("kind", kind.kind());
    String now = now();
    Admission.onUpdate(kind, live.object(), candidate, now);
    List<String> errors = Validation.update(kind, live.object(), candidate);
    if (!errors.isEmpty()) {
      throw invalid(kind, key.name(), what, errors);
    }
    long generation = liveMd.get("generation") instanceof Number n ? n.longValue() : 1;
    md.put("generation", Values.integer(!keepGeneration && specChanged(live.object(), candidate)
        ? generation + 1 : generation));
    Snapshot fields = Fields.of(candidate, kind, listTypes);
    if (managed == null) {
      ManagedFields base = live.managed();
      Object incoming = md.get("managedFields");
      if (incoming != null && !Values.same(incoming, liveMd.get("managedFields"))) {
        ManagedFields given = decodedOrNull(incoming);
        if (given != null && !given.entries().isEmpty()) {
          base = given;
        }
      }
      managed = base.update(Fields.compare(live.fields(), fields), manager, apiVersion, now,
          subresource);
    }
    if (managed.equals(live.managed())) {
      managed = live.managed();
    }
    render(md, managed);
    checkSize(kind, key.name(), candidate, what);
    md.put("resourceVersion", liveMd.get("resourceVersion"));
    if (sameObject(live.object(), candidate)) {
      return live.object();
    }
    md.put("resourceVersion", nextResourceVersion());
    commit(key, kind, new Stored(candidate, managed, fields), WatchEvent.Type.MODIFIED);
    return candidate;
  }

  /** Stores a written object and tells the CRD kinds, the watches and the controllers of it. */
  private void commit(ObjectKey key, KindInfo kind, Stored stored, WatchEvent.Type type) {
    objects.put(key, stored);
    if (kind.is(Kinds.CRD_GROUP, Kinds.CRD_KIND)) {
      kinds.define(stored.object());
    }
    notifyWatches(key, type, stored.object());
    if (controllers != null) {
      controllers.changed(key, stored.object());
    }
  }

  private void remove(ObjectKey key) {
    Stored s = objects.remove(key);
    if (s == null) {
      return;
    }
    Map<String, Object> last = Values.copy(s.object());
    Values.metadata(last).put("resourceVersion", nextResourceVersion());
    notifyWatches(key, WatchEvent.Type.DELETED, last);
    if (key.group().isEmpty() && key.kind().equals("Pod")) {
      podLogs.remove(key);
    }
    if (controllers != null) {
      controllers.removed(key, last);
    }
  }

  /** The objects of {@code roots} and, transitively, those whose owner references name them. */
  private List<ObjectKey> withDependents(List<ObjectKey> roots) {
    Map<String, List<ObjectKey>> dependentsByOwnerUid = new HashMap<>();
    for (Map.Entry<ObjectKey, Stored> e : objects.entrySet()) {
      for (String uid : ownerUids(e.getValue().object())) {
        dependentsByOwnerUid.computeIfAbsent(uid, u -> new ArrayList<>()).add(e.getKey());
      }
    }
    Set<ObjectKey> out = new LinkedHashSet<>(roots);
    ArrayDeque<ObjectKey> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Stored s = objects.get(todo.poll());
      String uid = Values.string(Values.map(s.object(), "metadata"), "uid");
      for (ObjectKey dependent : dependentsByOwnerUid.getOrDefault(uid, List.of())) {
        if (out.add(dependent)) {
          todo.add(dependent);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Removes the owner's reference from the objects it owns (except those about to go). */
  private void orphanDependents(Stored owner, List<ObjectKey> goingToo) {
    String uid = Values.string(Values.map(owner.object(), "metadata"), "uid");
    List<ObjectKey> dependents = new ArrayList<>();
    for (Map.Entry<ObjectKey, Stored> e : objects.entrySet()) {
      if (ownerUids(e.getValue().object()).contains(uid) && !goingToo.contains(e.getKey())) {
        dependents.add(e.getKey());
      }
    }
    for (ObjectKey k : dependents) {
      Stored s = objects.get(k);
      KindInfo kind = kinds.find(k.group(), k.kind());
      Map<String, Object> candidate = Values.copy(s.object());
      Map<String, Object> md = Values.metadata(candidate);
      List<Object> refs = new ArrayList<>(Values.list(md, "ownerReferences"));
      refs.removeIf(r -> r instanceof Map<?, ?> m && uid.equals(m.get("uid")));
      if (refs.isEmpty()) {
        md.remove("ownerReferences");
      } else {
        md.put("ownerReferences", refs);
      }
      update(kind, k, s, candidate, null, GARBAGE_COLLECTOR, Values.string(candidate,
          "apiVersion"), "orphaning " + k.kind() + "/" + k.name());
    }
  }

  private static List<String> ownerUids(Map<String, Object> object) {
    List<Object> refs = Values.list(Values.map(object, "metadata"), "ownerReferences");
    if (refs == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object r : refs) {
      if (r instanceof Map<?, ?> m && m.get("uid") instanceof String u) {
        out.add(u);
      }
    }
    return out;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list.size());
    for (int i = list.size() - 1; i >= 0; i--) {
      out.add(list.get(i));
    }
    return out;
  }

  private void unregister(WatchHandle handle) {
    synchronized (lock) {
      List<WatchHandle> list = watches.get(handle.key);
      if (list != null) {
        list.remove(handle);
        if (list.isEmpty()) {
          watches.remove(handle.key);
        }
      }
    }
  }

  private void notifyWatches(ObjectKey key, WatchEvent.Type type, Map<String, Object> object) {
    List<WatchHandle> list = watches.get(key);
    if (list == null) {
      return;
    }
    for (WatchHandle h : list) {
      h.offer(new WatchEvent(type, out(object, h.apiVersion)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Controllers

  /** Runs the controllers until they have nothing left to do now (the lock is held). */
  private void settle() {
    if (controllers != null) {
      controllers.settle();
    }
  }

  /**
   * The cluster as the simulated controllers see it: reads and writes that take effect at once,
   * are neither recorded nor failed by injected failures, and are made while the caller holds the
   * cluster's lock.
   */
  private final class ControllerStore implements Store {
    @Override
    public Map<String, Object> get(ObjectKey key) {
      Stored s = objects.get(key);
      return s == null ? null : Values.copy(s.object());
    }

    @Override
    public List<Map<String, Object>> list(String group, String kind, String namespace) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map.Entry<ObjectKey, Stored> e : objects.subMap(ObjectKey.first(group, kind),
          ObjectKey.afterLast(group, kind)).entrySet()) {
        if (namespace.isEmpty() || namespace.equals(e.getKey().namespace())) {
          out.add(Values.copy(e.getValue().object()));
        }
      }
      return out;
    }

    @Override
    public Map<String, Object> create(Map<String, Object> object, String manager) {
      Map<String, Object> body = body(object, "a controller's create");
      String apiVersion = Values.string(body, "apiVersion");
      String kindName = Values.string(body, "kind");
      String what = "creating " + kindName + "/" + Values.string(Values.metadata(body), "name");
      KindInfo kind = resolve(apiVersion, kindName, what);
      return Values.copy(createNew(kind, body, null, manager, apiVersion, what));
    }

    @Override
    public Map<String, Object> update(Map<String, Object> object, String manager) {
      return write(object, manager, false);
    }

    @Override
    public Map<String, Object> updateStatus(Map<String, Object> object, String manager) {
      return write(object, manager, true);
    }

    @Override
    public Map<String, Object> bind(Map<String, Object> pod, String node, String manager) {
      ObjectKey key = Store.keyOf(pod);
      Stored live = objects.get(key);
      if (live == null) {
        return null;
      }
      Map<String, Object> candidate = Values.copy(live.object());
      Values.mapIn(candidate, "spec").put("nodeName", node);
      KindInfo kind = kinds.find(key.group(), key.kind());
      return Values.copy(InMemoryCluster.this.update(kind, key, live, candidate, null, manager,
          Values.string(candidate, "apiVersion"), "binding " + key.name(), "", true));
    }

    private Map<String, Object> write(Map<String, Object> object, String manager,
        boolean status) {
      ObjectKey key = Store.keyOf(object);
      Stored live = objects.get(key);
      if (live == null) {
        return null;
      }
      Map<String, Object> candidate;
      if (status) {
        candidate = Values.copy(live.object());
        Object given = object.get("status");
        if (given == null) {
          candidate.remove("status");
        } else {
          candidate.put("status", body(Map.of("status", given), "a status").get("status"));
        }
      } else {
        candidate = body(object, "a controller's update");
      }
      KindInfo kind = kinds.find(key.group(), key.kind());
      String what = "updating " + key.kind() + "/" + key.name() + (status ? " status" : "");
      return Values.copy(InMemoryCluster.this.update(kind, key, live, candidate, null, manager,
          Values.string(live.object(), "apiVersion"), what, status ? "status" : "", false));
    }

    @Override
    public void delete(ObjectKey key) {
      Stored target = objects.get(key);
      if (target != null) {
        deleteStored(kinds.find(key.group(), key.kind()), key, target, Propagation.BACKGROUND);
      }
    }

    @Override
    public String now() {
      return InMemoryCluster.this.now();
    }

    @Override
    public String serverVersion() {
      return serverVersion;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Records the request and throws the failure injected for it, if any. */
  private RecordedRequest begin(RecordedRequest r) {
    requests.add(r);
    ClusterException failure = faults.match(r.verb(), r.kind());
    if (failure != null) {
      throw failure;
    }
    return r;
  }

  private RecordedRequest begin(Verb verb, Map<String, Object> object) {
    Map<?, ?> md = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    return begin(new RecordedRequest(verb, text(object.get("apiVersion")),
        text(object.get("kind")), text(md.get("namespace")), text(md.get("name"))));
  }

  private static String text(Object o) {
    return o instanceof String s ? s : "";
  }

  private static String describe(RecordedRequest r, Map<String, Object> object) {
    String name = r.name();
    if (name.isEmpty() && object.get("metadata") instanceof Map<?, ?> md
        && md.get("generateName") instanceof String g) {
      name = g + "*";
    }
    return r.kind() + "/" + (r.namespace().isEmpty() ? "" : r.namespace() + "/") + name;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Map<String, Object> object, String what) {
    try {
      return (Map<String, Object>) Values.normalize(object, what);
    } catch (ClusterException e) {
      throw failure(what, 400, "BadRequest", e.getMessage());
    }
  }

  private KindInfo resolve(String apiVersion, String kind, String what) {
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      throw failure(what, 400, "BadRequest", "Object 'Kind' and 'apiVersion' are required");
    }
    try {
      return kinds.resolve(apiVersion, kind);
    } catch (ClusterException e) {
      throw new ClusterException(what + " failed (HTTP 404 NotFound): " + e.getMessage(), 404,
          "NotFound", null);
    }
  }

  private static ObjectKey key(KindInfo kind, String namespace, String name, String what) {
    if (!kind.namespaced()) {
      return new ObjectKey(kind.group(), kind.kind(), "", name);
    }
    if (namespace.isEmpty()) {
      throw failure(what, 400, "BadRequest", kind.kind() + " " + GoJson.goQuote(name)
          + " has no metadata.namespace, but " + kind.resource() + " are namespaced");
    }
    return new ObjectKey(kind.group(), kind.kind(), namespace, name);
  }

  private static String required(KindInfo kind, String name, String what) {
    if (name.isEmpty()) {
      throw invalid(kind, "", what, List.of("metadata.name: Required value: name is required"));
    }
    return name;
  }

  private Stored existing(KindInfo kind, ObjectKey key, String what) {
    Stored live = objects.get(key);
    if (live == null) {
      throw notFound(kind, key, what);
    }
    return live;
  }

  private static ClusterException notFound(KindInfo kind, ObjectKey key, String what) {
    return failure(what, 404, "NotFound", kind.resource() + " " + GoJson.goQuote(key.name())
        + " not found");
  }

  /** The resourceVersion and uid a write names must be the live ones. */
  private static void preconditions(KindInfo kind, ObjectKey key, Map<String, Object> body,
      Stored live, String what) {
    Map<String, Object> md = Values.map(body, "metadata");
    Map<String, Object> liveMd = Values.map(live.object(), "metadata");
    String rv = Values.string(md, "resourceVersion");
    String on = "Operation cannot be fulfilled on " + kind.resource() + " "
        + GoJson.goQuote(key.name()) + ": ";
    if (!rv.isEmpty() && !rv.equals(liveMd.get("resourceVersion"))) {
      throw failure(what, 409, "Conflict", on + "the object has been modified; please apply your"
          + " changes to the latest version and try again");
    }
    String uid = Values.string(md, "uid");
    if (!uid.isEmpty() && !uid.equals(liveMd.get("uid"))) {
      throw failure(what, 409, "Conflict", on + "Precondition failed: UID in precondition: "
          + uid + ", UID in object meta: " + liveMd.get("uid"));
    }
  }

  private static List<PatchOperation> parsePatch(String text, String what) {
    Object parsed;
    try {
      parsed = Values.normalize(GoJson.decodeWhole(text), what);
    } catch (RuntimeException e) {
      throw failure(what, 400, "BadRequest", "the JSON Patch is not valid JSON: "
          + e.getMessage());
    }
    if (!(parsed instanceof List<?> list)) {
      throw failure(what, 400, "BadRequest", "a JSON Patch must be a JSON array");
    }
    List<PatchOperation> ops = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> op) || !(op.get("op") instanceof String name)
          || !(op.get("path") instanceof String path)) {
        throw failure(what, 400, "BadRequest", "each JSON Patch operation needs an op and a"
            + " path: " + GoJson.write(o));
      }
      try {
        PatchOperation.Op kind = null;
        for (PatchOperation.Op candidate : PatchOperation.Op.values()) {
          if (candidate.wire().equals(name)) {
            kind = candidate;
          }
        }
        if (kind == null) {
          throw new IllegalArgumentException("unknown JSON Patch operation \"" + name + "\"");
        }
        boolean valued = kind == PatchOperation.Op.ADD || kind == PatchOperation.Op.REPLACE
            || kind == PatchOperation.Op.TEST;
        if (valued && !op.containsKey("value")) {
          throw new IllegalArgumentException(name + " " + path + " has no value");
        }
        ops.add(new PatchOperation(kind, path, valued ? op.get("value") : null,
            op.get("from") instanceof String from ? from : null));
      } catch (IllegalArgumentException e) {
        throw failure(what, 400, "BadRequest", e.getMessage());
      }
    }
    return ops;
  }

  private static ManagedFields decodedOrNull(Object managedFields) {
    if (managedFields == null) {
      return null;
    }
    try {
      return ManagedFields.decode(managedFields);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void render(Map<String, Object> md, ManagedFields managed) {
    if (managed.entries().isEmpty()) {
      md.remove("managedFields");
    } else {
      md.put("managedFields", managed.encode());
    }
  }

  private static void checkSize(KindInfo kind, String name, Map<String, Object> object,
      String what) {
    long size = Validation.tooLarge(object);
    if (size >= 0) {
      throw failure(what, 413, "RequestEntityTooLarge", kind.qualifiedKind() + " "
          + GoJson.goQuote(name) + " is " + size + " bytes of JSON, more than the "
          + Validation.MAX_OBJECT_BYTES + " bytes etcd stores: etcdserver: request is too large");
    }
  }

  /** Whether anything outside metadata and status differs (what makes the generation grow). */
  private static boolean specChanged(Map<String, Object> live, Map<String, Object> candidate) {
    Set<String> keys = new LinkedHashSet<>(live.keySet());
    keys.addAll(candidate.keySet());
    for (String k : keys) {
      if (!Set.of("apiVersion", "kind", "metadata", "status").contains(k)
          && !Values.same(live.get(k), candidate.get(k))) {
        return true;
      }
    }
    return false;
  }

  /** Equal as stored objects, whatever version each names. */
  private static boolean sameObject(Map<String, Object> a, Map<String, Object> b) {
    if (Objects.equals(a.get("apiVersion"), b.get("apiVersion"))) {
      return Values.same(a, b);
    }
    Map<String, Object> relabelled = new LinkedHashMap<>(b);
    relabelled.put("apiVersion", a.get("apiVersion"));
    return Values.same(a, relabelled);
  }

  private static boolean hasLabels(Map<String, Object> object, Map<String, String> wanted) {
    if (wanted.isEmpty()) {
      return true;
    }
    Map<String, Object> labels = Values.map(Values.map(object, "metadata"), "labels");
    if (labels == null) {
      return false;
    }
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** A deep copy of a stored object, as read at {@code apiVersion}. */
  private static Map<String, Object> out(Map<String, Object> object, String apiVersion) {
    Map<String, Object> copy = Values.copy(object);
    copy.put("apiVersion", apiVersion);
    return copy;
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  private String nextResourceVersion() {
    return Long.toString(++resourceVersion);
  }

  private String nextUid() {
    long n = ++uids;
    return String.format(java.util.Locale.ROOT, "%08x-0000-4000-8000-%012x", n >>> 48,
        n & 0xFFFF_FFFF_FFFFL);
  }

  private String nextClusterIp() {
    long n = ++clusterIps;
    // 10.96.0.0/12: 2^20 addresses; the network address is skipped.
    return "10." + (96 + ((n >> 16) & 0xF)) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
  }

  private String generatedSuffix() {
    long n = generatedNames++;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(NAME_ALPHABET.charAt((int) (n % NAME_ALPHABET.length())));
      n /= NAME_ALPHABET.length();
    }
    return sb.toString();
  }

  private static ClusterException invalid(KindInfo kind, String name, String what,
      List<String> errors) {
    String detail = errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
    return failure(what, 422, "Invalid", kind.qualifiedKind() + " " + GoJson.goQuote(name)
        + " is invalid: " + detail);
  }

  /** A failure with the API server's status, worded as {@code KubeCluster} words its failures. */
  private static ClusterException failure(String what, int code, String reason, String message) {
    String full = what + " failed (HTTP " + code + " " + reason + "): " + message;
    if (code == 404) {
      return new ClusterException.NotFound(full, null);
    }
    if (code == 409) {
      return "AlreadyExists".equals(reason) ? new ClusterException.AlreadyExists(full, null)
          : new ClusterException.Conflict(full, null);
    }
    return new ClusterException(full, code, reason, null);
  }
}
