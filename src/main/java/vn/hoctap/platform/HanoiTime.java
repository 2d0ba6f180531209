package vn.hoctap.platform;

import java.time.LocalDate;
import java.time.ZoneId;

/** Hà Nội's time zone (UTC+7): "today" and day boundaries are taken there. */
public final class HanoiTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private HanoiTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
