package org.sangdam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drives one benchmark run against a started server with the bench EAR deployed: per
 * topology (services x agents), seed and CTI-log-in the agents, run a warm-up burst,
 * then the measured burst, and print the figures the bench WAR reads from the
 * product's call audit trail. Options are system properties (see bench/README.md).
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String label;

    private Bench(String base, String label) {
        this.base = base + "/sangdam-bench/bench";
        this.label = label;
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.url", "http://127.0.0.1:8580");
        String label = System.getProperty("bench.label", "h2");
        List<int[]> topologies = new ArrayList<>();
        for (String t : System.getProperty("bench.topologies", "10x100").split(",")) {
            String[] p = t.strip().split("x");
            topologies.add(new int[]{Integer.parseInt(p[0]), Integer.parseInt(p[1])});
        }
        int calls = Integer.getInteger("bench.calls", 10_000);
        int warmup = Integer.getInteger("bench.warmup", 1_000);
        Map<String, Object> burst = new LinkedHashMap<>();
        burst.put("arrivalThreads", Integer.getInteger("bench.arrivalThreads", 8));
        burst.put("rate", Double.parseDouble(System.getProperty("bench.rate", "0")));
        burst.put("agentThreads", Integer.getInteger("bench.agentThreads", 16));
        burst.put("oneTransaction", Boolean.getBoolean("bench.oneTransaction"));
        int recall = Integer.getInteger("bench.recallSeconds", 15);
        String out = System.getProperty("bench.out");

        int routingOnly = Integer.getInteger("bench.routingOnlyCalls", -1);
        int pacedCalls = Integer.getInteger("bench.pacedCalls", 1_000);
        double pacedRate = Double.parseDouble(System.getProperty("bench.pacedRate", "20"));

        Bench bench = new Bench(url, label);
        for (int[] t : topologies) {
            JsonNode seed = bench.post("/seeds?services=" + t[0] + "&agentsPerService=" + t[1] + "&recallSeconds=" + recall, null);
            int agents = seed.path("loggedIn").asInt();
            System.out.printf(Locale.ROOT, "[%s] seeded %d service(s) x %d agents, %d CTI-logged-in and Ready (%.1f s, set-up)%n",
                    label, t[0], t[1], agents, seed.path("seconds").asDouble());
            String seedId = seed.path("seedId").asText();
            String topology = t[0] + " x " + t[1];
            if (warmup > 0) {
                bench.report("warm-up, not counted", topology, warmup, burst, bench.burst(seedId, warmup, burst), null);
            }
            bench.report("burst", topology, calls, burst, bench.burst(seedId, calls, burst), out);
            int idle = routingOnly < 0 ? agents : routingOnly;
            if (idle > 0) {
                Map<String, Object> ringOnly = new LinkedHashMap<>(burst);
                ringOnly.put("answer", false);
                bench.report("routing only (no agent work)", topology, idle, ringOnly, bench.burst(seedId, idle, ringOnly), out);
            }
            if (pacedCalls > 0) {
                Map<String, Object> paced = new LinkedHashMap<>(burst);
                paced.put("rate", pacedRate);
                bench.report(String.format(Locale.ROOT, "paced %.0f calls/s", pacedRate), topology, pacedCalls, paced,
                        bench.burst(seedId, pacedCalls, paced), out);
            }
        }
    }

    private void report(String run, String topology, int calls, Map<String, Object> spec, JsonNode f, String out) throws IOException {
        System.out.printf(Locale.ROOT, "[%s]   %s, %s, %,d calls: %s%n", label, run, topology, calls, line(f));
        if (out != null) {
            Files.writeString(Path.of(out), row(label, run, topology, calls, spec, f) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private JsonNode burst(String seedId, int calls, Map<String, Object> spec) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(spec);
        body.put("seedId", seedId);
        body.put("calls", calls);
        long addedBefore = get("/routing-queue").path("added").asLong();
        String id = post("/bursts", body).path("burstId").asText();
        long[] maxDepth = {0};
        JsonNode p = await(id, maxDepth);
        JsonNode f = get("/bursts/" + id + "/figures");
        ObjectNode figures = (ObjectNode) f;
        figures.set("progress", p);
        if (Boolean.FALSE.equals(spec.get("answer"))) {
            // the ringing phones answer now, so the agents are Ready for what comes next
            post("/bursts/" + id + "/release", null);
            await(id, maxDepth);
        }
        // before the next run: every routing request and recall of this one has been consumed
        long settleStart = System.nanoTime();
        JsonNode q = settle(seedId, maxDepth);
        figures.put("maxQueueDepth", maxDepth[0]);
        figures.put("settleSeconds", (System.nanoTime() - settleStart) / 1e9);
        figures.put("routingMessagesPerCall", (q.path("added").asLong() - addedBefore) / (double) calls);
        return f;
    }

    /** waits until every routing request and recall has been consumed and every agent is Ready again */
    private JsonNode settle(String seedId, long[] maxDepth) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 20)).toNanos();
        while (true) {
            JsonNode q = get("/routing-queue");
            maxDepth[0] = Math.max(maxDepth[0], q.path("messages").asLong() - q.path("scheduled").asLong());
            JsonNode r = get("/seeds/" + seedId + "/readiness");
            if (q.path("messages").asLong() == 0 && r.path("ready").asLong() == r.path("agents").asLong()) {
                return q;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("did not settle: routing queue " + q + ", agents " + r);
            }
            Thread.sleep(500);
        }
    }

    private JsonNode await(String id, long[] maxDepth) throws Exception {
        JsonNode p;
        long deadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 20)).toNanos();
        do {
            Thread.sleep(250);
            p = get("/bursts/" + id);
            JsonNode q = get("/routing-queue");
            maxDepth[0] = Math.max(maxDepth[0], q.path("messages").asLong() - q.path("scheduled").asLong());
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("burst did not finish: " + p);
            }
        } while (!p.path("done").asBoolean());
        if (p.path("arrivalFailures").asInt() > 0 || p.path("agentFailures").asInt() > 0) {
            System.out.println("    (" + p.path("agentFailures").asInt() + " agent actions refused, "
                    + p.path("arrivalFailures").asInt() + " arrivals refused; first: " + p.path("firstError").asText() + ")");
        }
        return p;
    }

    static String line(JsonNode f) {
        JsonNode o = f.path("queuedToOffer");
        JsonNode r = f.path("queuedToRing");
        return String.format(Locale.ROOT,
                "%,.0f offers/s (%,d offered in %.2f s; arrivals %,.0f/s); queued->offer p50 %.1f p95 %.1f p99 %.1f max %.1f ms;"
                        + " queued->ring p50 %.1f p99 %.1f ms; %,d routing runs (%.1f offers each), %d re-offered;"
                        + " routing queue: %.1f messages per call, up to %,d waiting, drained %.0f s after",
                f.path("offersPerSecond").asDouble(), f.path("offered").asInt(), f.path("seconds").asDouble(),
                f.path("arrivalsPerSecond").asDouble(),
                o.path("p50").asDouble(), o.path("p95").asDouble(), o.path("p99").asDouble(), o.path("max").asDouble(),
                r.path("p50").asDouble(), r.path("p99").asDouble(),
                f.path("routingBatches").asInt(), f.path("callsPerBatch").asDouble(), f.path("reoffered").asInt(),
                f.path("routingMessagesPerCall").asDouble(), f.path("maxQueueDepth").asLong(), f.path("settleSeconds").asDouble());
    }

    static String row(String label, String run, String topology, int calls, Map<String, Object> spec, JsonNode f) {
        JsonNode o = f.path("queuedToOffer");
        JsonNode r = f.path("queuedToRing");
        String agentWork = Boolean.FALSE.equals(spec.get("answer")) ? "none"
                : Boolean.TRUE.equals(spec.get("oneTransaction")) ? "1 tx" : "3 tx";
        return String.format(Locale.ROOT, "| %s | %s | %s | %,d | %s | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %,d |",
                label, run, topology, calls, agentWork,
                f.path("offersPerSecond").asDouble(), f.path("arrivalsPerSecond").asDouble(),
                o.path("p50").asDouble(), o.path("p95").asDouble(), o.path("p99").asDouble(), o.path("max").asDouble(),
                r.path("p50").asDouble(), r.path("p99").asDouble(), f.path("callsPerBatch").asDouble(), f.path("reoffered").asInt(),
                f.path("maxQueueDepth").asLong());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        String json = body == null ? "{}" : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
