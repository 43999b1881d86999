package vn.ishc.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.ishc.kit.json.RejectedValueException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem+json response. Nothing internal (stack traces,
 * class names, SQL) reaches the client; unexpected failures are logged with an id the client sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        List<FieldError> errors = e.fieldErrors().isEmpty() ? null : e.fieldErrors().stream()
                .map(f -> new FieldError(f.field(), Messages.text(locale, f.messageKey(), f.args())))
                .toList();
        return respond(e.status(), e.typeSlug(), Messages.text(locale, e.detailKey(), e.detailArgs()), errors, locale, uri);
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(400, "validation", Messages.text(locale, "problem.validation.detail"), errors, locale, uri);
    }

    /** Unknown enum values, each named, with every other invalid field of the same body (not the "required" of a field the enum left empty). */
    @ServerExceptionMapper
    public Response invalidEnums(vn.ishc.kit.json.InvalidEnumValues e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        java.util.Set<String> named = e.enums().stream().map(vn.ishc.kit.json.EnumProblems.Problem::field).collect(Collectors.toSet());
        java.util.stream.Stream<FieldError> enums = e.enums().stream()
                .map(p -> new FieldError(p.field(), Messages.text(locale, "problem.json.enum", p.allowed())));
        java.util.stream.Stream<FieldError> others = e.others().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage())).filter(f -> !named.contains(f.field()));
        List<FieldError> errors = java.util.stream.Stream.concat(enums, others).sorted(Comparator.comparing(FieldError::field)).toList();
        return respond(400, "validation", Messages.text(locale, "problem.validation.detail"), errors, locale, uri);
    }

    /** Malformed JSON, a wrong type, an unknown enum value, a number too large for its field. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        List<FieldError> errors = null;
        String detail = Messages.text(locale, "problem.json.malformed");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = Messages.text(locale, e instanceof RejectedValueException rejected ? rejected.messageKey() : "problem.json.wrongType");
            if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
                String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
                message = Messages.text(locale, "problem.json.enum", allowed);
            }
            errors = List.of(new FieldError(field, message));
            detail = Messages.text(locale, "problem.validation.detail");
        }
        return respond(400, errors == null ? "malformed-json" : "validation", detail, errors, locale, uri);
    }

    /** Jackson's own mapper for this subtype would answer plain JSON; keep problem+json. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadableJson(e, headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        Response response = respond(401, "unauthenticated", Messages.text(locale, "problem.401"), null, locale, uri);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        return respond(403, "forbidden", Messages.text(locale, "problem.403"), null, locale, uri);
    }

    /** 404, 405, 406, 412, 415 and the other HTTP-level refusals raised by the REST layer. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, headers, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        Response response = respond(status, "http-" + status, Messages.text(locale, "problem." + status), null, locale, uri);
        if (status != 405) {
            return response;
        }
        // RESTEasy's Allow names every method of the resource class; name those of this path only.
        String allow = io.quarkus.arc.Arc.container().instance(vn.ishc.kit.rest.AllowedMethods.class).get()
                .allowHeader(uri.getPath()).orElse(e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        java.util.Optional<Response> fromDatabase = DatabaseRefusals.answer(e, headers, uri);
        if (fromDatabase.isPresent()) {
            return fromDatabase.get();
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        Locale locale = Messages.localeOf(headers);
        return respond(500, "internal", Messages.text(locale, "problem.500", incident), null, locale, uri);
    }

    static Response respond(int status, String typeSlug, String detail, List<FieldError> errors, Locale locale, UriInfo uri) {
        Problem body = new Problem("urn:ishc:problem:" + typeSlug, Messages.text(locale, "problem.title." + status), status,
                detail, uri == null ? null : uri.getRequestUri().getRawPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage()).build();
    }

    /** The field as a client addresses it in its body: {@code name}, {@code districts[0].code}, or {@code body}. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            jakarta.validation.ElementKind kind = node.getKind();
            if (kind != jakarta.validation.ElementKind.PROPERTY && kind != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() == null ? node.getKey() : node.getIndex()).append(']');
            }
            if (kind == jakarta.validation.ElementKind.PROPERTY) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
