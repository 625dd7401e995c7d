package dev.capstan.internal.template;

import dev.capstan.internal.gofmt.GoFmt;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Go struct seen by templates ({@code .Capabilities.KubeVersion}, {@code .Capabilities.HelmVersion}):
 * its fields by their Go names, printed as Go prints the struct (its {@code String()} method when it
 * has one, else {@code {field1 field2 ...}}).
 */
public final class VersionObject extends AbstractMap<String, Object> implements GoFmt.Stringer {
  private final Map<String, Object> fields;
  private final String printed;

  private VersionObject(Map<String, Object> fields, String printed) {
    this.fields = Collections.unmodifiableMap(fields);
    this.printed = printed;
  }

  /** {@code .Capabilities.KubeVersion}: Version, Major, Minor, GitVersion; prints as the version. */
  public static VersionObject kube(String version, String major, String minor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Version", version);
    m.put("Major", major);
    m.put("Minor", minor);
    m.put("GitVersion", version);
    return new VersionObject(m, version);
  }

  /** {@code .Capabilities.HelmVersion}: Version, GitCommit, GitTreeState, GoVersion. */
  public static VersionObject helm(String version, String gitCommit, String gitTreeState,
      String goVersion, String kubeClientVersion) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Version", version);
    m.put("GitCommit", gitCommit);
    m.put("GitTreeState", gitTreeState);
    m.put("GoVersion", goVersion);
    m.put("KubeClientVersion", kubeClientVersion);
    return new VersionObject(m, "{" + version + " " + gitCommit + " " + gitTreeState + " "
        + goVersion + " " + kubeClientVersion + "}");
  }

  /** Go's {@code String()} of the version: {@code .Capabilities.KubeVersion.String}. */
  public String String() {
    return printed;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return fields.entrySet();
  }

  @Override
  public Object get(Object key) {
    return fields.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return fields.containsKey(key);
  }

  @Override
  public String goString() {
    return printed;
  }

  /** What Go prints for this struct. */
  @Override
  public String toString() {
    return printed;
  }
}
