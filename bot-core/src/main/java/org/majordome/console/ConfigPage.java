package org.majordome.console;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.majordome.config.BotConfig;

/**
 * The configuration page ({@code /console/config}, bot admins only): the configuration in force with every secret
 * masked ({@link ConfigView}), and a reload in two steps. The first POST ({@code action=check}) leads to
 * {@code config/reload}, which validates the file as {@code check-config} does and says what would change, applying
 * nothing; only the second POST ({@code action=apply}) applies it, and only if the file is still the one checked.
 */
public final class ConfigPage implements ConsolePage {

    private final Supplier<BotConfig> current;
    private final Reloads reloads;
    /** The report of the last reload applied from the console, shown once after it. */
    private volatile Optional<Reloads.Report> applied = Optional.empty();

    public ConfigPage(Supplier<BotConfig> current, Reloads reloads) {
        this.current = current;
        this.reloads = reloads;
    }

    @Override
    public String path() {
        return "config";
    }

    @Override
    public String title() {
        return "Configuration";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public boolean listedFor(Operator operator) {
        return operator.botAdmin();
    }

    @Override
    public Html get(ConsoleRequest request) throws ConsoleDenied {
        RoomAccess.requireBotAdmin(request);
        BotConfig config = current.get();
        if (request.subPath().equals("reload")) {
            return check(request, config);
        }
        if (!request.subPath().isEmpty()) {
            throw new ConsoleDenied(404, request.text("console.error.no-page"));
        }
        Html last = request.param("reloaded").isPresent() ? applied.map(report -> Html.format(
                "<section aria-labelledby=\"applied-heading\" role=\"status\"><h2 id=\"applied-heading\">{}</h2>{}"
                        + "</section>", request.text(report.acceptable() ? "console.config.reloaded"
                        : "console.config.rejected"), lines(request, report))).orElse(Html.empty()) : Html.empty();
        return Html.format("{}<p>{} <code>{}</code>. {}</p>"
                        + "<form method=\"post\" action=\"config\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">"
                        + "<button type=\"submit\" name=\"action\" value=\"check\">{}</button>"
                        + "</form><section aria-labelledby=\"effective-heading\" class=\"config\">"
                        + "<h2 id=\"effective-heading\">{}</h2>{}</section>",
                last, request.text("console.config.in-force"), config.source().toString(),
                request.text("console.config.masked"), request.csrfToken(), request.text("console.config.check"),
                request.text("console.config.effective"), ConfigView.render(config, request.words()));
    }

    private Html check(ConsoleRequest request, BotConfig config) throws ConsoleDenied {
        String digest = digest(request, config);
        Reloads.Report report = reloads.check(request.words());
        Html apply = report.acceptable() ? Html.format("<form method=\"post\" action=\"../config\">"
                        + "<input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" name=\"digest\" "
                        + "value=\"{}\"><button type=\"submit\" name=\"action\" value=\"apply\">{}</button></form>",
                        request.csrfToken(), digest, request.text("console.config.apply"))
                : Html.format("<p>{}</p>", request.text("console.config.cannot-apply"));
        return Html.format("<section aria-labelledby=\"check-heading\"><h2 id=\"check-heading\">{}</h2>{}</section>"
                        + "{}<p><a href=\"../config\">{}</a></p>",
                request.text(report.acceptable() ? "console.config.valid" : "console.config.problems"),
                lines(request, report), apply, request.text("console.config.back"));
    }

    @Override
    public String post(ConsoleRequest request) throws ConsoleDenied {
        RoomAccess.requireBotAdmin(request);
        String action = request.param("action").orElse("");
        if (action.equals("check")) {
            return "config/reload";
        }
        if (!action.equals("apply")) {
            throw new ConsoleDenied(400, request.text("console.error.unknown-action"));
        }
        Optional<String> checked = request.param("digest");
        if (checked.isEmpty()) {
            throw new ConsoleDenied(400, request.text("console.config.check-first"));
        }
        if (!checked.get().equals(digest(request, current.get()))) {
            throw new ConsoleDenied(409, request.text("console.config.changed"));
        }
        applied = Optional.of(reloads.apply(request.words()));
        return "config?reloaded=1";
    }

    private static Html lines(ConsoleRequest request, Reloads.Report report) {
        return report.lines().isEmpty() ? Html.format("<p>{}</p>", request.text("console.config.no-change")) : Html.format("<ul>{}</ul>",
                Html.of(report.lines().stream().map(line -> Html.format("<li>{}</li>", ConfigView.masked(line)))
                        .toList()));
    }

    /** The file's SHA-256 now: what the apply step compares with the one checked. */
    private static String digest(ConsoleRequest request, BotConfig config) throws ConsoleDenied {
        try {
            byte[] bytes = Files.readAllBytes(config.source());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            throw new ConsoleDenied(409, request.text("console.config.unreadable", String.valueOf(e.getMessage())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
