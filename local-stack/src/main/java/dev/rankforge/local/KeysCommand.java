package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rankforge keys create | list | revoke}: the fleet's API keys, managed through eval-service with an admin key
 * (the stack's own by default). A created key is printed once; every service accepts it.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys (admin).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code rankforge keys create --name N --team T --roles viewer,researcher}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key; it is shown once.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "Who or what the key is for.")
        String name;

        @Option(names = "--team", required = true, description = "The team that owns what the key creates.")
        String team;

        @Option(names = "--roles", required = true, split = ",",
                description = "viewer, researcher, attacker and/or admin (comma-separated).")
        List<String> roles;

        @Mixin
        StackConnection connection;

        @Override
        public Integer call() throws Exception {
            JsonNode key = connection.client().postJson(connection.evalUrl() + "/api-keys",
                    Map.of("name", name, "team", team, "roles", roles));
            System.out.println("Key " + key.path("id").asText() + " for " + name + " (team " + team + ", roles "
                    + String.join(",", roles) + "):");
            System.out.println(key.path("key").asText());
            System.out.println("It is shown this once; send it as X-Rankforge-Key (or RANKFORGE_KEY for this CLI).");
            return 0;
        }
    }

    /** {@code rankforge keys list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never the keys themselves).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        StackConnection connection;

        @Override
        public Integer call() throws Exception {
            System.out.printf("%-36s  %-16s  %-12s  %-28s  %s%n", "id", "name", "team", "roles", "state");
            for (JsonNode k : connection.client().get(connection.evalUrl() + "/api-keys")) {
                List<String> roles = new java.util.ArrayList<>();
                k.path("roles").forEach(r -> roles.add(r.asText()));
                System.out.printf("%-36s  %-16s  %-12s  %-28s  %s%n", k.path("id").asText(), k.path("name").asText(),
                        k.path("team").asText(), String.join(",", roles),
                        k.path("revokedAt").isNull() || k.path("revokedAt").isMissingNode() ? "active"
                                : "revoked " + k.path("revokedAt").asText());
            }
            return 0;
        }
    }

    /** {@code rankforge keys revoke ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "A key id, as `keys list` shows it.")
        String id;

        @Mixin
        StackConnection connection;

        @Override
        public Integer call() throws Exception {
            connection.client().delete(connection.evalUrl() + "/api-keys/" + id);
            System.out.println("Key " + id + " revoked; every service refuses it within 30 s.");
            return 0;
        }
    }
}
