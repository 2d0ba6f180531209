package vn.hoctap.accounts;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Phân quyền theo vai trò và địa bàn: every read and write of unit data goes through here. The role is judged by
 * the one {@link AccessMatrix} (kind of data × action), the unit by the user's scopes: a commune officer reads and
 * writes only their commune and what hangs below it; city roles read and write the city. A refusal throws
 * {@link AccessDeniedException}, which the web layer turns into 403.
 */
@Component
public class AccessGuard {

    private final UnitHierarchy units;
    private final org.springframework.beans.factory.ObjectProvider<OrganisationMembership> memberships;

    public AccessGuard(UnitHierarchy units, org.springframework.beans.factory.ObjectProvider<OrganisationMembership> memberships) {
        this.units = units;
        this.memberships = memberships;
    }

    /**
     * The organisation the signed-in user acts for (organisation users; empty for everyone else or when the account
     * is linked to none): what {@link Grant#OWN} means for organisation reports and dossiers.
     */
    public Optional<OrganisationMembership.Member> ownOrganisation() {
        OrganisationMembership m = memberships.getIfAvailable();
        return m == null ? Optional.empty() : currentUser().flatMap(u -> m.organisationOf(u.username()));
    }

    public Optional<CurrentUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            return Optional.of(p.user());
        }
        return Optional.empty();
    }

    public CurrentUser requireUser() {
        return currentUser().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public boolean canRead(String unitCode) {
        return currentUser().map(u -> u.scopes().stream().anyMatch(s -> units.readableWithin(unitCode, s)))
                .orElse(false);
    }

    /** Whether the unit that the code named on {@code date} (the date of the data) is readable. */
    public boolean canRead(String unitCode, java.time.LocalDate date) {
        return currentUser().map(u -> u.scopes().stream().anyMatch(s -> units.readableWithin(unitCode, date, s)))
                .orElse(false);
    }

    public void requireRead(String unitCode, java.time.LocalDate date) {
        if (!canRead(unitCode, date)) {
            throw new AccessDeniedException("unit " + unitCode + " on " + date + " is outside the user's units");
        }
    }

    /** Data of a year: checked against the unit the code named on 31 December of that year. */
    public boolean canReadForYear(String unitCode, int year) {
        return canRead(unitCode, java.time.LocalDate.of(year, 12, 31));
    }

    public void requireReadForYear(String unitCode, int year) {
        if (!canReadForYear(unitCode, year)) {
            throw new AccessDeniedException("unit " + unitCode + " of " + year + " is outside the user's units");
        }
    }

    /**
     * Whether the unit's reference data (villages) may be changed: the matrix cell UNITS × WRITE and the unit within
     * the user's scopes. Kept for old callers; say which data you write with {@link #can(DataKind, AccessAction, String)}.
     */
    @Deprecated
    public boolean canWrite(String unitCode) {
        return can(DataKind.UNITS, AccessAction.WRITE, unitCode);
    }

    /**
     * Whether the role may do this with this kind of data and the unit is within the user's scopes (the same rule as
     * {@link #require(DataKind, AccessAction, String)}, without throwing). With {@link Grant#OWN} the caller still
     * checks the owner.
     */
    public boolean can(DataKind kind, AccessAction action, String unitCode) {
        if (grant(kind, action) == Grant.NONE) return false;
        if (kind == DataKind.PUBLIC) return true;
        return action == AccessAction.READ || action == AccessAction.EXPORT ? canRead(unitCode) : inScope(unitCode);
    }

    /** Like {@link #can(DataKind, AccessAction, String)} for data of a year, judged with the unit the code named then. */
    public boolean canForYear(DataKind kind, AccessAction action, String unitCode, int year) {
        if (grant(kind, action) == Grant.NONE) return false;
        if (kind == DataKind.PUBLIC) return true;
        return action == AccessAction.READ || action == AccessAction.EXPORT ? canReadForYear(unitCode, year) : inScope(unitCode);
    }

    public void requireRead(String unitCode) {
        if (!canRead(unitCode)) {
            throw new AccessDeniedException("unit " + unitCode + " is outside the user's units");
        }
    }

    @Deprecated
    public void requireWrite(String unitCode) {
        if (!canWrite(unitCode)) {
            throw new AccessDeniedException("no write access to unit " + unitCode);
        }
    }

    /** The matrix cell of the current user (someone not signed in: public data only). */
    public Grant grant(DataKind kind, AccessAction action) {
        return currentUser().map(u -> AccessMatrix.grant(u.role(), kind, action))
                .orElseGet(() -> AccessMatrix.anonymous(kind, action));
    }

    /** Whether the current user's role may do this with this kind of data at all (own data or within scope). */
    public boolean allows(DataKind kind, AccessAction action) {
        return grant(kind, action) != Grant.NONE;
    }

    /** Refuses unless the role may do this with this kind of data; returns the grant (OWN: filter to own rows). */
    public Grant require(DataKind kind, AccessAction action) {
        Grant g = grant(kind, action);
        if (g == Grant.NONE) {
            throw new AccessDeniedException("role may not " + action + " " + kind);
        }
        return g;
    }

    /**
     * Refuses unless the role may do this with this kind of data and the unit is within the user's scopes (read and
     * export: the unit or anything it was formed from; write and approve: the unit or below). Returns the grant: with
     * {@link Grant#OWN} the caller must also check that the row belongs to the user.
     */
    public Grant require(DataKind kind, AccessAction action, String unitCode) {
        Grant g = require(kind, action);
        if (kind == DataKind.PUBLIC) return g;
        boolean inScope = action == AccessAction.READ || action == AccessAction.EXPORT ? canRead(unitCode) : inScope(unitCode);
        if (!inScope) {
            throw new AccessDeniedException("unit " + unitCode + " is outside the user's units for " + action + " " + kind);
        }
        return g;
    }

    /** Like {@link #require(DataKind, AccessAction, String)} for data of a year, judged with the unit the code named then. */
    public Grant requireForYear(DataKind kind, AccessAction action, String unitCode, int year) {
        Grant g = require(kind, action);
        if (kind == DataKind.PUBLIC) return g;
        boolean inScope = action == AccessAction.READ || action == AccessAction.EXPORT ? canReadForYear(unitCode, year)
                : inScope(unitCode);
        if (!inScope) {
            throw new AccessDeniedException("unit " + unitCode + " of " + year + " is outside the user's units");
        }
        return g;
    }

    /**
     * For data the user may touch as its owner only ({@link Grant#OWN}): refuses unless the grant is SCOPE, or OWN
     * and {@code owner} is true.
     */
    public void requireOwnOrScope(Grant grant, boolean owner) {
        if (grant == Grant.NONE || (grant == Grant.OWN && !owner)) {
            throw new AccessDeniedException("not the user's own data");
        }
    }

    private boolean inScope(String unitCode) {
        return currentUser().map(u -> u.scopes().stream().anyMatch(s -> units.within(unitCode, s))).orElse(false);
    }
}
