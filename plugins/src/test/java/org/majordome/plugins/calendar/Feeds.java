package org.majordome.plugins.calendar;

/** iCalendar feeds the calendar tests share. */
final class Feeds {

    private Feeds() {
    }

    /**
     * A team meeting every Monday at 09:00 Paris time from 2025-01-06 (a VTIMEZONE with its DST rules), except on
     * 2025-01-20 (EXDATE); the 2025-01-27 meeting moved to 14:00 (RECURRENCE-ID). Plus an all-day holiday on
     * 2025-01-08 and a one-off call at 2025-01-07T16:00Z.
     */
    static final String TEAM = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Majordome tests//EN
            BEGIN:VTIMEZONE
            TZID:Europe/Paris
            BEGIN:DAYLIGHT
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            TZNAME:CEST
            DTSTART:19700329T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            BEGIN:STANDARD
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            TZNAME:CET
            DTSTART:19701025T030000
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:weekly-meeting@example.org
            DTSTAMP:20250101T000000Z
            DTSTART;TZID=Europe/Paris:20250106T090000
            DTEND;TZID=Europe/Paris:20250106T100000
            RRULE:FREQ=WEEKLY;BYDAY=MO
            EXDATE;TZID=Europe/Paris:20250120T090000
            SUMMARY:Team meeting
            LOCATION:Garden room
            END:VEVENT
            BEGIN:VEVENT
            UID:weekly-meeting@example.org
            DTSTAMP:20250101T000000Z
            RECURRENCE-ID;TZID=Europe/Paris:20250127T090000
            DTSTART;TZID=Europe/Paris:20250127T140000
            DTEND;TZID=Europe/Paris:20250127T150000
            SUMMARY:Team meeting (afternoon)
            END:VEVENT
            BEGIN:VEVENT
            UID:holiday@example.org
            DTSTAMP:20250101T000000Z
            DTSTART;VALUE=DATE:20250108
            SUMMARY:Office closed
            END:VEVENT
            BEGIN:VEVENT
            UID:call@example.org
            DTSTAMP:20250101T000000Z
            DTSTART:20250107T160000Z
            DURATION:PT30M
            SUMMARY:Call with the printer
            END:VEVENT
            END:VCALENDAR
            """.replace("\n", "\r\n");

    /** A VEVENT of one hour at {@code start} (UTC, basic format), with CRLF line ends. */
    static String event(String uid, String summary, String start) {
        return ("""
                BEGIN:VEVENT
                UID:%s
                DTSTAMP:20250101T000000Z
                DTSTART:%s
                DURATION:PT1H
                SUMMARY:%s
                END:VEVENT
                """).formatted(uid, start, summary).replace("\n", "\r\n");
    }

    /** One event at {@code start} (UTC, iCalendar basic format like 20250101T120000Z). */
    static String single(String uid, String summary, String start) {
        return ("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Majordome tests//EN
                BEGIN:VEVENT
                UID:%s
                DTSTAMP:20250101T000000Z
                DTSTART:%s
                DURATION:PT1H
                SUMMARY:%s
                END:VEVENT
                END:VCALENDAR
                """).formatted(uid, start, summary).replace("\n", "\r\n");
    }
}
