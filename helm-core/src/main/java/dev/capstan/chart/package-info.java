/**
 * Helm charts: the {@link dev.capstan.chart.Chart} model, loading from directories and archives
 * ({@link dev.capstan.chart.Charts#load(java.nio.file.Path)}), {@code .helmignore}, packaging
 * ({@link dev.capstan.chart.Charts#save}) and safe unpacking
 * ({@link dev.capstan.chart.ChartArchives#unpack}), all with Helm 4's rules and error texts.
 */
package dev.capstan.chart;
