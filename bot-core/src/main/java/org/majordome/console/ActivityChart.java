package org.majordome.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.majordome.api.text.Wording;

/**
 * A bar chart of hourly counts as inline SVG, built from {@link Html}: SVG presentation attributes only (the
 * console's Content Security Policy forbids inline style), a title for assistive technology, a label per day.
 */
final class ActivityChart {

    private static final int BAR = 4;
    private static final int HEIGHT = 120;
    private static final int LEFT = 40;
    private static final int BOTTOM = 20;

    private ActivityChart() {
    }

    /** @param w the operator's language: the days' labels, the bars' hours and the caption */
    static Html bars(Wording w, String id, String title, long[] counts, long firstHour, String colour) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern(w.format("console.activity.day-format"), w.language())
                .withZone(ZoneOffset.UTC);
        long max = 1;
        for (long count : counts) {
            max = Math.max(max, count);
        }
        int width = LEFT + counts.length * BAR + 10;
        List<Html> parts = new ArrayList<>();
        parts.add(Html.format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#666\" stroke-width=\"1\"/>",
                LEFT, HEIGHT, width - 10, HEIGHT));
        parts.add(Html.format("<text x=\"2\" y=\"12\" font-size=\"10\" fill=\"#333\">{}</text>", max));
        parts.add(Html.format("<text x=\"2\" y=\"{}\" font-size=\"10\" fill=\"#333\">0</text>", HEIGHT));
        for (int i = 0; i < counts.length; i++) {
            long hour = firstHour + i;
            if (hour % 24 == 0) {
                int x = LEFT + i * BAR;
                parts.add(Html.format("<line x1=\"{}\" y1=\"0\" x2=\"{}\" y2=\"{}\" stroke=\"#ccc\" stroke-width=\"1\"/>",
                        x, x, HEIGHT));
                parts.add(Html.format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#333\">{}</text>", x + 2,
                        HEIGHT + 14, day.format(Instant.ofEpochSecond(hour * 3600))));
            }
            if (counts[i] > 0) {
                int height = (int) Math.max(1, Math.round((double) counts[i] * (HEIGHT - 10) / max));
                parts.add(Html.format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>",
                        LEFT + i * BAR, HEIGHT - height, BAR - 1, height, colour,
                        w.moment(Instant.ofEpochSecond(hour * 3600)), counts[i]));
            }
        }
        return Html.format("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{}\" "
                        + "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\"><title id=\"{}\">{}</title>{}</svg>"
                        + "<figcaption>{}</figcaption></figure>\n",
                id, width, HEIGHT + BOTTOM, width, HEIGHT + BOTTOM, id, title, Html.of(parts),
                w.format("console.activity.highest", title, max));
    }
}
