package vn.hoctap.accounts;

import java.util.EnumMap;
import java.util.Map;

/**
 * Ma trận phân quyền: the one table that says, for each role, kind of data and action, whether it is refused,
 * allowed on the user's own data only, or allowed within the user's unit scopes. Pure Java (no Spring), so the
 * route test, the services and the documentation read the same cells. The unit scope (which commune) is decided
 * by {@link AccessGuard} with the user's scopes; this table decides only by role.
 *
 * <p>Columns, in order: CITY_ADMIN, CITY_OFFICER, COMMUNE_OFFICER, ASSOCIATION_MEMBER, ORGANISATION_USER, CITIZEN,
 * CENTRE_OFFICER, FUND_ACCOUNTANT, ASSOCIATION_CHAIR, AUDITOR, INSPECTOR. A cell is {@code S} (scope), {@code O}
 * (own data only) or {@code -} (none). Someone not signed in may use {@link DataKind#PUBLIC} only.
 */
public final class AccessMatrix {

    /** The policy; README "Who may see what" explains each row in words. */
    static final String TABLE = """
            # kind                action   ADM CITY COMM ASSOC ORG CIT CENTRE FUNDACC CHAIR AUDITOR INSP
            PUBLIC                READ     S   S    S    S     S   S   S      S       S     S       S
            PUBLIC                EXPORT   S   S    S    S     S   S   S      S       S     S       S
            PUBLIC                WRITE    S   S    S    S     S   S   S      S       S     S       S
            PUBLIC                APPROVE  -   -    -    -     -   -   -      -       -     -       -
            SIGNED_IN             READ     S   S    S    S     S   S   S      S       S     S       S
            SIGNED_IN             EXPORT   S   S    S    S     S   S   S      S       S     S       S
            SIGNED_IN             WRITE    S   S    S    S     S   S   S      S       S     S       S
            SIGNED_IN             APPROVE  -   -    -    -     -   -   -      -       -     -       -
            UNITS                 READ     S   S    S    S     S   S   S      S       S     S       S
            UNITS                 EXPORT   S   S    S    S     S   S   S      S       S     S       S
            UNITS                 WRITE    S   S    S    -     -   -   -      -       -     -       -
            UNITS                 APPROVE  S   S    -    -     -   -   -      -       -     -       -
            UNIT_AGGREGATES       READ     S   S    S    S     S   -   S      S       S     S       S
            UNIT_AGGREGATES       EXPORT   S   S    S    S     S   -   S      S       S     S       S
            UNIT_AGGREGATES       WRITE    -   -    -    -     -   -   -      -       -     -       -
            UNIT_AGGREGATES       APPROVE  -   -    -    -     -   -   -      -       -     -       -
            PERSON_ROWS           READ     S   S    S    -     -   -   -      -       -     -       -
            PERSON_ROWS           EXPORT   S   S    S    -     -   -   -      -       -     -       -
            PERSON_ROWS           WRITE    S   S    S    -     -   -   -      -       -     -       -
            PERSON_ROWS           APPROVE  -   -    -    -     -   -   -      -       -     -       -
            ORGANISATION_REPORTS  READ     S   S    S    -     O   -   O      -       -     S       S
            ORGANISATION_REPORTS  EXPORT   S   S    S    -     O   -   O      -       -     S       -
            ORGANISATION_REPORTS  WRITE    S   S    S    -     O   -   O      -       -     -       -
            ORGANISATION_REPORTS  APPROVE  S   S    S    -     -   -   -      -       -     -       -
            ORGANISATIONS         READ     S   S    S    S     S   -   S      S       S     S       S
            ORGANISATIONS         EXPORT   S   S    S    S     S   -   S      S       S     S       S
            ORGANISATIONS         WRITE    S   S    S    -     -   -   -      -       -     -       -
            ORGANISATIONS         APPROVE  S   S    -    -     -   -   -      -       -     -       -
            TITLE_DOSSIER         READ     S   S    S    S     O   O   -      -       S     S       S
            TITLE_DOSSIER         EXPORT   S   S    S    S     O   O   -      -       S     S       -
            TITLE_DOSSIER         WRITE    S   S    S    S     O   O   -      -       S     -       -
            TITLE_DOSSIER         APPROVE  S   S    S    S     -   -   -      -       S     -       -
            CENTRE_RECORDS        READ     S   S    S    -     -   -   O      -       -     S       S
            CENTRE_RECORDS        EXPORT   S   S    S    -     -   -   O      -       -     S       -
            CENTRE_RECORDS        WRITE    S   S    S    -     -   -   O      -       -     -       -
            CENTRE_RECORDS        APPROVE  S   S    S    -     -   -   -      -       -     -       -
            LEARNING_RECORD       READ     S   S    S    -     O   O   O      -       -     -       -
            LEARNING_RECORD       EXPORT   S   S    S    -     O   O   O      -       -     -       -
            LEARNING_RECORD       WRITE    S   S    S    -     O   O   O      -       -     -       -
            LEARNING_RECORD       APPROVE  S   S    S    -     O   -   O      -       -     -       -
            FUND_RECORDS          READ     S   S    S    S     -   O   -      S       S     S       S
            FUND_RECORDS          EXPORT   S   S    S    S     -   O   -      S       S     S       S
            FUND_RECORDS          WRITE    -   -    -    -     -   -   -      S       S     -       -
            FUND_RECORDS          APPROVE  -   -    -    -     -   -   -      -       S     -       -
            PLANS_AND_INSPECTION  READ     S   S    S    S     O   -   O      -       S     S       S
            PLANS_AND_INSPECTION  EXPORT   S   S    S    S     -   -   -      -       S     S       S
            PLANS_AND_INSPECTION  WRITE    S   S    S    -     O   -   O      -       -     -       S
            PLANS_AND_INSPECTION  APPROVE  S   S    S    -     -   -   -      -       -     -       -
            GNLC_EVIDENCE         READ     S   S    S    S     -   -   -      -       S     S       -
            GNLC_EVIDENCE         EXPORT   S   S    S    -     -   -   -      -       -     S       -
            GNLC_EVIDENCE         WRITE    S   S    S    -     -   -   -      -       -     -       -
            GNLC_EVIDENCE         APPROVE  S   S    -    -     -   -   -      -       -     -       -
            DATA_SUBJECT_REQUESTS READ     S   S    S    O     O   O   O      O       O     S       O
            DATA_SUBJECT_REQUESTS EXPORT   S   S    S    -     -   -   -      -       -     S       -
            DATA_SUBJECT_REQUESTS WRITE    O   O    O    O     O   O   O      O       O     O       O
            DATA_SUBJECT_REQUESTS APPROVE  S   S    S    -     -   -   -      -       -     -       -
            AUDIT                 READ     S   -    -    -     -   -   -      -       -     S       -
            AUDIT                 EXPORT   S   -    -    -     -   -   -      -       -     S       -
            AUDIT                 WRITE    -   -    -    -     -   -   -      -       -     -       -
            AUDIT                 APPROVE  -   -    -    -     -   -   -      -       -     -       -
            ADMINISTRATION        READ     S   -    -    -     -   -   -      -       -     -       -
            ADMINISTRATION        EXPORT   S   -    -    -     -   -   -      -       -     -       -
            ADMINISTRATION        WRITE    S   -    -    -     -   -   -      -       -     -       -
            ADMINISTRATION        APPROVE  S   -    -    -     -   -   -      -       -     -       -
            """;

    private static final Map<Role, Map<DataKind, Map<AccessAction, Grant>>> CELLS = parse(TABLE);

    private AccessMatrix() {
    }

    /** The cell for a signed-in role. */
    public static Grant grant(Role role, DataKind kind, AccessAction action) {
        return CELLS.get(role).get(kind).get(action);
    }

    /** The cell for someone who is not signed in: public data only. */
    public static Grant anonymous(DataKind kind, AccessAction action) {
        return kind == DataKind.PUBLIC && action != AccessAction.APPROVE ? Grant.SCOPE : Grant.NONE;
    }

    /**
     * The matrix as a Markdown table for README and docs/architecture.md (kept identical by a test): one row per kind of
     * data, one column per role; a cell has one letter per action — R read, E export, W write, A approve — upper case
     * within the user's units, lower case for own data only, "·" refused.
     */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("| kind of data |");
        for (Role r : Role.values()) sb.append(' ').append(r.name()).append(" |");
        sb.append("\n|---|");
        for (int i = 0; i < Role.values().length; i++) sb.append(":-:|");
        sb.append('\n');
        for (DataKind k : DataKind.values()) {
            sb.append("| ").append(k.name()).append(" |");
            for (Role r : Role.values()) {
                sb.append(" `");
                for (AccessAction a : AccessAction.values()) {
                    Grant g = grant(r, k, a);
                    char c = a.name().charAt(0);
                    sb.append(g == Grant.SCOPE ? c : g == Grant.OWN ? Character.toLowerCase(c) : '·');
                }
                sb.append("` |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static Map<Role, Map<DataKind, Map<AccessAction, Grant>>> parse(String table) {
        Map<Role, Map<DataKind, Map<AccessAction, Grant>>> cells = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            Map<DataKind, Map<AccessAction, Grant>> byKind = new EnumMap<>(DataKind.class);
            for (DataKind k : DataKind.values()) byKind.put(k, new EnumMap<>(AccessAction.class));
            cells.put(r, byKind);
        }
        Role[] roles = Role.values();
        int lineNo = 0;
        for (String line : table.split("\n")) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] f = t.split("\\s+");
            if (f.length != 2 + roles.length) {
                throw new IllegalStateException("access matrix line " + lineNo + ": " + f.length + " fields, expected "
                        + (2 + roles.length));
            }
            DataKind kind = DataKind.valueOf(f[0]);
            AccessAction action = AccessAction.valueOf(f[1]);
            for (int i = 0; i < roles.length; i++) {
                Grant g = switch (f[2 + i]) {
                    case "S" -> Grant.SCOPE;
                    case "O" -> Grant.OWN;
                    case "-" -> Grant.NONE;
                    default -> throw new IllegalStateException("access matrix line " + lineNo + ": cell " + f[2 + i]);
                };
                if (cells.get(roles[i]).get(kind).put(action, g) != null) {
                    throw new IllegalStateException("access matrix line " + lineNo + ": " + kind + " " + action + " twice");
                }
            }
        }
        for (Role r : roles) {
            for (DataKind k : DataKind.values()) {
                for (AccessAction a : AccessAction.values()) {
                    if (!cells.get(r).get(k).containsKey(a)) {
                        throw new IllegalStateException("access matrix: no cell for " + r + " × " + k + " × " + a);
                    }
                }
            }
        }
        return cells;
    }
}
