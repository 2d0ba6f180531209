package vn.hoctap.reporting.internal;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoctap.accounts.OrganisationMembership;

/**
 * Người dùng của đơn vị: the organisation an account reports for (reporting_organisation_member), given to the access
 * guard so that "own data" of an organisation user means the same organisation everywhere (reports, title dossiers).
 */
@Component
class OrganisationMembers implements OrganisationMembership {

    private final JdbcTemplate jdbc;

    OrganisationMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Member> organisationOf(String username) {
        return jdbc.query("""
                select o.id, o.name, o.commune_code from reporting_organisation_member m
                join reporting_organisation o on o.id = m.organisation_id where m.username = ?""",
                (rs, i) -> new Member(rs.getLong("id"), rs.getString("name"), rs.getString("commune_code")), username)
                .stream().findFirst();
    }
}
