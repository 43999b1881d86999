package vn.ishc.registry.imports;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ishc.kit.imports.job.ImportColumn;

import java.util.List;

/** The club list: one row a club. */
@ApplicationScoped
public class ClubImport extends RegistryImport {

    public ClubImport() {
        super(false);
    }

    @Override
    public String name() {
        return "clubs";
    }

    @Override
    public String sheetName() {
        return "Câu lạc bộ";
    }

    @Override
    public List<ImportColumn> columns() {
        return RegistryColumns.clubs(true);
    }
}
