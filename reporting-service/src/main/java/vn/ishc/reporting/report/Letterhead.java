package vn.ishc.reporting.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who issues the province report, as its header, number line and signature block name them
 * (Decree 30/2020/NĐ-CP layout). Set per province in configuration ({@code ishc.report.*}).
 */
@ConfigMapping(prefix = "ishc.report")
public interface Letterhead {

    /** The governing body above the issuer (cơ quan chủ quản). */
    @WithDefault("UBND TỈNH THÁI NGUYÊN")
    String authority();

    /** The body that issues the report. */
    @WithDefault("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
    String issuer();

    /** The symbol after the number: "Số: …/BC-SLĐTBXH". */
    @WithDefault("BC-SLĐTBXH")
    String numberSymbol();

    /** The place in the date line: "Thái Nguyên, ngày … tháng … năm …". */
    @WithDefault("Thái Nguyên")
    String place();

    /** The title of whoever signs. */
    @WithDefault("GIÁM ĐỐC")
    String signerTitle();
}
