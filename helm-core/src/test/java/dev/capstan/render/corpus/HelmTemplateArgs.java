package dev.capstan.render.corpus;

import dev.capstan.render.Capabilities;
import dev.capstan.values.ValueSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of one {@code helm template} command line, as the corpus index records them
 * ({@code demo charts/podinfo --namespace demo -f ... --set ...}), turned into Capstan's inputs.
 *
 * @param release the release name
 * @param chart the chart path, relative to {@code shared/}
 * @param namespace the release namespace
 * @param kubeVersion {@code --kube-version}, or {@code null}
 * @param apiVersions {@code --api-versions}, in order
 * @param includeCrds {@code --include-crds}
 * @param skipTests {@code --skip-tests}
 * @param skipSchemaValidation {@code --skip-schema-validation}
 * @param showOnly {@code --show-only} patterns
 * @param values the value flags in order, each {flag, argument}
 */
record HelmTemplateArgs(String release, String chart, String namespace, String kubeVersion,
    List<String> apiVersions, boolean includeCrds, boolean skipTests,
    boolean skipSchemaValidation, List<String> showOnly, List<String[]> values) {

  /** Parses {@code args} (the words after {@code helm template}); unknown flags are refused. */
  static HelmTemplateArgs parse(List<String> args) {
    List<String> positional = new ArrayList<>();
    String namespace = "default";
    String kube = null;
    List<String> apis = new ArrayList<>();
    List<String> showOnly = new ArrayList<>();
    List<String[]> values = new ArrayList<>();
    boolean crds = false;
    boolean skipTests = false;
    boolean skipSchema = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String flag = a;
      String inline = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        flag = a.substring(0, eq);
        inline = a.substring(eq + 1);
      }
      switch (flag) {
        case "--include-crds" -> crds = true;
        case "--skip-tests" -> skipTests = true;
        case "--skip-schema-validation" -> skipSchema = true;
        case "--namespace", "-n" -> namespace = inline != null ? inline : args.get(++i);
        case "--kube-version" -> kube = inline != null ? inline : args.get(++i);
        case "--api-versions", "-a" -> apis.add(inline != null ? inline : args.get(++i));
        case "--show-only", "-s" -> showOnly.add(inline != null ? inline : args.get(++i));
        case "-f", "--values", "--set", "--set-string", "--set-file", "--set-json",
            "--set-literal" -> values.add(new String[] {flag, inline != null ? inline : args.get(++i)});
        default -> {
          if (a.startsWith("-")) {
            throw new IllegalArgumentException("corpus argument not supported: " + a + " in " + args);
          }
          positional.add(a);
        }
      }
    }
    if (positional.size() != 2) {
      throw new IllegalArgumentException("expected <release> <chart> in " + args);
    }
    return new HelmTemplateArgs(positional.get(0), positional.get(1), namespace, kube,
        List.copyOf(apis), crds, skipTests, skipSchema, List.copyOf(showOnly), List.copyOf(values));
  }

  /** The capabilities {@code helm template} would use with these flags. */
  Capabilities capabilities() {
    Capabilities c = Capabilities.defaults();
    if (kubeVersion != null) {
      c = c.withKubeVersion(kubeVersion);
    }
    return apiVersions.isEmpty() ? c : c.withExtraApiVersions(apiVersions);
  }

  /** The value flags as Capstan's sources, relative paths resolved against {@code base}. */
  ValueSources valueSources(Path base) {
    ValueSources.Builder b = ValueSources.builder().baseDirectory(base);
    for (String[] v : values) {
      switch (v[0]) {
        case "-f", "--values" -> b.valuesFile(base.resolve(v[1]));
        case "--set" -> b.set(v[1]);
        case "--set-string" -> b.setString(v[1]);
        case "--set-file" -> b.setFile(v[1]);
        case "--set-json" -> b.setJson(v[1]);
        case "--set-literal" -> b.setLiteral(v[1]);
        default -> throw new IllegalStateException(v[0]);
      }
    }
    return b.build();
  }
}
