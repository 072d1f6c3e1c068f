package dev.rankforge.service.blackbox;

import dev.rankforge.service.problem.InvalidRequestException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which black boxes a service may call (EXTRACT targets, attack victims): our own black-box API always; any other
 * host only when the allow-list names it. Entries are exact host names ({@code recsys.example.com}), domain
 * wildcards ({@code *.example.com}), address ranges ({@code 10.1.0.0/16}), or {@code *} for any public host.
 * Loopback, link-local, private, carrier-grade NAT, unique-local and multicast addresses are refused unless an
 * exact host name or a range allows them — so a request cannot point the service at the cluster's insides or at
 * the cloud's metadata endpoint. Redirects are never followed ({@link HttpBlackBox}'s client keeps Java's default).
 */
public final class OutboundPolicy {
    private final List<String> ownBases;
    private final List<String> hosts = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private final List<Cidr> ranges = new ArrayList<>();
    private final boolean anyPublic;

    /**
     * @param ownBases base URLs of our own black-box API (trainer-service), always allowed
     * @param allow    allow-list entries, as above
     */
    public OutboundPolicy(List<String> ownBases, List<String> allow) {
        this.ownBases = ownBases.stream().map(b -> b.endsWith("/") ? b : b + "/").toList();
        boolean any = false;
        for (String raw : allow) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                any = true;
            } else if (entry.startsWith("*.")) {
                domains.add(entry.substring(1));
            } else if (entry.contains("/")) {
                ranges.add(Cidr.parse(entry));
            } else {
                hosts.add(entry);
            }
        }
        this.anyPublic = any;
    }

    /** Only our own API: what a service allows when nothing is configured. */
    public static OutboundPolicy ownOnly(String ownBase) {
        return new OutboundPolicy(List.of(ownBase), List.of());
    }

    /** @throws InvalidRequestException naming {@code field} when {@code url} may not be called */
    public void check(String url, String field) {
        if (ownBases.stream().anyMatch(url::startsWith)) {
            return;
        }
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (hosts.contains(host)) {
            return; // named by an operator: trusted, whatever it resolves to
        }
        boolean byName = anyPublic || domains.stream().anyMatch(host::endsWith);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidRequestException(field, "host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            boolean inRange = ranges.stream().anyMatch(r -> r.contains(address));
            if (inRange) {
                continue;
            }
            if (isInternal(address)) {
                throw new InvalidRequestException(field, "host " + host + " is an internal address ("
                        + address.getHostAddress() + "); allow it explicitly in RANKFORGE_OUTBOUND_ALLOW");
            }
            if (!byName) {
                throw new InvalidRequestException(field, "host " + host + " is not on the outbound allow-list "
                        + "(RANKFORGE_OUTBOUND_ALLOW); only our own black-box API is allowed by default");
            }
        }
    }

    /** Loopback, link-local (cloud metadata), private, CGNAT, unique-local, multicast or unspecified. */
    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
        }
        return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // fc00::/7
    }

    /** An address range {@code address/prefix}. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("not an address range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((a[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }
}
