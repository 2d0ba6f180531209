package vn.hoctap.cycle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Tài liệu kèm theo: files attached to a plan, an inspection finding (evidence photos), a decision or the national
 * title. At most 5 MB each; PDF, images, Word, Excel, OpenDocument and text only. The caller has checked the owner's
 * access; reading a file checks the unit it belongs to.
 */
@Service
public class Documents {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final List<String> TYPES = List.of("application/pdf", "image/jpeg", "image/png", "image/webp", "image/heic",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.oasis.opendocument.text",
            "text/plain");

    /** A stored file (without its content). */
    public record Document(long id, String ownerKind, long ownerId, String fileName, String contentType, int size, String sha256) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;

    Documents(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    /** Stores a file for an owner the caller may write; inside the caller's transaction. */
    long store(String ownerKind, long ownerId, String unitCode, String fileName, String contentType, byte[] content) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ValidationException.of("file", "cycle.error.file-name");
        }
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw ValidationException.of("file", "cycle.error.file-size");
        }
        // the real type from the content (Apache Tika), which must be the declared type and the extension's: HTML declared as
        // PDF is refused
        String type = vn.hoctap.platform.FileTypes.require("file", content, contentType, name, TYPES, "cycle.error.file-type");
        String sha = sha256(content);
        Long id = jdbc.queryForObject("""
                insert into cycle_document (owner_kind, owner_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, ownerKind, ownerId, name, type, content.length, sha,
                content, guard.requireUser().username());
        audit.record("attach", "cycle_document", String.valueOf(id), unitCode, null,
                Map.of("owner", ownerKind + ":" + ownerId, "file", name, "sha256", sha, "bytes", content.length), null);
        return id;
    }

    public List<Document> of(String ownerKind, long ownerId) {
        return jdbc.query("select id, owner_kind, owner_id, file_name, content_type, size_bytes, sha256 from cycle_document"
                + " where owner_kind = ? and owner_id = ? order by id", (rs, i) -> new Document(rs.getLong(1), rs.getString(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)), ownerKind, ownerId);
    }

    /** A file's metadata and bytes, for a user who may read the unit its owner belongs to. */
    public Map.Entry<Document, byte[]> read(long id) {
        List<Map.Entry<Document, byte[]>> found = jdbc.query("select * from cycle_document where id = ?", (rs, i) -> Map.entry(
                new Document(rs.getLong("id"), rs.getString("owner_kind"), rs.getLong("owner_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256")), rs.getBytes("content")), id);
        if (found.isEmpty()) {
            throw new NotFoundException("cycle.error.not-found", id);
        }
        Document d = found.get(0).getKey();
        String unit = switch (d.ownerKind()) {
            case "plan" -> jdbc.queryForObject("select unit_code from cycle_plan where id = ?", String.class, d.ownerId());
            case "finding" -> jdbc.queryForObject("select v.unit_code from cycle_finding f join cycle_visit v on v.id = f.visit_id"
                    + " where f.id = ?", String.class, d.ownerId());
            case "decision" -> jdbc.queryForObject("select unit_code from cycle_decision where id = ?", String.class, d.ownerId());
            default -> "01";
        };
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ, unit);
        return found.get(0);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
