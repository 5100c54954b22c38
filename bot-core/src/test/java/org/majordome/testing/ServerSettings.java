package org.majordome.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One test class's server settings, for every kind of server: what means the same on each (server admins)
 * is said once, what only one server knows goes into that server's builder.
 */
public final class ServerSettings {

    private final List<String> admins = new ArrayList<>();
    private UnaryOperator<ProsodyServer.Builder> prosody = UnaryOperator.identity();
    private UnaryOperator<EjabberdServer.Builder> ejabberd = UnaryOperator.identity();

    private ServerSettings() {
    }

    /** The default test configuration of each server. */
    public static ServerSettings defaults() {
        return new ServerSettings();
    }

    /**
     * Server admins ({@code user@localhost}): Prosody's {@code admins}, ejabberd's {@code admin} ACL with
     * {@code access_admin}; on both they are owners of every room (XEP-0045 §5.1).
     */
    public ServerSettings admins(String... users) {
        admins.addAll(List.of(users));
        return this;
    }

    /**
     * Rooms offer XEP-0425 message moderation where the server can: Prosody loads {@code mod_muc_moderation}
     * (failing with an install hint when {@code prosody-modules} is missing, see
     * {@link ProsodyServer.Builder#messageModeration()}); ejabberd 23.01 has no XEP-0425 at all (it came in
     * 23.04), so its rooms stay without it and a test asserts the fallback there.
     */
    public ServerSettings messageModeration() {
        return prosody(ProsodyServer.Builder::messageModeration);
    }

    /** Settings only Prosody has, e.g. {@code b -> b.mucConfig("muc_tombstones = false")}. */
    public ServerSettings prosody(UnaryOperator<ProsodyServer.Builder> settings) {
        UnaryOperator<ProsodyServer.Builder> before = prosody;
        prosody = builder -> settings.apply(before.apply(builder));
        return this;
    }

    /** Settings only ejabberd has, e.g. {@code b -> b.mucConfig("history_size: 5")}. */
    public ServerSettings ejabberd(UnaryOperator<EjabberdServer.Builder> settings) {
        UnaryOperator<EjabberdServer.Builder> before = ejabberd;
        ejabberd = builder -> settings.apply(before.apply(builder));
        return this;
    }

    /**
     * HTTP binding (BOSH) on a free loopback port besides c2s, its URL in {@link XmppServer#boshUrl()}: Prosody's
     * {@code mod_bosh}, ejabberd's {@code ejabberd_http} listener with {@code mod_bosh}.
     */
    public ServerSettings bosh() {
        return prosody(ProsodyServer.Builder::bosh).ejabberd(EjabberdServer.Builder::bosh);
    }

    /**
     * Users ({@code user@localhost}) who may create nodes on the publish-subscribe service
     * ({@link XmppServer#pubsubService()}): Prosody lets only the admins of its {@code pubsub} component create
     * nodes, so they become that component's admins; ejabberd lets every local user create nodes
     * ({@code access_createnode}), so there it changes nothing.
     */
    public ServerSettings pubsubOwners(String... users) {
        return prosody(builder -> builder.pubsubOwners(users));
    }

    /** A server of this kind with these settings, not started yet. */
    public XmppServer build(ServerKind kind) {
        String[] adminUsers = admins.toArray(String[]::new);
        return switch (kind) {
            case PROSODY -> prosody.apply(adminUsers.length == 0 ? ProsodyServer.builder()
                    : ProsodyServer.builder().admins(adminUsers)).build();
            case EJABBERD -> ejabberd.apply(EjabberdServer.builder().admins(adminUsers)).build();
        };
    }
}
