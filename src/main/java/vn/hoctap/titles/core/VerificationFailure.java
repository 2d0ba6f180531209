package vn.hoctap.titles.core;

/** Why a credential does not verify. */
public enum VerificationFailure {
    MALFORMED("Chứng nhận không đúng định dạng", "Malformed credential"),
    UNKNOWN_KEY("Không tìm thấy khóa công khai của đơn vị cấp", "Signing key not in the published key set"),
    SIGNATURE_INVALID("Chữ ký không hợp lệ (chứng nhận đã bị sửa hoặc không do đơn vị này cấp)", "Signature invalid"),
    WRONG_ISSUER("Đơn vị cấp không đúng", "Wrong issuer"),
    CLAIMS_MISMATCH("Thông tin JWT không khớp với nội dung chứng nhận", "JWT claims do not match the credential"),
    NOT_YET_VALID("Chứng nhận chưa có hiệu lực", "Not yet valid"),
    EXPIRED("Chứng nhận đã hết hạn", "Expired"),
    REVOKED("Danh hiệu đã bị thu hồi", "Revoked");

    private final String vi;
    private final String en;

    VerificationFailure(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String messageVi() { return vi; }

    public String messageEn() { return en; }
}
