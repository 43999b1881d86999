package vn.ishc.reporting.report;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The district's words in a report; the body of {@code PUT /api/v1/district-reports/{id}/narrative}. */
@Schema(name = "ReportNarrative", example = """
        {"results": "Thành lập mới 4 CLB; 120 người cao tuổi tham gia.", "advantages": "Được UBND xã quan tâm.",
         "difficulties": "Kinh phí hoạt động còn hạn chế.", "proposals": "Đề nghị tỉnh hỗ trợ tập huấn ban chủ nhiệm.",
         "nextActions": "Thành lập thêm 3 CLB ở các xã vùng cao."}""")
public record Narrative(
        @Schema(description = "Kết quả đạt được. Results.", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String results,
        @Schema(description = "Thuận lợi. Advantages.", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String advantages,
        @Schema(description = "Khó khăn. Difficulties.", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String difficulties,
        @Schema(description = "Đề xuất, kiến nghị. Proposals.", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String proposals,
        @Schema(description = "Nhiệm vụ kỳ tới. Actions for the next period.", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String nextActions) {
}
