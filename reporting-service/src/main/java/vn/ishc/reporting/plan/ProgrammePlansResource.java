package vn.ishc.reporting.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;
import vn.ishc.reporting.programme.Programmes;

import java.util.List;

/** A programme's district plans: list the revisions, start a new one, and see whether the approved ones add up. */
@Path("/api/v1/programmes/{code}/district-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "District plans")
public class ProgrammePlansResource {

    @Inject
    Programmes programmes;

    @Inject
    DistrictPlans plans;

    @Inject
    PlanService service;

    @Inject
    PlanCoverageService coverage;

    @GET
    @Transactional
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "List the revisions of the programme's district plans",
            description = "By district, oldest revision first. Viewers and officers of other districts see approved and superseded revisions only.")
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(schema = @Schema(implementation = DistrictPlanView.class, type = SchemaType.ARRAY)))
    public List<DistrictPlanView> list(@PathParam("code") String code,
                                       @Parameter(description = "Only this district", example = "164") @QueryParam("districtCode") String districtCode) {
        String programme = programmes.get(code).code;
        return plans.list(programme, QueryParams.text("districtCode", districtCode)).stream()
                .map(plan -> DistrictPlanResource.view(plan, service.label(plan.districtCode))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Start a district's plan, or a new revision of its approved plan (lập kế hoạch)",
            description = "A draft that the district fills in and submits. One revision at a time may be in work per district (409 otherwise). "
                    + "Without `years`, the new revision starts from the approved one.")
    @APIResponse(responseCode = "201", description = "Started", content = @Content(schema = @Schema(implementation = DistrictPlanView.class)))
    @APIResponse(responseCode = "409", description = "A revision of this district's plan is already in work", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("code") String code, @Valid @NotNull(message = "{field.required}") NewDistrictPlan request,
                           @Context UriInfo uri) {
        DistrictPlan plan = service.create(code, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/district-plans").path(plan.id.toString()).build())
                .entity(DistrictPlanResource.view(plan, service.label(plan.districtCode))).tag(new EntityTag(Long.toString(plan.version)))
                .build();
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Whether the approved district plans add up to the programme's targets, per year and in total")
    @APIResponse(responseCode = "200", description = "The sums and the comparison", content = @Content(schema = @Schema(implementation = PlanCoverage.class)))
    public PlanCoverage coverage(@PathParam("code") String code) {
        return coverage.coverage(code);
    }
}
