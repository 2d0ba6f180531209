package vn.hoctap.titles.core;

/**
 * Where a credential's revocation bit lives (W3C Bitstring Status List v1.0, §2.1 BitstringStatusListEntry):
 * {@code index} in the list credential published at {@code statusListCredential}.
 */
public record StatusEntry(String statusListCredential, int index) {
    public StatusEntry {
        if (index < 0 || index >= BitstringStatusList.SIZE) throw new IllegalArgumentException("index outside 0…" + (BitstringStatusList.SIZE - 1));
    }
}
