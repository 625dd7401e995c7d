package dev.capstan.chart;

/**
 * A maintainer listed in {@code Chart.yaml}; any field may be {@code null}.
 *
 * @param name the maintainer's name
 * @param email the maintainer's e-mail address
 * @param url the maintainer's URL
 */
public record Maintainer(String name, String email, String url) {}
