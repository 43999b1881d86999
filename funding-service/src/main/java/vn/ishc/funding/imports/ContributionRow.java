package vn.ishc.funding.imports;

import vn.ishc.funding.contribution.ContributionForm;
import vn.ishc.funding.contribution.ContributionImports;
import vn.ishc.funding.donor.DonorType;
import vn.ishc.kit.imports.job.ImportScope;
import vn.ishc.kit.imports.job.RowCells;
import vn.ishc.kit.imports.job.RowError;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A row of the contribution list as read, every field at once (unreadable ones noted on the row):
 * the district as the row gives it — an officer's blank district is their own unless a club or a commune names the area.
 */
record ContributionRow(String donorName, DonorType donorType, String donorPhone, String donorEmail, ContributionForm form, Long amountVnd,
                       String valuationNote, LocalDate receivedOn, String districtCode, String communeCode, UUID clubId, String purpose,
                       String receiptNo, String rowKey) {

    static final int ROW_KEY_LENGTH = 100;

    /** The API's field names of a donor, as the columns of this list name them. */
    private static final Map<String, String> DONOR_COLUMNS = Map.of("name", "donorName", "type", "donorType", "phone", "donorPhone",
            "email", "donorEmail");

    static ContributionRow read(RowCells row, Districts districts, Communes communes, ImportScope scope) {
        String donorName = row.text("donorName");
        row.requireFilled("donorName");
        DonorType donorType = row.label("donorType", FundingLabels.DONOR_TYPE);
        row.requireFilled("donorType");
        String phone = row.text("donorPhone");
        String email = row.text("donorEmail");
        ContributionForm form = row.label("form", FundingLabels.FORM);
        row.requireFilled("form");
        Long amount = row.amount("amountVnd");
        row.requireFilled("amountVnd");
        String note = row.text("valuationNote");
        LocalDate receivedOn = row.date("receivedOn");
        row.requireFilled("receivedOn");
        String district = districts.code(row, "districtCode");
        String commune = communes.code(row, "communeCode");
        UUID clubId = clubId(row);
        if (district == null && clubId == null && row.isBlank("districtCode") && row.isBlank("clubId") && row.isBlank("communeCode")) {
            district = scope.officerDistrict(); // an area officer names the commune on each row
        }
        String purpose = row.text("purpose");
        String receiptNo = row.text("receiptNo");
        String rowKey = row.text("rowKey");
        if (row.isBlank("receiptNo") && row.isBlank("rowKey")) {
            row.error("receiptNo", "import.contribution.keyRequired");
        }
        if (rowKey != null && rowKey.length() > ROW_KEY_LENGTH) {
            row.error("rowKey", "text.tooLong", ROW_KEY_LENGTH);
        }
        return new ContributionRow(donorName, donorType, phone, email, form, amount, note, receivedOn, district, commune, clubId, purpose,
                receiptNo, rowKey);
    }

    private static UUID clubId(RowCells row) {
        String value = row.text("clubId");
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            row.error("clubId", "import.club.notAnId", value);
            return null;
        }
    }

    /** An API rule's error as a row error, on the column of its field, with the value as the file had it when the row is at hand. */
    static RowError error(RowCells row, KeyedFieldError e) {
        String column = e.field() == null ? null : DONOR_COLUMNS.getOrDefault(e.field(), e.field());
        return new RowError(column, row == null || column == null ? null : row.raw(column), e.messageKey(), List.of(e.args()));
    }

    /** The row's receipt number or row key names a stored contribution with other values. */
    static RowError taken(RowCells row, ContributionImports.Match match) {
        var stored = match.stored();
        boolean byReceipt = match.by() == ContributionImports.MatchedBy.RECEIPT;
        String column = byReceipt ? "receiptNo" : "rowKey";
        String value = byReceipt ? stored.receiptNo : stored.rowKey;
        return RowError.of(column, row == null ? value : row.raw(column),
                byReceipt ? "import.contribution.receiptTaken" : "import.contribution.rowKeyTaken", value, stored.receivedOn, stored.amountVnd);
    }
}
