package org.majordome.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.majordome.api.console.ConsoleFilter;
import org.majordome.api.console.ConsoleSection;
import org.majordome.api.text.Wording;

/** The filter form above a section's list: a GET form, one labelled field per filter, the values kept. */
final class SectionForms {

    private SectionForms() {
    }

    /** The form in the operator's language: the section's labels ({@link ConsoleSection#filters(Locale)}) and ours. */
    static Html filters(ConsoleSection section, Map<String, String> values, Locale language) {
        List<ConsoleFilter> filters = section.filters(language);
        if (filters.isEmpty()) {
            return Html.empty();
        }
        Wording words = ConsoleRequest.words(language);
        List<Html> fields = new ArrayList<>();
        for (ConsoleFilter filter : filters) {
            String id = "filter-" + filter.name();
            String value = values.getOrDefault(filter.name(), "");
            Html input = switch (filter.kind()) {
                case TEXT -> Html.format("<input type=\"text\" id=\"{}\" name=\"{}\" value=\"{}\">", id, filter.name(),
                        value);
                case DATE -> Html.format("<input type=\"date\" id=\"{}\" name=\"{}\" value=\"{}\">", id, filter.name(),
                        value);
                case CHOICE -> choice(id, filter, value, words.format("console.filter.any"));
            };
            fields.add(Html.format("<label for=\"{}\">{}</label> {}\n", id, filter.label(), input));
        }
        return Html.format("<form method=\"get\" action=\"{}\" role=\"search\" aria-label=\"{}\">\n{}"
                        + "<button type=\"submit\">{}</button></form>\n",
                PageParts.ROOT + "sections/" + section.id(), words.format("console.filter.filters"), Html.of(fields),
                words.format("console.filter.submit"));
    }

    private static Html choice(String id, ConsoleFilter filter, String value, String any) {
        List<Html> options = new ArrayList<>();
        options.add(Html.format("<option value=\"\">{}</option>", any));
        for (String choice : filter.choices()) {
            options.add(Html.format(choice.equals(value) ? "<option selected>{}</option>" : "<option>{}</option>",
                    choice));
        }
        return Html.format("<select id=\"{}\" name=\"{}\">{}</select>", id, filter.name(), Html.of(options));
    }
}
