package vn.ishc.reporting.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of the progress documents {@link ProgressCache} holds, written once per document instead
 * of once per reader: dashboards read the same document many times between two changes, and writing
 * it was a fifth of reporting's work while 32 clients read. The cache has a document written when it
 * keeps it, on the thread that computed it, so that a reader on the event loop never writes one. A
 * document the cache does not hold is written each time and not kept, so this holds at most what the cache holds.
 */
@ApplicationScoped
public class DocumentJson {

    @Inject
    ObjectMapper mapper;

    /** A document by identity: records compare by value, which would walk every figure. */
    private record Held(ProgressDocument document) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Held held && held.document == document;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(document);
        }
    }

    private final Map<Held, byte[]> written = new ConcurrentHashMap<>();

    DocumentJson() {
    }

    DocumentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The document's JSON, as the API's JSON writer would write it: the kept one, or written now. */
    public byte[] of(ProgressDocument document) {
        byte[] json = written.get(new Held(document));
        return json != null ? json : write(document);
    }

    /** Whether the document's JSON is kept (for tests). */
    boolean kept(ProgressDocument document) {
        return written.containsKey(new Held(document));
    }

    /** Writes the JSON of a document the cache now holds, and keeps it until the document is released. */
    void keep(ProgressDocument document) {
        written.put(new Held(document), write(document));
    }

    void released(ProgressDocument document) {
        written.remove(new Held(document));
    }

    void releasedAll() {
        written.clear();
    }

    private byte[] write(ProgressDocument document) {
        try {
            return mapper.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
