package vn.ishc.registry.imports;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ishc.kit.imports.job.ImportColumn;

import java.util.List;

/** The member list: one row a person, with their club's commune and name (a new club also with its founding date). */
@ApplicationScoped
public class MemberImport extends RegistryImport {

    public MemberImport() {
        super(true);
    }

    @Override
    public String name() {
        return "members";
    }

    @Override
    public String sheetName() {
        return "Hội viên";
    }

    @Override
    public List<ImportColumn> columns() {
        return RegistryColumns.members();
    }
}
