package vn.ishc.reporting.programme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.reporting.security.Roles;

import java.util.List;

@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chương trình / Programmes")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.VIEWER})
public class ProgrammeResource {

    @Inject
    Programmes programmes;

    @GET
    @Operation(summary = "List programmes with their province targets")
    public List<ProgrammeView> list() {
        return programmes.all().stream().map(programmes::view).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read one programme")
    public ProgrammeView get(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code) {
        return programmes.view(programmes.get(code));
    }
}
