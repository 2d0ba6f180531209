package vn.hoctap.titles.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List v1.0 (Recommendation, 15 May 2025) of one bit per credential (statusSize 1, purpose
 * "revocation"): §2.2 "the uncompressed bitstring MUST be at least 16KB" (131,072 entries, the size used here),
 * §3.1 "the first index, with a value of zero (0), is located at the left-most bit" (the most significant bit of the
 * first byte), and §3.2 encoding: GZIP, then Multibase base64url without padding ("u" prefix).
 */
public final class BitstringStatusList {
    public static final int SIZE = 131_072;
    private final byte[] bits;

    public BitstringStatusList() {
        this.bits = new byte[SIZE / 8];
    }

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    public BitstringStatusList set(int index) {
        check(index);
        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        return this;
    }

    public boolean get(int index) {
        check(index);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    private void check(int index) {
        if (index < 0 || index >= bits.length * 8) throw new IndexOutOfBoundsException("status list index " + index);
    }

    /** The {@code encodedList}: "u" + base64url(GZIP(bitstring)), no padding. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Decodes an {@code encodedList}; refuses another multibase prefix or a list shorter than 16 KB. */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) throw new IllegalArgumentException("encodedList must be multibase base64url ('u')");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList.substring(1))))) {
            byte[] b = in.readAllBytes();
            if (b.length * 8 < SIZE) throw new IllegalArgumentException("status list shorter than 131,072 entries");
            return new BitstringStatusList(b);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP: " + e.getMessage(), e);
        }
    }
}
