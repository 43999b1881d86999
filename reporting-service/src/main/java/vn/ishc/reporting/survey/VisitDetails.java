package vn.ishc.reporting.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The body of a visit record (new or replaced): when and where, who took part, what the district said. */
@Schema(name = "SurveyVisitDetails", example = """
        {"districtCode": "164", "visitedOn": "2017-07-26", "place": "Hội trường UBND thành phố Thái Nguyên",
         "participants": [{"organisation": "Sở Lao động - Thương binh và Xã hội", "headCount": 3},
                          {"organisation": "Hội Người cao tuổi thành phố", "headCount": 5}],
         "clubsSeen": 2, "clubsOperating": 4,
         "proposedClubs": [{"year": 2018, "newClubs": 6}, {"year": 2019, "newClubs": 8}],
         "targetGroups": "Người cao tuổi thuộc hộ nghèo, cận nghèo, hoàn cảnh khó khăn",
         "advantages": "Cấp ủy, chính quyền quan tâm", "difficulties": "Kinh phí ban đầu còn thiếu",
         "proposals": "Hỗ trợ tập huấn ban chủ nhiệm"}""")
public record VisitDetails(
        @Schema(example = "164") @NotNull(message = "{field.required}") @Pattern(regexp = "^[0-9]{3}$", message = "{plan.district.format}") String districtCode,
        @Schema(description = "Xã, phường (nếu đến tận xã)", nullable = true, example = "05437")
        @Pattern(regexp = "^[0-9]{5}$", message = "{survey.commune.format}") String communeCode,
        @Schema(example = "2017-07-26") @NotNull(message = "{field.required}") LocalDate visitedOn,
        @Schema(description = "Địa điểm", maxLength = 300) @NotNull(message = "{field.required}") @Size(min = 1, max = 300, message = "{survey.place.length}") String place,
        @Schema(description = "Thành phần tham dự") @NotNull(message = "{field.required}") @Size(max = 50, message = "{survey.participants.size}")
        List<@NotNull(message = "{field.required}") @Valid Participant> participants,
        @Schema(description = "Số CLB đã đến xem", minimum = "0") @NotNull(message = "{field.required}") Integer clubsSeen,
        @Schema(description = "Số CLB đang hoạt động ở huyện", minimum = "0") @NotNull(message = "{field.required}") Integer clubsOperating,
        @Schema(description = "Số CLB huyện đề xuất thành lập mới theo năm") @NotNull(message = "{field.required}") @Size(max = 50, message = "{plan.years.size}")
        List<@NotNull(message = "{field.required}") @Valid ProposedClubs> proposedClubs,
        @Schema(description = "Đối tượng tham gia", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String targetGroups,
        @Schema(description = "Thuận lợi", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String advantages,
        @Schema(description = "Khó khăn", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String difficulties,
        @Schema(description = "Đề xuất", nullable = true, maxLength = 10000) @Size(max = 10000, message = "{report.text.size}") String proposals) {

    /** An organisation that took part, and how many of its people. */
    public record Participant(
            @Schema(example = "Hội Người cao tuổi huyện", maxLength = 300) @NotNull(message = "{field.required}") @Size(min = 1, max = 300, message = "{survey.place.length}") String organisation,
            @Schema(example = "5", minimum = "0", maximum = "10000") @NotNull(message = "{field.required}") Integer headCount) {
    }

    /** The clubs a district proposes to establish in one year. */
    public record ProposedClubs(@Schema(example = "2018") @NotNull(message = "{field.required}") Integer year,
                                @Schema(example = "6", minimum = "0") @NotNull(message = "{field.required}") Integer newClubs) {
    }
}
