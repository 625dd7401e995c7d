package dev.capstan.values;

import static dev.capstan.values.DependencyTestCharts.chart;

import dev.capstan.chart.Chart;

/**
 * Helm's "subpop" test chart tree (pkg/chart/v2/util/testdata/subpop), re-expressed as data: a
 * parent with subchart1 (subcharta, subchartb), subchart2 (subchartb, subchartc) and an alias of
 * subchart2, with tags, conditions and import-values.
 */
final class DependencySubpop {
  private DependencySubpop() {}

  private static final String SERVICE = """
      service:
        name: nginx
        type: ClusterIP
        externalPort: 80
        internalPort: 80
      """;

  static Chart parent() {
    return chart("parentchart")
        .dependencies("""
            - name: subchart1
              version: 0.1.0
              condition: subchart1.enabled
              tags: [front-end, subchart1]
              import-values:
                - {child: SC1data, parent: imported-chart1}
                - {child: SC1data, parent: overridden-chart1}
                - {child: imported-chartA, parent: imported-chartA}
                - {child: imported-chartA-B, parent: imported-chartA-B}
                - {child: overridden-chartA-B, parent: overridden-chartA-B}
                - {child: SCBexported1A, parent: .}
                - SCBexported2
                - SC1exported1
            - name: subchart2
              version: 0.1.0
              condition: subchart2.enabled
              tags: [back-end, subchart2]
            - name: subchart2
              alias: subchart2alias
              version: 0.1.0
              condition: subchart2alias.enabled
            """)
        .values("""
            imported-chart1:
              SPextra1: "helm rocks"
            overridden-chart1:
              SC1bool: false
              SC1float: 3.141592
              SC1int: 99
              SC1string: "pollywog"
              SPextra2: 42
            imported-chartA:
              SPextra3: 1.337
            overridden-chartA:
              SCAbool: true
              SCAfloat: 41.3
              SCAint: 808
              SCAstring: "jabberwocky"
              SPextra4: true
            imported-chartA-B:
              SPextra5: "k8s"
            overridden-chartA-B:
              SCAbool: true
              SCAfloat: 41.3
              SCAint: 808
              SCAstring: "jabberwocky"
              SCBbool: false
              SCBfloat: 1.99
              SCBint: 77
              SCBstring: "jango"
              SPextra6: 111
            tags:
              front-end: true
              back-end: false
            subchart2alias:
              enabled: false
            ensurenull: null
            """)
        .sub(subchart1())
        .sub(subchart2())
        .build();
  }

  private static DependencyTestCharts.ChartSpec subchart1() {
    return chart("subchart1")
        .dependencies("""
            - name: subcharta
              version: 0.1.0
              condition: subcharta.enabled
              tags: [front-end, subcharta]
              import-values:
                - {child: SCAdata, parent: imported-chartA}
                - {child: SCAdata, parent: overridden-chartA}
                - {child: SCAdata, parent: imported-chartA-B}
            - name: subchartb
              version: 0.1.0
              condition: subchartb.enabled
              tags: [front-end, subchartb]
              import-values:
                - {child: SCBdata, parent: imported-chartB}
                - {child: SCBdata, parent: imported-chartA-B}
                - {child: exports.SCBexported2, parent: exports.SCBexported2}
                - SCBexported1
            """)
        .values(SERVICE + """
            SC1data:
              SC1bool: true
              SC1float: 3.14
              SC1int: 100
              SC1string: "dollywood"
              SC1extra1: 11
            imported-chartA:
              SC1extra2: 1.337
            overridden-chartA:
              SCAbool: true
              SCAfloat: 3.14
              SCAint: 100
              SCAstring: "jabbathehut"
              SC1extra3: true
            imported-chartA-B:
              SC1extra5: "tiller"
            overridden-chartA-B:
              SCAbool: true
              SCAfloat: 3.33
              SCAint: 555
              SCAstring: "wormwood"
              SCAextra1: 23
              SCBbool: true
              SCBfloat: 0.25
              SCBint: 98
              SCBstring: "murkwood"
              SCBextra1: 13
              SC1extra6: 77
            SCBexported1A:
              SC1extra7: true
            exports:
              SC1exported1:
                global:
                  SC1exported2:
                    all:
                      SC1exported3: "SC1expstr"
            """)
        .sub(chart("subcharta").values(SERVICE + """
            SCAdata:
              SCAbool: false
              SCAfloat: 3.1
              SCAint: 55
              SCAstring: "jabba"
              SCAnested1:
                SCAnested2: true
            """))
        .sub(chart("subchartb").values(SERVICE + """
            SCBdata:
              SCBbool: true
              SCBfloat: 7.77
              SCBint: 33
              SCBstring: "boba"
            exports:
              SCBexported1:
                SCBexported1A:
                  SCBexported1B: 1965
              SCBexported2:
                SCBexported2A: "blaster"
            global:
              kolla:
                nova:
                  api:
                    all:
                      port: 8774
            """));
  }

  private static DependencyTestCharts.ChartSpec subchart2() {
    return chart("subchart2")
        .dependencies("""
            - name: subchartb
              version: 0.1.0
              condition: subchartb.enabled
              tags: [back-end, subchartb]
            - name: subchartc
              version: 0.1.0
              condition: subchartc.enabled
              tags: [back-end, subchartc]
            """)
        .values("replicaCount: 1\n" + SERVICE)
        .sub(chart("subchartb").values("replicaCount: 1\n" + SERVICE))
        .sub(chart("subchartc").values("replicaCount: 1\n" + SERVICE));
  }
}
