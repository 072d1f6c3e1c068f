package dev.rankforge.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param errors the offending request fields and why each was refused (empty when no field is to blame)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One refused field: a dotted path into the request body or a parameter name. */
    public record FieldError(String field, String reason) {
    }
}
