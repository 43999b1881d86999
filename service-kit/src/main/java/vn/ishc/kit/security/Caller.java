package vn.ishc.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.ishc.kit.problem.ProblemException;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Who is calling: the token subject (recorded on every write) and the district they act for.
 * A record without a district is the province's own: only a province admin acts on it.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "ishc.province-code", defaultValue = "19")
    String provinceCode;

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

    /** A viewer (and nothing more) sees aggregates and non-personal data only. */
    public boolean isViewerOnly() {
        return !isProvinceAdmin() && !identity.hasRole(Roles.DISTRICT_OFFICER);
    }

    /** The {@code district} claim of a district officer; empty for other roles. */
    public Optional<String> officerDistrict() {
        if (!identity.hasRole(Roles.DISTRICT_OFFICER)) {
            return Optional.empty();
        }
        Object claim = token.getClaim("district");
        return Optional.ofNullable(claim).map(Object::toString).map(s -> s.replace("\"", ""));
    }

    /** Province admins write anywhere; district officers only in the district of their token. */
    public boolean mayWriteIn(String districtCode) {
        return isProvinceAdmin() || (districtCode != null && officerDistrict().map(districtCode::equals).orElse(false));
    }

    /** Names, birth dates, phones and ethnicity: province admins everywhere, district officers in their district. */
    public boolean mayReadPersonalDataIn(String districtCode) {
        return mayWriteIn(districtCode);
    }

    /**
     * Refuses (403) an action in a district the caller does not act for. The message is the
     * service's, with the caller's district and the one refused (the province code when none).
     */
    public void requireWriteIn(String districtCode, String messageKey) {
        requireWriteIn(districtCode, messageKey, code -> code);
    }

    /** As above, with each area named by {@code label} (e.g. "Thành phố Sông Công (165)") rather than by its bare code. */
    public void requireWriteIn(String districtCode, String messageKey, UnaryOperator<String> label) {
        if (!mayWriteIn(districtCode)) {
            throw ProblemException.forbidden(messageKey, officerDistrict().map(label).orElse("-"),
                    label.apply(districtCode == null ? provinceCode : districtCode));
        }
    }
}
