package vn.hoctap.accounts;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Phân quyền theo địa bàn: every read and write of unit data goes through here. A commune officer
 * reads and writes only their commune and what hangs below it; city roles read and write the city.
 * A refusal throws {@link AccessDeniedException}, which the web layer turns into 403.
 */
@Component
public class AccessGuard {

    private final UnitHierarchy units;

    public AccessGuard(UnitHierarchy units) {
        this.units = units;
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

    public boolean canWrite(String unitCode) {
        return currentUser().filter(u -> u.role().writesUnitData())
                .map(u -> u.scopes().stream().anyMatch(s -> units.within(unitCode, s)))
                .orElse(false);
    }

    public void requireRead(String unitCode) {
        if (!canRead(unitCode)) {
            throw new AccessDeniedException("unit " + unitCode + " is outside the user's units");
        }
    }

    public void requireWrite(String unitCode) {
        if (!canWrite(unitCode)) {
            throw new AccessDeniedException("no write access to unit " + unitCode);
        }
    }
}
