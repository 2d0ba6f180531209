package vn.hoctap.accounts;

import java.util.Optional;

/**
 * Which organisation (cơ quan, trường, đơn vị) an account acts for: what the access matrix's {@link Grant#OWN} means
 * for an organisation user. Implemented by the module that keeps the organisations (reporting), so that accounts
 * depend on no other module.
 */
public interface OrganisationMembership {

    /** The organisation an account belongs to. */
    record Member(long organisationId, String name, String communeCode) {
    }

    Optional<Member> organisationOf(String username);
}
