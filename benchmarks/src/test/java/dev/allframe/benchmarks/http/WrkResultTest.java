package dev.allframe.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** wrk's output as the HTTP benchmark reads it, from two runs on the sample (Debian's wrk 4.1.0). */
class WrkResultTest {

    private static final String CONSISTENT = """
            Running 20s test @ http://127.0.0.1:9080
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.68ms    1.50ms  24.23ms   86.60%
                Req/Sec     1.55k   210.11     2.01k    70.25%
              Latency Distribution
                 50%    2.31ms
                 75%    3.02ms
                 90%    4.06ms
                 99%    9.21ms
              61902 requests in 20.02s, 10.41MB read
            Requests/sec:   3091.68
            Transfer/sec:    532.37KB
            """;

    /** wrk's mean latency times its requests: 5,746 s on 8 connections in 20 s. */
    private static final String INCONSISTENT = """
            Running 20s test @ http://127.0.0.1:9080
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   137.66ms  340.64ms   1.52s    87.72%
                Req/Sec     1.31k   287.44     1.83k    78.16%
              Latency Distribution
                 50%    3.00ms
                 75%    4.82ms
                 90%  668.05ms
                 99%    1.41s\s
              41741 requests in 20.05s, 7.42MB read
              Non-2xx or 3xx responses: 2
            Requests/sec:   2082.23
            Transfer/sec:    378.98KB
            """;

    @Test
    void readsRatePercentilesMeanRequestsConnectionsAndTime() {
        WrkResult result = WrkResult.parse(INCONSISTENT);

        assertThat(result.requestsPerSecond()).isEqualTo(2082.23);
        assertThat(result.p50()).isEqualTo(3.0);
        assertThat(result.p90()).isEqualTo(668.05);
        assertThat(result.p99()).isEqualTo(1410.0);
        assertThat(result.mean()).isEqualTo(137.66);
        assertThat(result.requests()).isEqualTo(41741);
        assertThat(result.errors()).isEqualTo(2);
        assertThat(result.connections()).isEqualTo(8);
        assertThat(result.seconds()).isEqualTo(20.05);
    }

    @Test
    void latenciesThatAddUpToMoreThanTheConnectionsHadAreInconsistent() {
        assertThat(WrkResult.parse(CONSISTENT).latencyConsistent()).isTrue();
        assertThat(WrkResult.parse(INCONSISTENT).latencyConsistent()).isFalse();
    }
}
