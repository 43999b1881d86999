package vn.ishc.kit.imports.job;

import java.util.UUID;

/**
 * Who imports and where: the job, the district the caller may write in (null for a province
 * admin, who may write anywhere) and the caller's subject, recorded as the author of every change.
 */
public record ImportScope(UUID jobId, String district, String actor) {

    public boolean mayWriteIn(String districtCode) {
        return district == null || district.equals(districtCode);
    }
}
