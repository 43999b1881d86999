package vn.ishc.e2e.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The concurrent readers on one Vert.x event loop: each reader sends its next request when the
 * answer to the last has been read, on a keep-alive connection of its own (a pool of as many
 * connections as readers). One thread and no blocking: of the clients measured, the one that leaves
 * the most of the two cores to the service (docs/benchmarks.md, "Thirty-two readers").
 */
final class EventLoopReaders {

    private EventLoopReaders() {
    }

    static ConcurrentReaders.Result measure(String url, String token, int clients, int requestsPerClient, long servicePid) throws Exception {
        URI target = URI.create(url);
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        try {
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(target.getHost()).setDefaultPort(target.getPort())
                    .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(clients));
            return ConcurrentReaders.measure("Vert.x, one event loop", clients, requestsPerClient, servicePid,
                    (readers, requests) -> pass(http, path, token, readers, requests));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Long> pass(HttpClient http, String path, String token, int clients, int requestsPerClient) throws Exception {
        List<CompletableFuture<long[]>> readers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            CompletableFuture<long[]> done = new CompletableFuture<>();
            read(http, path, token, new long[requestsPerClient], 0, done);
            readers.add(done);
        }
        List<Long> all = new ArrayList<>(clients * requestsPerClient);
        for (CompletableFuture<long[]> reader : readers) {
            for (long micros : reader.get(10, TimeUnit.MINUTES)) {
                all.add(micros);
            }
        }
        Collections.sort(all);
        return all;
    }

    /** Request {@code i} of one reader, then the next from its answer's handler. */
    private static void read(HttpClient http, String path, String token, long[] micros, int i, CompletableFuture<long[]> done) {
        if (i == micros.length) {
            done.complete(micros);
            return;
        }
        long begin = System.nanoTime();
        http.request(HttpMethod.GET, path)
                .compose(request -> request.putHeader("Authorization", "Bearer " + token).send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    return response.body();
                })
                .onSuccess(body -> {
                    micros[i] = (System.nanoTime() - begin) / 1000;
                    read(http, path, token, micros, i + 1, done);
                })
                .onFailure(done::completeExceptionally);
    }
}
