package vn.hoctap.learning;

import java.util.Optional;

/**
 * Which organisation (a community learning centre, or another provider) an account enters learning records for.
 * Declared here and implemented by the {@code centres} module, so that {@code centres → learning} and never back.
 */
public interface ProviderMembership {

    /** The provider organisation the account works for (a CENTRE_OFFICER's centre, an ORGANISATION_USER's organisation). */
    Optional<Long> providerOf(String username);
}
