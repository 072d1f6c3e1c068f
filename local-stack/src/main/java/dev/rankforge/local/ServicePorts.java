package dev.rankforge.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** HTTP ports of the four services. */
public record ServicePorts(int data, int trainer, int attack, int eval) {

    /** The documented defaults 8081..8084. */
    public static ServicePorts standard() {
        return from(8081);
    }

    /** Four consecutive ports starting at {@code base}. */
    public static ServicePorts from(int base) {
        return new ServicePorts(base, base + 1, base + 2, base + 3);
    }

    public java.util.List<Integer> all() {
        return java.util.List.of(data, trainer, attack, eval);
    }

    /** Four ports the operating system reports free right now (for tests). */
    public static ServicePorts free() {
        return new ServicePorts(freePort(), freePort(), freePort(), freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
