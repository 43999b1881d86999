package vn.ishc.funding.imports;

import vn.ishc.funding.contribution.ContributionForm;
import vn.ishc.funding.donor.DonorType;
import vn.ishc.kit.imports.table.Labels;

/** The words districts write for a donor's type and a contribution's form (as the exports show them), and the API's own names. */
final class FundingLabels {

    static final Labels<DonorType> DONOR_TYPE = Labels.<DonorType>builder()
            .add(DonorType.INDIVIDUAL, "Cá nhân", "Người dân", "INDIVIDUAL")
            .add(DonorType.BUSINESS, "Doanh nghiệp", "Công ty", "BUSINESS")
            .add(DonorType.ORGANIZATION, "Tổ chức", "ORGANIZATION")
            .add(DonorType.MASS_ORGANIZATION, "Đoàn thể", "Tổ chức đoàn thể", "Hội đoàn thể", "MASS_ORGANIZATION")
            .add(DonorType.GOVERNMENT, "Cơ quan nhà nước", "Nhà nước", "Cơ quan", "GOVERNMENT")
            .add(DonorType.INTERNATIONAL, "Tổ chức quốc tế", "Quốc tế", "INTERNATIONAL")
            .add(DonorType.MEMBER, "Hội viên", "Hội viên CLB", "MEMBER")
            .build();

    static final Labels<ContributionForm> FORM = Labels.<ContributionForm>builder()
            .add(ContributionForm.CASH, "Tiền mặt", "Tiền", "Chuyển khoản", "CASH")
            .add(ContributionForm.IN_KIND, "Hiện vật", "IN_KIND")
            .add(ContributionForm.LABOUR, "Ngày công", "Công lao động", "LABOUR", "LABOR")
            .build();

    private FundingLabels() {
    }
}
