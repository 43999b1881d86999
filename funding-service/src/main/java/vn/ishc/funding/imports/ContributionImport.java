package vn.ishc.funding.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ishc.funding.contribution.ContributionImports;
import vn.ishc.funding.contribution.ContributionService;
import vn.ishc.funding.donor.Donor;
import vn.ishc.funding.donor.DonorImports;
import vn.ishc.funding.replica.RegistryReplica;
import vn.ishc.kit.imports.job.ImportColumn;
import vn.ishc.kit.imports.job.ImportKind;
import vn.ishc.kit.imports.job.ImportScope;
import vn.ishc.kit.imports.job.RowCells;
import vn.ishc.kit.imports.job.RowError;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.time.VietnamClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The contribution list: one row a contribution, with its donor's columns. Rows are grouped by
 * district and donor; a donor not yet registered is registered with the group's first contribution,
 * and each contribution is recorded with its own history entry and event, as the API records it.
 * A row is matched with what is stored by its receipt number, else by its row key, so importing a
 * file again records nothing twice.
 */
@ApplicationScoped
public class ContributionImport implements ImportKind {

    @Inject
    ContributionImports contributions;

    @Inject
    DonorImports donors;

    @Inject
    RegistryReplica replica;

    @Inject
    VietnamClock clock;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "ishc.province-code", defaultValue = "19")
    String provinceCode;

    /** The columns that place a row: an error in one of them leaves the row's book unknown. */
    private static final Set<String> AREA_COLUMNS = Set.of("districtCode", "communeCode", "clubId");

    @Override
    public String name() {
        return "contributions";
    }

    @Override
    public String sheetName() {
        return "Đóng góp";
    }

    @Override
    public List<ImportColumn> columns() {
        return ContributionColumns.all();
    }

    /** What the file has said so far: receipts and row keys by book, and each donor as first looked up. */
    private static final class FileSoFar {
        final Districts districts;
        final Communes communes;
        final Map<String, Integer> receipts = new HashMap<>();
        final Map<String, Integer> rowKeys = new HashMap<>();
        final Map<String, Optional<UUID>> donorIds = new HashMap<>();
        final Set<String> donorsCounted = new HashSet<>();

        FileSoFar(Districts districts, Communes communes) {
            this.districts = districts;
            this.communes = communes;
        }
    }

    @Override
    public RowChecker checker(ImportScope scope) {
        FileSoFar file = new FileSoFar(Districts.load(replica), Communes.load(replica));
        return row -> check(row, scope, file);
    }

    private CheckedRow check(RowCells row, ImportScope scope, FileSoFar file) {
        ContributionRow read = ContributionRow.read(row, file.districts, file.communes, scope);
        // A field already unreadable is not reported again by the rules (as "required", say).
        Set<String> unreadable = new HashSet<>();
        row.errors().forEach(e -> unreadable.add(e.column()));
        List<KeyedFieldError> rules = new ArrayList<>();
        DonorImports.Checked donor = DonorImports.check(read.donorName(), read.donorType(), read.donorPhone(), read.donorEmail());
        rules.addAll(donor.errors());
        ContributionService.Fields fields = contributions.check(read.form(), read.amountVnd(), read.valuationNote(), read.receivedOn(),
                read.districtCode(), read.communeCode(), read.clubId(), read.purpose(), read.receiptNo(), rules);
        List<RowError> errors = new ArrayList<>();
        rules.stream().map(e -> ContributionRow.error(row, e)).filter(e -> !unreadable.contains(e.column())).forEach(errors::add);
        boolean placed = !unreadable.contains("districtCode") && !unreadable.contains("clubId") && !unreadable.contains("communeCode")
                && errors.stream().noneMatch(e -> AREA_COLUMNS.contains(e.column()));
        if (!placed) {
            return new CheckedRow(null, null, errors, Map.of());
        }
        String book = fields.area().book();
        if (!scope.mayWriteIn(book)) {
            String column = read.districtCode() != null ? "districtCode" : read.communeCode() != null ? "communeCode"
                    : read.clubId() != null ? "clubId" : "districtCode";
            errors.add(RowError.of(column, row.raw(column), "import.row.otherDistrict", file.districts.label(book, provinceCode),
                    file.districts.label(scope.district(), provinceCode)));
            return new CheckedRow(null, null, errors, Map.of());
        }
        String bookKey = book == null ? "-" : book;
        if (fields.receiptNo() != null) {
            Integer earlier = file.receipts.putIfAbsent(bookKey + "|" + fields.receiptNo(), row.row());
            if (earlier != null) {
                errors.add(RowError.of("receiptNo", row.raw("receiptNo"), "import.contribution.receiptTwice", earlier));
            }
        }
        if (read.rowKey() != null) {
            Integer earlier = file.rowKeys.putIfAbsent(bookKey + "|" + read.rowKey(), row.row());
            if (earlier != null) {
                errors.add(RowError.of("rowKey", row.raw("rowKey"), "import.contribution.rowKeyTwice", earlier));
            }
        }
        if (!errors.isEmpty() || !row.errors().isEmpty()) {
            return new CheckedRow(null, null, errors, Map.of());
        }
        String group = bookKey + "|" + DonorImports.key(donor.name(), donor.type());
        UUID donorId = file.donorIds.computeIfAbsent(group, g -> donors.match(fields.districtCode(), donor.name(), donor.type()).map(d -> d.id))
                .orElse(null);
        Map<String, String> actions = new LinkedHashMap<>();
        Optional<ContributionImports.Match> stored = contributions.stored(book, fields.receiptNo(), read.rowKey());
        if (stored.isEmpty()) {
            actions.put("contributions", "CREATE");
        } else if (ContributionImports.sameAs(stored.get().stored(), donorId, fields)) {
            actions.put("contributions", "UNCHANGED");
        } else {
            errors.add(ContributionRow.taken(row, stored.get()));
            return new CheckedRow(null, null, errors, Map.of());
        }
        if (file.donorsCounted.add(group)) {
            actions.put("donors", donorId == null ? "CREATE" : "UNCHANGED");
        }
        ImportedContribution data = new ImportedContribution(donor.name(), donor.type(), donor.phone(), donor.email(), fields.form(),
                fields.amountVnd(), fields.valuationNote(), fields.receivedOn(), read.districtCode(), fields.clubId(), fields.purpose(),
                fields.receiptNo(), read.rowKey(), book, fields.districtCode(), read.communeCode());
        return new CheckedRow(group, data, errors, actions);
    }

    @Override
    public List<RowOutcome> write(ImportScope scope, List<StagedRow> rows) {
        Map<String, List<StagedRow>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row));
        Districts districts = Districts.load(replica);
        Instant now = clock.now();
        List<RowOutcome> outcomes = new ArrayList<>();
        for (List<StagedRow> group : groups.values()) {
            outcomes.addAll(writeDonor(scope, districts, group, now));
        }
        return outcomes;
    }

    /** Writes one donor's rows of one district, matched again against what is stored now. */
    private List<RowOutcome> writeDonor(ImportScope scope, Districts districts, List<StagedRow> staged, Instant now) {
        List<ImportedContribution> rows = staged.stream().map(s -> json.convertValue(s.data(), ImportedContribution.class)).toList();
        ImportedContribution first = rows.get(0);
        String book = first.book();
        contributions.lockBook(book);
        Donor donor = donors.match(first.donorDistrict(), first.donorName(), first.donorType()).orElse(null);
        String donorAction = donor == null ? "CREATE" : "UNCHANGED";
        List<RowOutcome> outcomes = new ArrayList<>();
        boolean donorCounted = false;
        for (int i = 0; i < rows.size(); i++) {
            ImportedContribution row = rows.get(i);
            int rowNo = staged.get(i).row();
            List<KeyedFieldError> rules = new ArrayList<>();
            DonorImports.Checked checkedDonor = DonorImports.check(row.donorName(), row.donorType(), row.donorPhone(), row.donorEmail());
            rules.addAll(checkedDonor.errors());
            ContributionService.Fields fields = contributions.check(row.form(), row.amountVnd(), row.valuationNote(), row.receivedOn(),
                    row.districtCode(), row.communeCode(), row.clubId(), row.purpose(), row.receiptNo(), rules);
            List<RowError> errors = new ArrayList<>(rules.stream().map(e -> ContributionRow.error(null, e)).toList());
            if (errors.isEmpty() && !java.util.Objects.equals(fields.area().book(), book)) {
                // The club moved to another area since the dry run: the row's book and donor are no longer these.
                errors.add(RowError.of("clubId", String.valueOf(row.clubId()), "club.otherDistrict", districts.label(fields.area().book(), provinceCode)));
            } else if (errors.isEmpty() && !scope.mayWriteIn(book)) {
                errors.add(RowError.of("districtCode", row.districtCode(), "import.row.otherDistrict", districts.label(book, provinceCode),
                        districts.label(scope.district(), provinceCode)));
            }
            if (!errors.isEmpty()) {
                outcomes.add(RowOutcome.refused(rowNo, errors));
                continue;
            }
            Optional<ContributionImports.Match> stored = contributions.stored(book, fields.receiptNo(), row.rowKey());
            String action;
            if (stored.isPresent()) {
                if (!ContributionImports.sameAs(stored.get().stored(), donor == null ? null : donor.id, fields)) {
                    outcomes.add(RowOutcome.refused(rowNo, List.of(ContributionRow.taken(null, stored.get()))));
                    continue;
                }
                action = "UNCHANGED";
            } else {
                if (donor == null) {
                    donor = donors.register(checkedDonor, row.donorDistrict(), scope.actor(), now);
                }
                contributions.record(fields, donor, row.rowKey(), scope.actor(), now, scope.jobId());
                action = "CREATE";
            }
            Map<String, String> done = new LinkedHashMap<>();
            done.put("contributions", action);
            if (!donorCounted) {
                done.put("donors", donorAction);
                donorCounted = true;
            }
            outcomes.add(RowOutcome.written(rowNo, done));
        }
        return outcomes;
    }
}
