package vn.ishc.reporting.survey;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.security.Roles;

import java.util.UUID;

/** One visit record: read it, correct it. */
@Path("/api/v1/survey-visits/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey rounds")
public class SurveyVisitResource {

    @Inject
    SurveyService surveys;

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Read a visit record")
    @APIResponse(responseCode = "200", description = "The visit", content = @Content(schema = @Schema(implementation = SurveyVisitView.class)))
    public Response get(@PathParam("id") UUID id) {
        SurveyVisit visit = surveys.visit(id);
        return Response.ok(SurveyVisitView.of(visit)).tag(new EntityTag(Long.toString(visit.version))).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Correct a visit record (the district and commune stay)",
            description = "Send the ETag you read in If-Match: 412 if the record changed since, 428 without it.")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = SurveyVisitView.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull(message = "{field.required}") VisitDetails details) {
        SurveyVisit visit = surveys.replace(id, ifMatch, details);
        return Response.ok(SurveyVisitView.of(visit)).tag(new EntityTag(Long.toString(visit.version))).build();
    }
}
