package vn.ishc.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few HTTP calls the benchmark makes, with a bearer token; anything but the expected status is an error. */
final class ServiceCalls {

    private ServiceCalls() {
    }

    static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = send(http, url, token, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String post(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> response = send(http, url, token, json);
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A GET (json null) or a POST of json, whatever the answer. */
    static HttpResponse<String> send(HttpClient http, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
