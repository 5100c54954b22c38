package org.majordome.console;

import org.majordome.store.Database;

/** Where the console keeps its one-time login links and its sessions. */
public final class LoginStore {

    final LoginRecords links;
    final LoginRecords sessions;

    private LoginStore(LoginRecords links, LoginRecords sessions) {
        this.links = links;
        this.sessions = sessions;
    }

    /** In the bot's database: they hold across a restart, and on every instance of a cluster. */
    public static LoginStore in(Database database) {
        return new LoginStore(new DatabaseLoginRecords(database, "link"),
                new DatabaseLoginRecords(database, "session"));
    }

    /** In this process only: a restart logs everyone out. */
    public static LoginStore inMemory() {
        return new LoginStore(LoginRecords.inMemory(), LoginRecords.inMemory());
    }
}
