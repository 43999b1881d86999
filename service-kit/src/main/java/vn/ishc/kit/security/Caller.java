package vn.ishc.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.ishc.kit.problem.ProblemException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who is calling: the token subject (recorded on every write) and the area they act for — a
 * district officer's district, an area officer's communes (decision 0013). A record placed nowhere
 * is the province's own: only a province admin acts on it.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /**
     * {@code ishc.province-code}, read only when a refusal names the province: an injected config property
     * was resolved again with every request's caller: 3.6% of registry's request threads while members were
     * added (flight recording, docs/benchmarks.md, "A member added through registry").
     */
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
        return !isProvinceAdmin() && !identity.hasRole(Roles.DISTRICT_OFFICER) && !identity.hasRole(Roles.AREA_OFFICER);
    }

    /** A district or area officer: acts in a part of the province only. */
    public boolean isOfficer() {
        return !isProvinceAdmin() && !isViewerOnly();
    }

    /** The {@code communes} claim of an area officer (an array, or one comma-separated text); empty for other roles. */
    public Set<String> officerCommunes() {
        if (!identity.hasRole(Roles.AREA_OFFICER)) {
            return Set.of();
        }
        Object claim = token.getClaim("communes");
        Set<String> communes = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> communes.add(unquote(value)));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value -> communes.add(unquote(value)));
        } else if (claim != null) {
            for (String part : unquote(claim).split(",")) {
                communes.add(part.trim());
            }
        }
        communes.removeIf(String::isEmpty);
        return Set.copyOf(communes);
    }

    private static String unquote(Object value) {
        return value.toString().replace("\"", "");
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
        return mayActOn(Place.district(districtCode));
    }

    /**
     * Province admins write anywhere; a district officer where the record's district is theirs; an
     * area officer where one of the record's communes is one of theirs.
     */
    public boolean mayActOn(Place place) {
        if (isProvinceAdmin()) {
            return true;
        }
        if (place.districtCode() != null && officerDistrict().map(place.districtCode()::equals).orElse(false)) {
            return true;
        }
        Set<String> mine = officerCommunes();
        return place.communeCodes().stream().anyMatch(mine::contains);
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
        requireActOn(Place.district(districtCode), messageKey, label);
    }

    /** As above, for a record placed by district and/or communes. */
    public void requireActOn(Place place, String messageKey, UnaryOperator<String> label) {
        if (!mayActOn(place)) {
            String mine = officerDistrict().map(label)
                    .orElseGet(() -> officerCommunes().isEmpty() ? "-" : String.join(", ", officerCommunes().stream().sorted().map(label).toList()));
            String theirs = place.label();
            throw ProblemException.forbidden(messageKey, mine, label.apply(theirs == null ? provinceCode() : theirs));
        }
    }

    private String provinceCode() {
        if (provinceCode == null) {
            provinceCode = ConfigProvider.getConfig().getOptionalValue("ishc.province-code", String.class).orElse("19");
        }
        return provinceCode;
    }
}
