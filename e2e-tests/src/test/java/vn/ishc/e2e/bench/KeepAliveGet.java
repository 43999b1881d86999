package vn.ishc.e2e.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * A GET on one of the JDK's kept connections ({@link HttpURLConnection}): the body is read to the
 * end, so that the connection is kept for the thread's next request. The lightest blocking client
 * measured on this machine: a reader or watcher that takes less CPU leaves more of the two cores to
 * the services it measures.
 */
final class KeepAliveGet {

    static {
        // The JDK keeps at most 5 idle connections per server unless told otherwise (the 32 readers'
        // others would be closed and opened again at each request); it reads this once, when it first
        // keeps a connection, so it is set here, before any request of the benchmark's goes through the JDK.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "256");
        }
    }

    private KeepAliveGet() {
    }

    /** The body of a GET that must answer 200. */
    static byte[] body(URL url, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        int status = connection.getResponseCode();
        if (status != 200) {
            connection.disconnect();
            throw new IllegalStateException(url + " answered " + status);
        }
        try (InputStream in = connection.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
            in.transferTo(body);
            return body.toByteArray();
        }
    }
}
