package vn.ishc.registry.imports;

import vn.ishc.registry.member.MemberFacts;

import java.time.LocalDate;

/** A checked row as it waits for the commit: the club it names and, in a member list, the member. */
record ImportedRow(String communeCode, String clubName, String hamlet, LocalDate establishedOn, MemberFacts member) {
}
