package vn.hoctap.accounts;

/** What a cell of the access matrix grants. */
public enum Grant {
    /** Không được phép. */
    NONE,
    /**
     * Chỉ dữ liệu của chính mình: the user's own dossier, own organisation, own centre, own record; the service
     * that serves the data must filter to the rows linked to the user's account.
     */
    OWN,
    /** Mọi dữ liệu thuộc địa bàn được giao: everything within the user's unit scopes. */
    SCOPE
}
