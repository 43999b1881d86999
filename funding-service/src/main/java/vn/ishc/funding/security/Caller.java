package vn.ishc.funding.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling: the token subject (recorded on every write) and the district they act for. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /**
     * The token's {@code sub}: the stable id of the person at the identity provider (the principal
     * name would be a changeable user name or e-mail when the provider sends {@code upn}).
     */
    public String subject() {
        String sub = token.getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    public boolean isProvinceAdmin() {
        return identity.hasRole(Roles.PROVINCE_ADMIN);
    }

    /** The {@code district} claim of a district officer; empty for other roles. */
    public Optional<String> officerDistrict() {
        if (!identity.hasRole(Roles.DISTRICT_OFFICER)) {
            return Optional.empty();
        }
        Object claim = token.getClaim("district");
        return Optional.ofNullable(claim).map(Object::toString).map(s -> s.replace("\"", ""));
    }

    /** Refuses (403) money records for a place the caller does not act for; a null district is the province's. */
    public void requireWriteIn(String districtCode) {
        if (!mayWriteIn(districtCode)) {
            throw vn.ishc.kit.problem.ProblemException.forbidden("funding.district.forbidden", officerDistrict().orElse("-"),
                    districtCode == null ? "19" : districtCode);
        }
    }

    /** Province admins write anywhere; district officers only in the district of their token. */
    public boolean mayWriteIn(String districtCode) {
        // Province-level records (no district) belong to the province.
        return isProvinceAdmin() || (districtCode != null && officerDistrict().map(districtCode::equals).orElse(false));
    }
}
