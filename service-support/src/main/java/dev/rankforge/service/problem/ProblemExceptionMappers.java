package dev.rankforge.service.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into {@code application/problem+json}: bad JSON and failed validation name the field
 * and the reason (400), HTTP exceptions keep their status, and anything unexpected is logged once with
 * context and answered 500 without internals.
 */
public class ProblemExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        if (e instanceof LimitExceededException) {
            return respond(429, "Limit exceeded", e.getMessage(), uri, e.errors());
        }
        return respond(400, "Invalid request", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; "));
        return respond(400, "Invalid request", detail, uri, errors);
    }

    // Listed explicitly: Quarkus ships mappers for these subtypes that would otherwise answer plain JSON.
    @ServerExceptionMapper(priority = 1, value = {JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String reason = e instanceof JsonParseException ? "is not valid JSON" : "has the wrong type or shape";
        return respond(400, "Malformed request body", field + " " + reason + ": " + e.getOriginalMessage(), uri,
                List.of(new Problem.FieldError(field, reason)));
    }

    // Security checks of @RolesAllowed raise these; without their own mappers the catch-all below would answer 500.
    @ServerExceptionMapper(priority = 1, value = {io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "Unauthorized", "this operation needs an API key in the "
                + dev.rankforge.service.auth.ApiKeyAuthentication.HEADER + " header (or a bearer token from the fleet's identity provider)", uri, null))
                .header("WWW-Authenticate", dev.rankforge.service.auth.ApiKeyAuthentication.CHALLENGE).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", e.getMessage() == null || e.getMessage().isBlank()
                ? "the caller's roles do not allow this operation" : e.getMessage(), uri, null);
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", uri.getPath());
        }
        Response problem = respond(status, Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error", e.getMessage(), uri, null);
        // Headers that tell the client what to do next survive the rewrite into problem+json.
        Response.ResponseBuilder out = Response.fromResponse(problem);
        for (String header : List.of("Retry-After", "WWW-Authenticate")) {
            String value = e.getResponse().getHeaderString(header);
            if (value != null) {
                out.header(header, value);
            }
        }
        return out.build();
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "request %s failed unexpectedly", uri.getPath());
        return respond(500, "Internal error", "the request failed; see the service log", uri, null);
    }

    static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request field of a violation: its path without the method and parameter prefix. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        // Container elements come as "roles[0].<list element>": the index already names the element.
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[a-z ]+ element>", "");
        String[] parts = path.split("\\.");
        // Resource method parameters come as "method.argN.field"; keep what follows the parameter.
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
