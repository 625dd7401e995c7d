package dev.capstan.samples.cli;

import dev.capstan.chart.Chart;
import dev.capstan.chart.Charts;
import dev.capstan.client.DryRun;
import dev.capstan.client.HistoryTable;
import dev.capstan.client.ListOptions;
import dev.capstan.client.ReleaseClient;
import dev.capstan.client.RollbackOptions;
import dev.capstan.client.UninstallOptions;
import dev.capstan.client.UpgradeOptions;
import dev.capstan.client.WaitMode;
import dev.capstan.diff.DiffOptions;
import dev.capstan.kube.KubeCluster;
import dev.capstan.kube.ServerSide;
import dev.capstan.progress.ProgressEvent;
import dev.capstan.release.Hook;
import dev.capstan.release.Release;
import dev.capstan.release.ReleaseStatus;
import dev.capstan.render.Capabilities;
import dev.capstan.render.ChartRenderer;
import dev.capstan.render.ReleaseOptions;
import dev.capstan.render.RenderedChart;
import dev.capstan.storage.ConfigMapDriver;
import dev.capstan.storage.MemoryDriver;
import dev.capstan.storage.ReleaseDriver;
import dev.capstan.storage.SecretDriver;
import dev.capstan.values.ValueSources;
import dev.capstan.values.Values;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The commands of {@link Capstan}: one method per Helm command, sharing the global flags. */
final class Commands {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Environment env;
  private final PrintStream out;
  private final PrintStream err;
  private boolean debug;
  private KubernetesClient kube;
  private final RepoCommands repos;

  Commands(Environment env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.repos = new RepoCommands(env, java.time.Clock.systemUTC());
  }

  int run(List<String> argv) {
    try {
      if (argv.isEmpty()) {
        out.print(usage());
        return 0;
      }
      String command = argv.get(0);
      List<String> rest = argv.subList(1, argv.size());
      switch (command) {
        case "template" -> template(rest);
        case "install" -> install(rest);
        case "upgrade" -> upgrade(rest);
        case "rollback" -> rollback(rest);
        case "uninstall", "delete", "un", "del" -> uninstall(rest);
        case "history", "hist" -> history(rest);
        case "status" -> status(rest);
        case "get" -> get(rest);
        case "list", "ls" -> list(rest);
        case "diff" -> diff(rest);
        case "test" -> test(rest);
        case "package" -> packageChart(rest);
        case "repo" -> repo(rest);
        case "search" -> search(rest);
        case "help", "-h", "--help" -> out.print(usage());
        default -> throw new CliException("unknown command \"" + command + "\" for \"helm\"\n"
            + "Run 'capstan --help' for usage.");
      }
      return 0;
    } catch (ExitCode e) {
      return e.code;
    } catch (CliException e) {
      err.println("Error: " + e.getMessage());
      if (debug && e.getCause() != null) {
        e.getCause().printStackTrace(err);
      }
      return 1;
    } catch (RuntimeException e) {
      err.println("Error: " + message(e));
      if (debug) {
        e.printStackTrace(err);
      }
      return 1;
    } finally {
      if (kube != null) {
        kube.close();
      }
    }
  }

  private static String usage() {
    return """
        The Kubernetes package manager, on Capstan (a Java implementation of Helm's lifecycle).

        Usage:
          capstan [command]

        Available Commands:
          diff        preview an upgrade (diff upgrade RELEASE CHART)
          get         download extended information of a named release
          history     fetch release history
          install     install a chart
          list        list releases
          package     package a chart directory into a chart archive
          rollback    roll back a release to a previous revision
          status      display the status of the named release
          template    locally render templates
          test        run tests for a release
          uninstall   uninstall a release
          upgrade     upgrade a release

        Flags:
              --debug                enable verbose output
              --kube-context string  name of the kubeconfig context to use
              --kubeconfig string    path to the kubeconfig file
          -n, --namespace string     namespace scope for this request
        """;
  }

  // ---- flags shared by commands

  private static Flags globals() {
    return new Flags().bool("debug").string("kubeconfig", "").string("kube-context", "")
        .string("namespace", 'n', "").bool("help", 'h').integer("burst-limit", 100)
        .string("qps", "0");
  }

  private static Flags valueFlags(Flags f) {
    return f.slice("values", 'f').array("set").array("set-string").array("set-file")
        .array("set-json").array("set-literal");
  }

  private Flags parse(Flags f, List<String> argv, String use, int min, int max) {
    f.parse(argv);
    debug = f.isSet("debug");
    if (f.isSet("help")) {
      throw new CliException("help requested\n\nUsage:  " + use);
    }
    int n = f.args().size();
    String path = "\"helm " + use.substring("capstan ".length(), use.indexOf(" [")) + "\"";
    if (min == max && n != min) {
      throw new CliException(path + " requires " + min + " argument" + (min == 1 ? "" : "s")
          + "\n\nUsage:  " + use);
    }
    if (n < min) {
      throw new CliException(path + " requires at least " + min + " argument"
          + (min == 1 ? "" : "s") + "\n\nUsage:  " + use);
    }
    if (max >= 0 && n > max) {
      throw new CliException(path + " accepts at most " + max + " argument"
          + (max == 1 ? "" : "s") + "\n\nUsage:  " + use);
    }
    return f;
  }

  private Values values(Flags f) {
    ValueSources.Builder b = ValueSources.builder().baseDirectory(env.workingDirectory());
    for (String file : f.list("values")) {
      b.valuesFile(env.resolve(file));
    }
    f.list("set").forEach(b::set);
    f.list("set-string").forEach(b::setString);
    f.list("set-file").forEach(b::setFile);
    f.list("set-json").forEach(b::setJson);
    f.list("set-literal").forEach(b::setLiteral);
    return b.build().merge();
  }

  private Chart chart(String ref) {
    return chart(ref, "");
  }

  /** A chart directory or archive, else {@code REPO/CHART} from a configured repository. */
  private Chart chart(String ref, String version) {
    Path path = env.resolve(ref);
    if (Files.exists(path)) {
      return Charts.load(path);
    }
    return repos.chart(ref, version).orElseThrow(() -> new CliException(ref.contains("/")
        ? "repo " + ref.substring(0, ref.indexOf('/')) + " not found"
        : "non-absolute URLs should be in form of repo_name/path_to_chart, got: " + ref));
  }

  private String namespace(Flags f) {
    if (!f.str("namespace").isEmpty()) {
      return f.str("namespace");
    }
    return env.get("HELM_NAMESPACE").orElseGet(() -> {
      String ns = kube(f).getConfiguration().getNamespace();
      return ns == null || ns.isEmpty() ? "default" : ns;
    });
  }

  /** The cluster as Helm finds it: --kubeconfig, else KUBECONFIG, else ~/.kube/config. */
  private KubernetesClient kube(Flags f) {
    if (kube != null) {
      return kube;
    }
    String context = f.str("kube-context").isEmpty()
        ? env.get("HELM_KUBECONTEXT").orElse(null) : f.str("kube-context");
    Optional<Path> file = Optional.of(f.str("kubeconfig")).filter(s -> !s.isEmpty())
        .map(env::resolve)
        .or(() -> env.get("KUBECONFIG").map(s -> s.split(java.io.File.pathSeparator)[0])
            .map(env::resolve))
        .or(() -> env.get("HOME").map(h -> Path.of(h, ".kube", "config")));
    Config config;
    if (file.isPresent() && Files.isRegularFile(file.get())) {
      try {
        config = Config.fromKubeconfig(context,
            Files.readString(file.get(), StandardCharsets.UTF_8), file.get().toString());
      } catch (IOException e) {
        throw new CliException("kubernetes cluster unreachable: cannot read " + file.get(), e);
      }
    } else if (!f.str("kubeconfig").isEmpty()) {
      throw new CliException("kubernetes cluster unreachable: stat " + f.str("kubeconfig")
          + ": no such file or directory");
    } else {
      config = Config.autoConfigure(context);
    }
    kube = new KubernetesClientBuilder().withConfig(config).build();
    return kube;
  }

  private ReleaseDriver driver(KubernetesClient client) {
    String name = env.get("HELM_DRIVER").orElse("secret");
    return switch (name) {
      case "secret", "secrets" -> new SecretDriver(client);
      case "configmap", "configmaps" -> new ConfigMapDriver(client);
      case "memory" -> new MemoryDriver();
      default -> throw new CliException("unknown driver \"" + name + "\"");
    };
  }

  private int historyMaxDefault() {
    return env.get("HELM_MAX_HISTORY").map(s -> {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new CliException("HELM_MAX_HISTORY: not a number: \"" + s + "\"");
      }
    }).orElse(ReleaseClient.DEFAULT_HISTORY_MAX);
  }

  private ReleaseClient client(Flags f) {
    KubernetesClient client = kube(f);
    String ns = namespace(f);
    return ReleaseClient.builder().cluster(KubeCluster.of(client)).storage(driver(client))
        .namespace(ns).historyMax(historyMaxDefault()).listener(this::progress)
        .serialization(client.getKubernetesSerialization()).build();
  }

  /** One line per progress event: what is waited for and why, hooks and rollbacks; all with --debug. */
  private void progress(ProgressEvent event) {
    boolean shown = debug || event instanceof ProgressEvent.ResourceWaiting
        || event instanceof ProgressEvent.HookStarted
        || event instanceof ProgressEvent.HookFinished
        || event instanceof ProgressEvent.RollbackStarted
        || event instanceof ProgressEvent.RollbackFinished;
    if (shown) {
      synchronized (err) {
        err.println(event.message());
      }
    }
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  // ---- template

  private void template(List<String> argv) {
    Flags f = parse(valueFlags(globals()).string("kube-version", "").slice("api-versions", 'a')
        .array("show-only", 's').bool("include-crds").bool("skip-tests")
        .bool("skip-schema-validation").bool("skip-crds").bool("no-hooks").bool("validate")
        .bool("disable-openapi-validation").bool("is-upgrade").bool("dependency-update"),
        argv, "capstan template [NAME] [CHART] [flags]", 1, 2);
    List<String> a = f.args();
    String name = a.size() == 2 ? a.get(0) : "release-name";
    Chart chart = chart(a.get(a.size() - 1));
    Capabilities caps = Capabilities.defaults();
    if (!f.str("kube-version").isEmpty()) {
      caps = caps.withKubeVersion(f.str("kube-version"));
    }
    if (!f.list("api-versions").isEmpty()) {
      caps = caps.withExtraApiVersions(f.list("api-versions"));
    }
    String ns = f.str("namespace").isEmpty() ? env.get("HELM_NAMESPACE").orElse("default")
        : f.str("namespace");
    ChartRenderer renderer = ChartRenderer.builder().capabilities(caps)
        .validateSchema(!f.isSet("skip-schema-validation")).build();
    ReleaseOptions release = f.isSet("is-upgrade") ? ReleaseOptions.upgrade(name, ns, 2)
        : ReleaseOptions.install(name, ns);
    RenderedChart rendered = renderer.render(chart, release, values(f));
    out.print(rendered.templateText(f.isSet("include-crds"), f.isSet("skip-tests"),
        f.list("show-only")));
  }

  // ---- install and upgrade

  private static Flags installFlags(Flags f) {
    return valueFlags(f).optional("wait", "hookOnly", "watcher").bool("wait-for-jobs")
        .duration("timeout", DEFAULT_TIMEOUT).bool("rollback-on-failure").alias("atomic",
            "rollback-on-failure")
        .optional("dry-run", "none", "client").string("server-side", "auto")
        .bool("force-conflicts").string("description", "").map("labels").bool("no-hooks")
        .bool("skip-crds").bool("create-namespace").bool("take-ownership")
        .bool("disable-openapi-validation").bool("skip-schema-validation")
        .string("version", "").string("output", 'o', "table").bool("devel")
        .bool("dependency-update").bool("render-subchart-notes").bool("hide-notes")
        .bool("skip-tests");
  }

  private static WaitMode waitMode(Flags f) {
    return switch (f.str("wait")) {
      case "watcher", "true" -> WaitMode.WATCHER;
      case "legacy" -> WaitMode.LEGACY;
      case "hookOnly", "false", "" -> WaitMode.HOOKS_ONLY;
      default -> throw new CliException("invalid argument \"" + f.str("wait")
          + "\" for \"--wait\" flag: invalid wait strategy: " + f.str("wait"));
    };
  }

  private static DryRun dryRun(Flags f) {
    return switch (f.str("dry-run")) {
      case "none", "false", "" -> DryRun.NONE;
      case "client", "true" -> DryRun.CLIENT;
      case "server" -> DryRun.SERVER;
      default -> throw new CliException("invalid dry-run value (" + f.str("dry-run")
          + "). Must be \"none\", \"server\", or \"client\"");
    };
  }

  private static ServerSide serverSide(Flags f) {
    try {
      return ServerSide.fromFlag(f.str("server-side"));
    } catch (RuntimeException e) {
      throw new CliException("invalid argument \"" + f.str("server-side")
          + "\" for \"--server-side\" flag: " + message(e));
    }
  }

  // ---- repositories

  private void repo(List<String> argv) {
    if (argv.isEmpty()) {
      throw new CliException("\"helm repo\" requires a subcommand (add, list, remove, update)"
          + "\n\nUsage:  capstan repo [command]");
    }
    List<String> rest = argv.subList(1, argv.size());
    switch (argv.get(0)) {
      case "add" -> {
        Flags f = parse(globals().bool("force-update").string("username", "")
            .string("password", "").bool("pass-credentials"), rest,
            "capstan repo add [NAME] [URL] [flags]", 2, 2);
        repos.add(f.args().get(0), f.args().get(1), f.isSet("force-update"))
            .forEach(out::println);
      }
      case "update", "up" -> {
        Flags f = parse(globals().duration("timeout", Duration.ofMinutes(2)), rest,
            "capstan repo update [REPO1 [REPO2 ...]] [flags]", 0, -1);
        repos.update(f.args()).forEach(out::println);
      }
      case "list", "ls" -> {
        Flags f = parse(globals().string("output", 'o', "table"), rest,
            "capstan repo list [flags]", 0, 0);
        out.print(repos.list());
      }
      case "remove", "rm" -> {
        Flags f = parse(globals(), rest, "capstan repo remove [REPO1 [REPO2 ...]] [flags]", 1, -1);
        repos.remove(f.args()).forEach(out::println);
      }
      default -> throw new CliException("unknown command \"" + argv.get(0)
          + "\" for \"helm repo\"");
    }
  }

  private void search(List<String> argv) {
    if (argv.isEmpty() || !argv.get(0).equals("repo")) {
      throw new CliException("capstan search knows one subcommand: search repo [keyword]");
    }
    Flags f = parse(globals().bool("versions", 'l').string("version", "").bool("devel")
        .bool("regexp", 'r').integer("max-col-width", 50).string("output", 'o', "table")
        .bool("fail-on-no-result"), argv.subList(1, argv.size()),
        "capstan search repo [keyword] [flags]", 0, -1);
    var results = repos.search(f.args(), f.isSet("versions"), f.str("version"), f.isSet("devel"),
        f.isSet("regexp"));
    if (results.isEmpty() && f.isSet("fail-on-no-result")) {
      throw new CliException("no results found");
    }
    switch (output(f)) {
      case "json" -> out.print(results.json());
      case "yaml" -> out.print(results.yaml());
      default -> out.print(results.isEmpty() ? "No results found\n"
          : results.table(f.integer("max-col-width")));
    }
  }

  private void install(List<String> argv) {
    Flags f = parse(installFlags(globals()).bool("replace").bool("generate-name", 'g'), argv,
        "capstan install [NAME] [CHART] [flags]", 2, 2);
    String name = f.args().get(0);
    Chart chart;
    try {
      chart = chart(f.args().get(1), f.str("version"));
    } catch (RuntimeException e) {
      throw new CliException("INSTALLATION FAILED: " + message(e), e);
    }
    Values user = values(f);
    ReleaseClient helm = client(f);
    Release r;
    try {
      r = helm.install(name, chart, in -> {
        in.values(user).waitMode(waitMode(f)).waitForJobs(f.isSet("wait-for-jobs"))
            .timeout(f.duration("timeout")).dryRun(dryRun(f)).serverSide(serverSide(f));
        f.stringMap("labels").forEach(in::label);
        if (!f.str("description").isEmpty()) {
          in.description(f.str("description"));
        }
        if (f.isSet("rollback-on-failure")) {
          in.atomic();
        }
        if (f.isSet("force-conflicts")) {
          in.forceConflicts();
        }
        if (f.isSet("no-hooks")) {
          in.noHooks();
        }
        if (f.isSet("skip-crds")) {
          in.skipCrds();
        }
        if (f.isSet("create-namespace")) {
          in.createNamespace();
        }
        if (f.isSet("take-ownership")) {
          in.takeOwnership();
        }
        if (f.isSet("replace")) {
          in.replace();
        }
      });
    } catch (RuntimeException e) {
      throw new CliException("INSTALLATION FAILED: " + message(e), e);
    }
    printRelease(r, f, "");
  }

  private void upgrade(List<String> argv) {
    Flags f = parse(installFlags(globals()).bool("install", 'i').bool("reuse-values")
        .bool("reset-values").bool("reset-then-reuse-values").bool("force-replace")
        .alias("force", "force-replace").bool("cleanup-on-fail")
        .integer("history-max", historyMaxDefault()), argv,
        "capstan upgrade [RELEASE] [CHART] [flags]", 2, 2);
    String name = f.args().get(0);
    Chart chart;
    try {
      chart = chart(f.args().get(1), f.str("version"));
    } catch (RuntimeException e) {
      throw new CliException("UPGRADE FAILED: " + message(e), e);
    }
    Values user = values(f);
    ReleaseClient helm = client(f);
    if (f.isSet("install") && !exists(helm, name)) {
      out.printf("Release \"%s\" does not exist. Installing it now.%n", name);
    }
    Release r;
    try {
      r = helm.upgrade(name, chart, upgradeOptions(f, user));
    } catch (RuntimeException e) {
      err.printf("level=WARN msg=\"upgrade failed\" name=%s error=%s%n", name,
          GoText.quote(message(e)));
      throw new CliException("UPGRADE FAILED: " + message(e), e);
    }
    if (r.version() > 1 || !f.isSet("install")) {
      out.printf("Release \"%s\" has been upgraded. Happy Helming!%n", name);
    }
    printRelease(r, f, "");
  }

  private Consumer<UpgradeOptions.Builder> upgradeOptions(Flags f, Values user) {
    return up -> {
      up.values(user).waitMode(waitMode(f)).waitForJobs(f.isSet("wait-for-jobs"))
          .timeout(f.duration("timeout")).dryRun(dryRun(f)).serverSide(serverSide(f))
          .historyMax(f.integer("history-max"));
      f.stringMap("labels").forEach(up::label);
      if (!f.str("description").isEmpty()) {
        up.description(f.str("description"));
      }
      if (f.isSet("install")) {
        up.installIfMissing();
      }
      if (f.isSet("reuse-values")) {
        up.reuseValues();
      }
      if (f.isSet("reset-values")) {
        up.resetValues();
      }
      if (f.isSet("reset-then-reuse-values")) {
        up.resetThenReuseValues();
      }
      if (f.isSet("rollback-on-failure")) {
        up.atomic();
      }
      if (f.isSet("cleanup-on-fail")) {
        up.cleanupOnFail();
      }
      if (f.isSet("force-replace")) {
        up.forceReplace();
      }
      if (f.isSet("force-conflicts")) {
        up.forceConflicts();
      }
      if (f.isSet("no-hooks")) {
        up.noHooks();
      }
      if (f.isSet("create-namespace")) {
        up.createNamespace();
      }
      if (f.isSet("take-ownership")) {
        up.takeOwnership();
      }
    };
  }

  private static boolean exists(ReleaseClient helm, String name) {
    try {
      return !helm.history(name).isEmpty();
    } catch (RuntimeException e) {
      if (message(e).contains("not found")) {
        return false;
      }
      throw e;
    }
  }

  // ---- rollback and uninstall

  private void rollback(List<String> argv) {
    Flags f = parse(globals().optional("wait", "hookOnly", "watcher").bool("wait-for-jobs")
        .duration("timeout", DEFAULT_TIMEOUT).bool("force-replace").alias("force", "force-replace")
        .bool("cleanup-on-fail").bool("no-hooks").optional("dry-run", "none", "client")
        .string("server-side", "auto").bool("force-conflicts")
        .integer("history-max", historyMaxDefault()), argv,
        "capstan rollback <RELEASE> [REVISION] [flags]", 1, 2);
    String name = f.args().get(0);
    int revision = 0;
    if (f.args().size() == 2) {
      try {
        revision = Integer.parseInt(f.args().get(1));
      } catch (NumberFormatException e) {
        throw new CliException("could not convert revision to a number: strconv.Atoi: parsing \""
            + f.args().get(1) + "\": invalid syntax");
      }
    }
    int to = revision;
    ReleaseClient helm = client(f);
    helm.rollback(name, rb -> {
      if (to > 0) {
        rb.toRevision(to);
      }
      rb.waitMode(waitMode(f)).waitForJobs(f.isSet("wait-for-jobs")).timeout(f.duration("timeout"))
          .serverSide(serverSide(f)).historyMax(f.integer("history-max"));
      rollbackExtras(rb, f);
    });
    out.println("Rollback was a success! Happy Helming!");
  }

  private static void rollbackExtras(RollbackOptions.Builder rb, Flags f) {
    if (f.isSet("force-replace")) {
      rb.forceReplace();
    }
    if (f.isSet("cleanup-on-fail")) {
      rb.cleanupOnFail();
    }
    if (f.isSet("no-hooks")) {
      rb.noHooks();
    }
    if (f.isSet("force-conflicts")) {
      rb.forceConflicts();
    }
  }

  private void uninstall(List<String> argv) {
    Flags f = parse(globals().bool("keep-history").optional("wait", "hookOnly", "watcher")
        .duration("timeout", DEFAULT_TIMEOUT).bool("no-hooks").bool("ignore-not-found")
        .string("description", "").string("cascade", "background")
        .optional("dry-run", "none", "client"), argv,
        "capstan uninstall RELEASE_NAME [...] [flags]", 1, -1);
    ReleaseClient helm = client(f);
    for (String name : f.args()) {
      Optional<?> result = helm.uninstall(name, un -> {
        un.timeout(f.duration("timeout"));
        if (f.isSet("keep-history")) {
          un.keepHistory();
        }
        if (f.isSet("no-hooks")) {
          un.noHooks();
        }
        if (f.isSet("ignore-not-found")) {
          un.ignoreNotFound();
        }
        if (!f.str("description").isEmpty()) {
          un.description(f.str("description"));
        }
        if (waitMode(f) != WaitMode.HOOKS_ONLY) {
          un.waitForDeletion();
        }
        cascade(un, f.str("cascade"));
      });
      result.map(r -> (dev.capstan.client.UninstallResult) r)
          .filter(r -> r.info() != null && !r.info().isEmpty()).ifPresent(r -> out.println(r.info()));
      out.printf("release \"%s\" uninstalled%n", name);
    }
  }

  private static void cascade(UninstallOptions.Builder un, String value) {
    switch (value) {
      case "background" -> un.cascade(dev.capstan.kube.Cluster.Propagation.BACKGROUND);
      case "foreground" -> un.cascade(dev.capstan.kube.Cluster.Propagation.FOREGROUND);
      case "orphan" -> un.cascade(dev.capstan.kube.Cluster.Propagation.ORPHAN);
      default -> throw new CliException("invalid cascade value (" + value
          + "). Must be \"background\", \"foreground\", or \"orphan\"");
    }
  }

  // ---- reading releases

  private void history(List<String> argv) {
    Flags f = parse(globals().integer("max", HistoryTable.DEFAULT_MAX)
        .string("output", 'o', "table"), argv, "capstan history RELEASE_NAME [flags]", 1, 1);
    List<Release> history = client(f).history(f.args().get(0));
    if (history.isEmpty()) {
      throw new CliException("release: not found");
    }
    switch (output(f)) {
      case "json" -> out.println(Printers.historyJson(history, f.integer("max")));
      case "yaml" -> out.print(Printers.historyYaml(history, f.integer("max")));
      default -> out.print(HistoryTable.format(history, f.integer("max"), env.zone()));
    }
  }

  private static String output(Flags f) {
    String o = f.str("output");
    if (!List.of("table", "json", "yaml").contains(o)) {
      throw new CliException("invalid argument \"" + o + "\" for \"-o, --output\" flag: invalid"
          + " format type");
    }
    return o;
  }

  private void status(List<String> argv) {
    Flags f = parse(globals().integer("revision", 0).string("output", 'o', "table")
        .bool("show-desc").bool("show-resources"), argv, "capstan status RELEASE_NAME [flags]", 1,
        1);
    ReleaseClient helm = client(f);
    String name = f.args().get(0);
    Release r = f.integer("revision") > 0 ? helm.get(name, f.integer("revision"))
        : helm.status(name);
    output(f);
    printRelease(r, f, Resources.section(r, KubeCluster.of(kube(f)), Instant.now()));
  }

  private void printRelease(Release r, Flags f, String resources) {
    String o = output(f);
    if (!o.equals("table")) {
      throw new CliException("-o " + o + " is not supported by this capstan for " + r.name()
          + " (see docs/cli.md)");
    }
    boolean hideNotes = f.changed("hide-notes") && f.isSet("hide-notes");
    out.print(Printers.status(r, env.zone(), !hideNotes, resources));
  }

  private void get(List<String> argv) {
    if (argv.isEmpty()) {
      throw new CliException("\"helm get\" requires a subcommand (all, hooks, manifest, notes,"
          + " values)\n\nUsage:  capstan get [command]");
    }
    String sub = argv.get(0);
    List<String> rest = argv.subList(1, argv.size());
    String use = "capstan get " + sub + " RELEASE_NAME [flags]";
    switch (sub) {
      case "values" -> {
        Flags f = parse(globals().integer("revision", 0).bool("all", 'a')
            .string("output", 'o', "table"), rest, use, 1, 1);
        ReleaseClient helm = client(f);
        String name = f.args().get(0);
        int rev = revision(helm, name, f.integer("revision"));
        Values v = helm.values(name, rev, f.isSet("all"));
        switch (output(f)) {
          case "json" -> out.println(v.toJson());
          case "yaml" -> out.print(yaml(v));
          default -> out.print((f.isSet("all") ? "COMPUTED VALUES:\n" : "USER-SUPPLIED VALUES:\n")
              + yaml(v));
        }
      }
      case "manifest" -> {
        Flags f = parse(globals().integer("revision", 0), rest, use, 1, 1);
        out.println(release(f).manifest());
      }
      case "notes" -> {
        Flags f = parse(globals().integer("revision", 0), rest, use, 1, 1);
        Release r = release(f);
        if (!r.info().notes().isEmpty()) {
          out.printf("NOTES:%n%s%n", r.info().notes());
        }
      }
      case "hooks" -> {
        Flags f = parse(globals().integer("revision", 0), rest, use, 1, 1);
        for (Hook h : release(f).hooks()) {
          out.printf("---%n# Source: %s%n%s%n", h.path(), h.manifest());
        }
      }
      case "all" -> {
        Flags f = parse(globals().integer("revision", 0).string("template", ""), rest, use, 1, 1);
        ReleaseClient helm = client(f);
        String name = f.args().get(0);
        int rev = revision(helm, name, f.integer("revision"));
        Release r = helm.get(name, rev);
        out.print(Printers.all(r, yaml(helm.values(name, rev, false)),
            yaml(helm.values(name, rev, true)), env.zone()));
      }
      default -> throw new CliException("unknown command \"" + sub + "\" for \"helm get\"");
    }
  }

  private static String yaml(Values v) {
    return v.isEmpty() ? "null\n" : v.toYaml();
  }

  private Release release(Flags f) {
    ReleaseClient helm = client(f);
    String name = f.args().get(0);
    return helm.get(name, revision(helm, name, f.integer("revision")));
  }

  private static int revision(ReleaseClient helm, String name, int asked) {
    return asked > 0 ? asked : helm.status(name).version();
  }

  private void list(List<String> argv) {
    Flags f = parse(globals().bool("all-namespaces", 'A').string("selector", 'l', "")
        .string("filter", 'f', "").bool("short", 'q').bool("no-headers")
        .string("output", 'o', "table").integer("max", 'm', 256).integer("offset", 0)
        .bool("reverse", 'r').bool("date", 'd').bool("deployed").bool("failed").bool("pending")
        .bool("superseded").bool("uninstalled").bool("uninstalling").string("time-format", ""),
        argv, "capstan list [flags]", 0, 0);
    List<ReleaseStatus> states = new ArrayList<>();
    if (f.isSet("deployed")) {
      states.add(ReleaseStatus.DEPLOYED);
    }
    if (f.isSet("failed")) {
      states.add(ReleaseStatus.FAILED);
    }
    if (f.isSet("pending")) {
      states.addAll(List.of(ReleaseStatus.PENDING_INSTALL, ReleaseStatus.PENDING_UPGRADE,
          ReleaseStatus.PENDING_ROLLBACK));
    }
    if (f.isSet("superseded")) {
      states.add(ReleaseStatus.SUPERSEDED);
    }
    if (f.isSet("uninstalled")) {
      states.add(ReleaseStatus.UNINSTALLED);
    }
    if (f.isSet("uninstalling")) {
      states.add(ReleaseStatus.UNINSTALLING);
    }
    Map<String, String> selector = new LinkedHashMap<>();
    for (String term : f.str("selector").split(",")) {
      if (term.isBlank()) {
        continue;
      }
      int eq = term.indexOf('=');
      if (eq < 0) {
        throw new CliException("unable to parse requirement: only key=value selectors are"
            + " supported by capstan: " + term);
      }
      selector.put(term.substring(0, term.startsWith("==", eq) ? eq : eq).trim(),
          term.substring(term.startsWith("==", eq) ? eq + 2 : eq + 1).trim());
    }
    List<Release> releases = client(f).list(l -> {
      if (!states.isEmpty()) {
        l.states(states.toArray(ReleaseStatus[]::new));
      }
      if (f.isSet("all-namespaces")) {
        l.allNamespaces();
      }
      selector.forEach(l::label);
      if (!f.str("filter").isEmpty()) {
        l.filter(f.str("filter"));
      }
      if (f.isSet("date")) {
        l.sort(ListOptions.Sort.DATE);
      }
      if (f.isSet("reverse")) {
        l.reverse();
      }
      l.offset(f.integer("offset")).max(f.integer("max"));
    });
    if (f.isSet("short")) {
      releases.forEach(r -> out.println(r.name()));
      return;
    }
    switch (output(f)) {
      case "json" -> out.println(Printers.listJson(releases));
      case "yaml" -> out.print(Printers.listYaml(releases));
      default -> out.print(Printers.listTable(releases, !f.isSet("no-headers")));
    }
  }

  // ---- diff, test, package

  private void diff(List<String> argv) {
    if (argv.isEmpty() || !argv.get(0).equals("upgrade")) {
      throw new CliException("capstan diff knows one subcommand: diff upgrade RELEASE CHART");
    }
    Flags f = parse(installFlags(globals()).bool("install", 'i').bool("reuse-values")
        .bool("reset-values").bool("reset-then-reuse-values").bool("force-replace")
        .alias("force", "force-replace").bool("cleanup-on-fail").bool("detailed-exitcode")
        .integer("history-max", historyMaxDefault()).integer("context", 'C', -1),
        argv.subList(1, argv.size()), "capstan diff upgrade [RELEASE] [CHART] [flags]", 2, 2);
    String name = f.args().get(0);
    Chart chart = chart(f.args().get(1));
    Values user = values(f);
    ReleaseClient helm = client(f);
    DiffOptions options = DiffOptions.defaults();
    var diff = helm.diff(name, chart, upgradeOptions(f, user), options);
    out.print(diff.againstLive().report());
    if (f.isSet("detailed-exitcode") && diff.hasChanges()) {
      throw new ExitCode(2);
    }
  }

  private void test(List<String> argv) {
    Flags f = parse(globals().duration("timeout", DEFAULT_TIMEOUT).array("filter").bool("logs")
        .bool("hide-notes"), argv, "capstan test [RELEASE] [flags]", 1, 1);
    ReleaseClient helm = client(f);
    Set<String> only = Set.copyOf(f.list("filter"));
    Release r = helm.test(f.args().get(0), f.duration("timeout"), only);
    out.print(Printers.status(r, env.zone(), !f.isSet("hide-notes")));
  }

  private void packageChart(List<String> argv) {
    Flags f = parse(globals().string("destination", 'd', ".").bool("dependency-update", 'u'),
        argv, "capstan package [CHART_PATH] [...] [flags]", 1, -1);
    for (String ref : f.args()) {
      Chart chart = chart(ref);
      Path saved = Charts.save(chart, env.resolve(f.str("destination")), Instant.now());
      out.println("Successfully packaged chart and saved it to: " + saved.toAbsolutePath());
    }
  }

  /** Ends a command with an exit code other than 0 or 1 and no message. */
  static final class ExitCode extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    ExitCode(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }
}
