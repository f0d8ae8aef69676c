package dev.allframe.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sets the accounts up before the workloads run: the same requests for the sample and the baseline. */
final class BankClient {

    static final String HOT = "HOT";
    static final int HOT_EVENTS = 1_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    BankClient(URI base) {
        this.base = base;
    }

    /** Opens {@code A-0} to {@code A-15}, each with a million, and {@code HOT} with 999 deposits after its opening. */
    void setUp() throws IOException, InterruptedException {
        for (int i = 0; i < HttpWorkload.ACCOUNTS; i++) {
            open("A-" + i);
            deposit("A-" + i, "1000000.00");
        }
        open(HOT);
        for (int i = 1; i < HOT_EVENTS; i++) {
            deposit(HOT, "1.00");
        }
    }

    private void open(String id) throws IOException, InterruptedException {
        send("/bank/accounts", "{\"id\": \"" + id + "\", \"owner\": \"benchmark\"}", 201);
    }

    private void deposit(String id, String amount) throws IOException, InterruptedException {
        send("/bank/accounts/" + id + "/deposits", "{\"amount\": " + amount + "}", 200);
    }

    private void send(String path, String json, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " " + json + " answered " + response.statusCode() + ", not "
                    + expected + ": " + response.body());
        }
    }
}
