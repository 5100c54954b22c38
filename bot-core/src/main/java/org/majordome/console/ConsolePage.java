package org.majordome.console;

/**
 * One page of the operator console, served under {@code /console/<path>} inside the shared layout (navigation,
 * logout, the operator's name). Pages are Spring beans; the console lists them in the navigation in the order of
 * {@link #order()}. A page checks {@link Operator#mayManage} itself for every room it shows or acts on.
 */
public interface ConsolePage {

    /** The page's path segment, e.g. {@code cases} (no slash). */
    String path();

    /** The navigation label and the page's title. */
    String title();

    /** Where the page comes in the navigation (lower first). */
    default int order() {
        return 100;
    }

    /**
     * Whether the navigation links this page for this operator (a page only bot admins may open is not offered to a
     * room owner). Only the navigation: the page still checks every request itself.
     */
    default boolean listedFor(Operator operator) {
        return true;
    }

    /** The page's content for a GET, built only from {@link Html}. */
    Html get(ConsoleRequest request) throws ConsoleDenied;

    /**
     * An action (a POST whose CSRF token was already checked). Returns the path, under {@code /console/}, to redirect
     * to afterwards (e.g. {@code cases/42?done=undone}), so that reloading the page never repeats the action.
     */
    default String post(ConsoleRequest request) throws ConsoleDenied {
        throw new ConsoleDenied(405, request.text("console.error.no-actions"));
    }
}
