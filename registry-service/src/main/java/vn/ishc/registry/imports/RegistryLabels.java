package vn.ishc.registry.imports;

import vn.ishc.kit.imports.table.Labels;
import vn.ishc.registry.member.Gender;
import vn.ishc.registry.member.HouseholdStatus;

/** The words districts write for a member's gender and household, and the API's own names. */
final class RegistryLabels {

    static final Labels<Gender> GENDER = Labels.<Gender>builder()
            .add(Gender.FEMALE, "Nữ", "Nu", "F", "FEMALE", "Nữ giới")
            .add(Gender.MALE, "Nam", "M", "MALE", "Nam giới")
            .build();

    static final Labels<HouseholdStatus> HOUSEHOLD = Labels.<HouseholdStatus>builder()
            .add(HouseholdStatus.POOR, "Nghèo", "Hộ nghèo", "POOR")
            .add(HouseholdStatus.NEAR_POOR, "Cận nghèo", "Hộ cận nghèo", "NEAR_POOR")
            .add(HouseholdStatus.HARDSHIP, "Khó khăn", "Hoàn cảnh khó khăn", "Hộ khó khăn", "HARDSHIP")
            .add(HouseholdStatus.NONE, "Không", "Bình thường", "Không thuộc diện", "NONE")
            .build();

    private RegistryLabels() {
    }
}
