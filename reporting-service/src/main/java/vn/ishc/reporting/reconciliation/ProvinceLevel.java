package vn.ishc.reporting.reconciliation;

import vn.ishc.reporting.config.Province;
import vn.ishc.reporting.progress.ProgressDocument;
import vn.ishc.reporting.progress.ProgressDocument.AreaProgress;

/**
 * The province-level items of a progress document (contributions and pledges without an area or
 * recorded to an area that has ended, clubs awaiting a successor commune): the province less its
 * areas, since the province is exactly Σ areas + province-level items.
 */
final class ProvinceLevel {

    private ProvinceLevel() {
    }

    static AreaProgress of(ProgressDocument document) {
        long clubs = document.province().clubs().active();
        long clubsNew = document.province().clubs().newlyEstablished();
        long members = document.province().members().active();
        long older = document.province().members().older();
        long women = document.province().members().women();
        long poor = document.province().members().poor();
        long nearPoor = document.province().members().nearPoor();
        long hardship = document.province().members().hardship();
        long received = document.province().contributions().receivedVnd();
        long outstanding = document.province().contributions().pledgedOutstandingVnd();
        for (ProgressDocument.LevelledAreaProgress a : document.areas()) {
            clubs -= a.clubs().active();
            clubsNew -= a.clubs().newlyEstablished();
            members -= a.members().active();
            older -= a.members().older();
            women -= a.members().women();
            poor -= a.members().poor();
            nearPoor -= a.members().nearPoor();
            hardship -= a.members().hardship();
            received -= a.contributions().receivedVnd();
            outstanding -= a.contributions().pledgedOutstandingVnd();
        }
        return new AreaProgress(Reconciliation.PROVINCE_LEVEL, Province.CODE,
                new ProgressDocument.ClubFigures(clubs, clubsNew, clubs - clubsNew),
                new ProgressDocument.MemberFigures(members, older, women, poor, nearPoor, hardship),
                new ProgressDocument.ContributionFigures(received, outstanding),
                new ProgressDocument.Targets(null, null, null), null, null);
    }
}
