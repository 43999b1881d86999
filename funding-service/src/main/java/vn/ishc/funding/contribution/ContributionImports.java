package vn.ishc.funding.contribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.funding.donor.Donor;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an import needs of contributions: the API's rules for a row, the stored contribution a row
 * names (by receipt number, else by row key, within the district's book), and recording many at
 * once, each with its history entry and its own event as the API records them.
 */
@ApplicationScoped
public class ContributionImports {

    /** How a row was matched with what is stored. */
    public enum MatchedBy { RECEIPT, ROW_KEY }

    public record Match(Contribution stored, MatchedBy by) {
    }

    @Inject
    ContributionService contributions;

    @Inject
    EntityManager entities;

    /** A row's fields checked and cleaned as {@code POST /api/v1/contributions} does; errors are added by API field. */
    public ContributionService.Fields check(ContributionForm form, Long amountVnd, String valuationNote, LocalDate receivedOn,
                                            String districtCode, String communeCode, UUID clubId, String purpose, String receiptNo,
                                            List<KeyedFieldError> errors) {
        return contributions.checkFields(form, amountVnd == null ? null : BigDecimal.valueOf(amountVnd), valuationNote, receivedOn,
                districtCode, communeCode, clubId, purpose, receiptNo, errors);
    }

    /** The stored contribution of the area's book (null: the province's) with the receipt number, else with the row key. */
    public Optional<Match> stored(String book, String receiptNo, String rowKey) {
        if (receiptNo != null) {
            Optional<Contribution> byReceipt = Contribution.<Contribution>find("receiptNo = ?1 and " + ContributionService.inBook(book),
                            ContributionService.inBook(book, receiptNo)).firstResultOptional();
            if (byReceipt.isPresent()) {
                return Optional.of(new Match(byReceipt.get(), MatchedBy.RECEIPT));
            }
        }
        if (rowKey != null) {
            return Contribution.<Contribution>find("rowKey = ?1 and " + ContributionService.inBook(book), ContributionService.inBook(book, rowKey))
                    .firstResultOptional()
                    .map(c -> new Match(c, MatchedBy.ROW_KEY));
        }
        return Optional.empty();
    }

    /**
     * Whether the stored contribution is the row's (a recorded contribution is never changed in
     * place: a row with other values is an error, not an update).
     */
    public static boolean sameAs(Contribution stored, UUID donorId, ContributionService.Fields row) {
        return Objects.equals(stored.donorId, donorId) && stored.form == row.form() && Objects.equals(stored.amountVnd, row.amountVnd())
                && Objects.equals(stored.valuationNote, row.valuationNote()) && Objects.equals(stored.receivedOn, row.receivedOn())
                && Objects.equals(stored.districtCode, row.districtCode()) && Objects.equals(stored.communeCode, row.communeCode())
                && Objects.equals(stored.clubId, row.clubId())
                && Objects.equals(stored.purpose, row.purpose()) && Objects.equals(stored.receiptNo, row.receiptNo());
    }

    /**
     * Holds the district's book (null: the province's) until the transaction ends, so that two
     * imports into one district neither take one receipt number twice nor register one donor twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockBook(String district) {
        entities.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "contribution-book|" + (district == null ? "-" : district)).getSingleResult();
    }

    /** Records a checked row: the contribution, its history entry naming the import, and its event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contribution record(ContributionService.Fields fields, Donor donor, String rowKey, String actor, Instant now, UUID importJob) {
        return contributions.persist(fields, donor, null, rowKey, actor, now, importJob);
    }
}
