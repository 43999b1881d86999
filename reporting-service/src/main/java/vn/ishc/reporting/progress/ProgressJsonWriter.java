package vn.ishc.reporting.progress;

import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes a progress document as JSON from {@link DocumentJson}: in a response, and in each event of the live stream. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ProgressJsonWriter implements ServerMessageBodyWriter<ProgressDocument> {

    @Inject
    DocumentJson json;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == ProgressDocument.class;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ProgressDocument.class;
    }

    @Override
    public void writeResponse(ProgressDocument document, Type genericType, ServerRequestContext context) {
        if (context.serverResponse().getResponseHeader(HttpHeaders.CONTENT_TYPE) == null) {
            context.serverResponse().setResponseHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        context.serverResponse().end(json.of(document));
    }

    @Override
    public void writeTo(ProgressDocument document, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(json.of(document));
    }
}
