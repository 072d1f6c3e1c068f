package dev.rankforge.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses to start a stack on ports that are taken, naming the port and, on Linux, the process listening on it
 * (found through {@code /proc/net/tcp*} and the processes' socket descriptors).
 */
public final class PortCheck {
    private PortCheck() {
    }

    /** Thrown when a needed port is taken; its message says which and by what. */
    public static final class PortTakenException extends IOException {
        PortTakenException(String message) {
            super(message);
        }
    }

    public static void requireFree(List<Integer> ports) throws PortTakenException {
        List<String> taken = new ArrayList<>();
        for (int port : ports) {
            if (!isFree(port)) {
                taken.add("port " + port + " is in use" + holder(port).map(h -> " by " + h).orElse(""));
            }
        }
        if (!taken.isEmpty()) {
            throw new PortTakenException(String.join("; ", taken)
                    + ". Stop what holds it (a stack of ours stops with ./rankforge down) or choose other ports with --base-port.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** e.g. {@code pid 4242 (java -jar local-stack/target/rankforge-local.jar up)}; empty when it cannot tell. */
    static Optional<String> holder(int port) {
        try {
            Optional<String> inode = listeningInode(port);
            if (inode.isEmpty()) {
                return Optional.empty();
            }
            String link = "socket:[" + inode.get() + "]";
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path proc : procs) {
                    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                        for (Path fd : fds) {
                            if (link.equals(Files.readSymbolicLink(fd).toString())) {
                                return Optional.of("pid " + proc.getFileName() + " (" + commandLine(proc) + ")");
                            }
                        }
                    } catch (IOException | SecurityException notOurs) {
                        // another user's process, or it just exited
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> listeningInode(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) {
                    return Optional.of(f[9]);
                }
            }
        }
        return Optional.empty();
    }

    private static String commandLine(Path proc) throws IOException {
        String cmd = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ').trim();
        return cmd.length() > 160 ? cmd.substring(0, 157) + "..." : cmd;
    }
}
