package org.majordome.plugins.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static List<Occurrence> team(String from, String to) throws Exception {
        return FeedParser.occurrences("team", FeedParser.parse(Feeds.TEAM), PARIS, Instant.parse(from),
                Instant.parse(to));
    }

    @Test
    void aWeeklyEventSkipsItsExdateAndHonoursItsMovedInstance() throws Exception {
        List<Occurrence> meetings = team("2025-01-01T00:00:00Z", "2025-02-04T00:00:00Z").stream()
                .filter(occurrence -> occurrence.uid().equals("weekly-meeting@example.org")).toList();

        assertThat(meetings).extracting(Occurrence::start).containsExactly(
                Instant.parse("2025-01-06T08:00:00Z"), Instant.parse("2025-01-13T08:00:00Z"),
                Instant.parse("2025-01-27T13:00:00Z"), Instant.parse("2025-02-03T08:00:00Z"));
        Occurrence moved = meetings.get(2);
        assertThat(moved.summary()).isEqualTo("Team meeting (afternoon)");
        assertThat(moved.instance()).as("the moved instance keeps its identity").isEqualTo(Instant.parse("2025-01-27T08:00:00Z"));
        assertThat(moved.location()).contains("Garden room");
        assertThat(meetings.get(0).end()).isEqualTo(Instant.parse("2025-01-06T09:00:00Z"));
    }

    @Test
    void aWeeklyEventKeepsItsWallClockTimeAcrossDaylightSaving() throws Exception {
        List<Occurrence> meetings = team("2025-03-20T00:00:00Z", "2025-04-05T00:00:00Z");

        assertThat(meetings).extracting(Occurrence::start).containsExactly(
                Instant.parse("2025-03-24T08:00:00Z"), Instant.parse("2025-03-31T07:00:00Z"));
    }

    @Test
    void allDayAndUtcEventsAreRead() throws Exception {
        List<Occurrence> week = team("2025-01-07T00:00:00Z", "2025-01-09T00:00:00Z");

        assertThat(week).extracting(Occurrence::summary).containsExactly("Call with the printer", "Office closed");
        Occurrence call = week.get(0);
        assertThat(call.start()).isEqualTo(Instant.parse("2025-01-07T16:00:00Z"));
        assertThat(call.end()).isEqualTo(Instant.parse("2025-01-07T16:30:00Z"));
        assertThat(call.allDay()).isFalse();
        Occurrence holiday = week.get(1);
        assertThat(holiday.allDay()).isTrue();
        assertThat(holiday.start()).isEqualTo(Instant.parse("2025-01-07T23:00:00Z"));
        assertThat(holiday.end()).isEqualTo(Instant.parse("2025-01-08T23:00:00Z"));
    }

    @Test
    void aCancelledEventHasNoInstances() throws Exception {
        String cancelled = Feeds.single("gone@example.org", "Gone", "20250110T100000Z")
                .replace("SUMMARY:Gone", "SUMMARY:Gone\r\nSTATUS:CANCELLED");

        assertThat(FeedParser.occurrences("f", FeedParser.parse(cancelled), ZoneOffset.UTC,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void garbageIsAMalformedFeed() {
        assertThatThrownBy(() -> FeedParser.parse("<html>Not found</html>"))
                .isInstanceOf(FeedParser.MalformedFeedException.class);
    }
}
