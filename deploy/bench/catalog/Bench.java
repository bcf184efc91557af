import io.polystore.catalog.compatibility.CompatibilityRepository;
import io.polystore.catalog.packages.PackageBuilder;
import io.polystore.catalog.product.ProductFilter;
import io.polystore.catalog.product.ProductRepository;
import io.polystore.catalog.product.ProductType;
import io.polystore.catalog.search.SearchQuery;
import io.polystore.catalog.search.SearchRepository;
import io.polystore.rest.identity.IdentityKeys;
import io.polystore.rest.identity.IdentitySigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;

/**
 * deploy/bench/catalog's client (run by ./run, not by hand): times the four query shapes of catalog-service over HTTP,
 * with one connection and with CONNECTIONS concurrent ones, and PROFILEs the service's own Cypher for each shape on
 * the same Neo4j. Identity tokens are signed as the gateway signs them, with the bench's own key pair.
 *
 * usage: Bench BASE_URL PRIVATE_KEY_PEM NEO4J_URI PRODUCTS REQUESTS CONNECTIONS
 */
public class Bench {

    private static final String MIG = "MIG (GMAW)";

    record Shape(String name, Supplier<HttpRequest.Builder> request) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        IdentitySigner signer = IdentitySigner.of(IdentityKeys.privateKey(Files.readString(Path.of(args[1]))),
                Duration.ofSeconds(60), Duration.ofSeconds(20), Clock.systemUTC());
        String neo4j = args[2];
        long products = Long.parseLong(args[3]);
        int requests = Integer.parseInt(args[4]);
        int connections = Integer.parseInt(args[5]);
        Random random = new Random(42);

        List<String> powerSources;
        List<String> words;
        try (Driver driver = GraphDatabase.driver(neo4j, AuthTokens.none()); Session session = driver.session()) {
            powerSources = session.run("MATCH (p:PowerSource) RETURN p.gin AS gin ORDER BY p.gin")
                    .list(r -> r.get("gin").asString());
            words = session.run("MATCH (p:Product) WITH split(p.name, ' ')[0] AS word WHERE size(word) >= 5 "
                    + "RETURN DISTINCT toLower(word) AS word ORDER BY word").list(r -> r.get("word").asString());
            List<String> typos = new ArrayList<>();
            for (String word : words) {
                typos.add(word.charAt(0) + "" + word.charAt(2) + word.charAt(1) + word.substring(3)); // two swapped
            }
            words = new ArrayList<>(words);
            words.addAll(typos);
            profile(session, powerSources.get(powerSources.size() / 2));
        }
        ThreadLocal<String> token = new ThreadLocal<>();
        AtomicInteger tokenUses = new AtomicInteger();
        Supplier<String> authorization = () -> {
            // a fresh token every 500 requests per thread: tokens live 60 s, signing each request would time the client
            if (token.get() == null || tokenUses.incrementAndGet() % 500 == 0) {
                token.set(signer.user(1, 1, "catalog").authorization());
            }
            return token.get();
        };
        List<String> finalWords = words;
        List<Shape> shapes = List.of(
                new Shape("compatible components of a power source", () -> get(base, "/api/catalog/power-sources/"
                        + pick(powerSources, random) + "/compatible", authorization)),
                new Shape("search (one word, half with a typo)", () -> get(base, "/api/catalog/search?q="
                        + URLEncoder.encode(pick(finalWords, random), StandardCharsets.UTF_8), authorization)),
                new Shape("filtered page (PowerSource, MIG, >= 400 A, 50)", () -> get(base,
                        "/api/catalog/products?type=PowerSource&process=" + URLEncoder.encode(MIG,
                                StandardCharsets.UTF_8) + "&minCurrent=400&limit=50", authorization)),
                new Shape("package builder (MIG, >= 300-550 A, 5)", () -> HttpRequest.newBuilder(
                        URI.create(base + "/api/catalog/packages"))
                        .header("Authorization", authorization.get()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"process\":\"" + MIG + "\",\"minCurrent\":"
                                + (300 + 50 * random.nextInt(6)) + "}"))));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.println();
        System.out.println("| products | query | 1 connection p50 ms | p99 ms | " + connections
                + " connections p50 ms | p99 ms | req/s | errors |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        for (Shape shape : shapes) {
            run(client, shape, Math.max(50, requests / 10), 1); // warm-up
            Result single = run(client, shape, requests, 1);
            Result loaded = run(client, shape, requests * 2, connections);
            System.out.printf(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.1f | %.1f | %.0f | %d |%n", products,
                    shape.name(), single.p50(), single.p99(), loaded.p50(), loaded.p99(), loaded.perSecond(),
                    single.errors() + loaded.errors());
        }
    }

    record Result(double p50, double p99, double perSecond, int errors) {
    }

    static Result run(HttpClient client, Shape shape, int requests, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger left = new AtomicInteger(requests);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    HttpRequest request;
                    synchronized (shape) {
                        request = shape.request().get().build();
                    }
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    millis.add((System.nanoTime() - t) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Result(percentile(sorted, 0.50), percentile(sorted, 0.99), requests / seconds, errors.get());
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static HttpRequest.Builder get(String base, String path, Supplier<String> authorization) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization.get()).GET();
    }

    static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** PROFILE of the service's own query for each shape: the operators that touch an index, and the db hits. */
    static void profile(Session session, String powerSource) {
        Map<String, Object> list = new HashMap<>();
        String listQuery = ProductRepository.listQuery(new ProductFilter(ProductType.POWER_SOURCE, MIG, 400, null,
                null), null, 51, list);
        Map<String, Object> packages = Map.of("process", MIG, "minCurrent", 400, "limit", 5,
                "cooling", org.neo4j.driver.Values.NULL);
        Map<String, Map.Entry<String, Map<String, Object>>> queries = new java.util.LinkedHashMap<>();
        queries.put("compatible components", Map.entry(CompatibilityRepository.componentsQuery(null),
                Map.of("gin", powerSource)));
        queries.put("search 'arsito'", Map.entry(SearchRepository.query(null),
                Map.of("query", SearchQuery.lucene("arsito"), "limit", 20)));
        queries.put("filtered page", Map.entry(listQuery, list));
        queries.put("package builder", Map.entry(PackageBuilder.COMPLETE, packages));
        System.out.println();
        System.out.println("| query | index use (PROFILE operators) | db hits | rows |");
        System.out.println("|---|---|---:|---:|");
        queries.forEach((name, query) -> {
            ProfiledPlan plan = session.run("PROFILE " + query.getKey(), query.getValue()).consume().profile();
            List<String> operators = new ArrayList<>();
            long[] hits = {0};
            walk(plan, operators, hits);
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d |%n", name, String.join("; ", operators), hits[0],
                    plan.records());
        });
    }

    static void walk(ProfiledPlan plan, List<String> operators, long[] hits) {
        hits[0] += plan.dbHits();
        String details = plan.arguments().containsKey("Details") ? plan.arguments().get("Details").asString() : "";
        String type = plan.operatorType().replaceAll("@.*", "");
        if (type.contains("Index") || type.contains("Expand") || type.contains("ProcedureCall")
                || type.contains("Count")) {
            operators.add(type + (details.isEmpty() ? "" : " `" + details.replace("|", "\\|").replace("`", "'")
                    .substring(0, Math.min(90, details.length())) + "`"));
        }
        plan.children().forEach(child -> walk(child, operators, hits));
    }
}
