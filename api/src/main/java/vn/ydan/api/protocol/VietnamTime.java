package vn.ydan.api.protocol;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Vietnam's time zone, the one place the api names it: "today" is Vietnam's today (a
 * query without {@code asOf} at 01:00 on 1 July in Hanoi sees the units of 1 July,
 * whatever the server's time zone), and dates and times shown to people (exports, the
 * audit log's days) are Vietnam's. Every module uses it from here.
 */
public final class VietnamTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private VietnamTime() {
	}

	/** Vietnam's date at the clock's instant. */
	public static LocalDate today(Clock clock) {
		return LocalDate.ofInstant(clock.instant(), ZONE);
	}

}
