package vn.ishc.funding.donor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/donors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Donors", description = "Nhà tài trợ: cá nhân, doanh nghiệp, tổ chức. Donors: persons, businesses, organisations.")
public class DonorResource {

    @Inject
    DonorService donors;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Register a donor (đăng ký nhà tài trợ)")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = DonorView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull(message = "{field.required}") NewDonor request, @Context UriInfo uri) {
        Donor donor = donors.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(donor.id.toString()).build())
                .tag(new EntityTag(Long.toString(donor.version)))
                .entity(DonorView.of(donor, caller.mayActOn(donor.place()))).build();
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "List and search donors",
            description = "q matches the name ignoring case and Vietnamese diacritics (\"gang thep\" finds \"Gang thép\"). "
                    + "Persons (INDIVIDUAL, MEMBER) registered by another district (or, for an area officer, outside their communes) are not found by name and show no name or "
                    + "contacts; organisations are visible to every officer.")
    public Page<DonorView> list(
            @Parameter(description = "Search text", example = "gang thep") @QueryParam("q") String q,
            @Parameter(description = "Donor type", example = "BUSINESS", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = DonorType.class)) @QueryParam("type") String type,
            @Parameter(example = "0") @QueryParam("page") String page,
            @Parameter(example = "50") @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        Page<Donor> found = donors.list(q, QueryParams.enumValue("type", type, DonorType.class), paging);
        return new Page<>(found.items().stream().map(d -> DonorView.of(d, caller.mayActOn(d.place()))).toList(), found.page(), found.size(),
                found.totalItems());
    }

    @jakarta.ws.rs.PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Change a donor (JSON merge patch)",
            description = "Send the ETag you read in If-Match: 412 if the donor changed since, 428 without it. Patchable: name, type, phone, email.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = DonorPatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DonorPatch.class))})
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = DonorView.class)))
    @APIResponse(responseCode = "412", description = "Stale ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") UUID id, @jakarta.ws.rs.HeaderParam(jakarta.ws.rs.core.HttpHeaders.IF_MATCH) String ifMatch,
                          com.fasterxml.jackson.databind.JsonNode body) {
        Donor donor = donors.patch(id, ifMatch, body);
        return Response.ok(DonorView.of(donor, caller.mayActOn(donor.place()))).tag(new EntityTag(Long.toString(donor.version))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "Read a donor")
    @APIResponse(responseCode = "200", description = "The donor, with its version as ETag", content = @Content(schema = @Schema(implementation = DonorView.class)))
    @APIResponse(responseCode = "404", description = "No such donor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Donor donor = donors.get(id);
        return Response.ok(DonorView.of(donor, caller.mayActOn(donor.place()))).tag(new EntityTag(Long.toString(donor.version))).build();
    }
}
