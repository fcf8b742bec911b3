package io.bookingservice.adapters.web.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressResolverTest {

    private static final String PROXY = "10.0.0.2";
    private static final String CLIENT = "198.51.100.7";

    private final ClientAddressResolver resolver = ClientAddressResolver.trusting(List.of("10.0.0.0/8", "2001:db8:1::/48"));

    private static MockHttpServletRequest from(String peer, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/token");
        request.setRemoteAddr(peer);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void aSpoofedLeftMostValueThroughATrustedProxyIsIgnored() {
        // The client sent "X-Forwarded-For: 6.6.6.6"; our proxy appended the address it saw.
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", "6.6.6.6, " + CLIENT))).isEqualTo(CLIENT);
        assertThat(resolver.clientAddress(from(PROXY, "Forwarded", "for=6.6.6.6, for=" + CLIENT))).isEqualTo(CLIENT);
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", "6.6.6.6", "X-Forwarded-For", CLIENT)))
                .as("one value per header line").isEqualTo(CLIENT);
    }

    @Test
    void theSameHeaderFromAnUntrustedPeerIsIgnoredAltogether() {
        assertThat(resolver.clientAddress(from("203.0.113.9", "X-Forwarded-For", "6.6.6.6, " + CLIENT)))
                .isEqualTo("203.0.113.9");
        assertThat(resolver.clientAddress(from("203.0.113.9", "Forwarded", "for=" + CLIENT))).isEqualTo("203.0.113.9");
        assertThat(ClientAddressResolver.trustingNoProxies().clientAddress(from(PROXY, "X-Forwarded-For", CLIENT)))
                .as("nothing is trusted by default").isEqualTo(PROXY);
    }

    @Test
    void trustedHopsAreSkippedFromTheRight() {
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", "6.6.6.6, " + CLIENT + ", 10.1.2.3, 10.9.9.9")))
                .isEqualTo(CLIENT);
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", "10.1.2.3, 10.9.9.9")))
                .as("every hop trusted: a proxy of ours is the client").isEqualTo("10.1.2.3");
        assertThat(resolver.clientAddress(from(PROXY))).as("no header").isEqualTo(PROXY);
    }

    @Test
    void garbageLeftOfTheClientIsNeverRead() {
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", "<script>, unknown, " + CLIENT))).isEqualTo(CLIENT);
    }

    @Test
    void ipv6AndIpv4MappedFormsAreUnderstoodAndCanonical() {
        assertThat(resolver.clientAddress(from("[2001:db8:1::2]", "X-Forwarded-For", "2001:DB8:2::9")))
                .isEqualTo("2001:db8:2:0:0:0:0:9");
        assertThat(resolver.clientAddress(from("2001:db8:1::2", "Forwarded", "for=\"[2001:db8:2::9]:4711\";proto=https")))
                .isEqualTo("2001:db8:2:0:0:0:0:9");
        assertThat(resolver.clientAddress(from("::ffff:10.0.0.2", "X-Forwarded-For", "::ffff:" + CLIENT)))
                .as("an IPv4-mapped peer is its IPv4 address, trusted by 10.0.0.0/8").isEqualTo(CLIENT);
        assertThat(resolver.clientAddress(from("::ffff:203.0.113.9", "X-Forwarded-For", CLIENT))).isEqualTo("203.0.113.9");
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", CLIENT + ":4711"))).isEqualTo(CLIENT);
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", "[2001:db8:2::9]:443"))).isEqualTo("2001:db8:2:0:0:0:0:9");
        assertThat(resolver.clientAddress(from("[2001:db8:9::1]", "X-Forwarded-For", CLIENT)))
                .as("an IPv6 peer outside the trusted /48").isEqualTo("2001:db8:9:0:0:0:0:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "X-Forwarded-For|" + CLIENT + ", not-an-ip",
        "X-Forwarded-For|" + CLIENT + ", unknown",
        "X-Forwarded-For|" + CLIENT + ",",
        "X-Forwarded-For|" + CLIENT + ", localhost",
        "X-Forwarded-For|" + CLIENT + ", 999.1.1.1",
        "X-Forwarded-For|" + CLIENT + ", 1.2.3",
        "X-Forwarded-For|" + CLIENT + ", fe80::1%eth0",
        "X-Forwarded-For|" + CLIENT + ", [198.51.100.8]",
        "X-Forwarded-For|" + CLIENT + ", 2001:db8::1::2",
        "Forwarded|for=\"" + CLIENT,
        "Forwarded|proto=https",
        "Forwarded|for=" + CLIENT + ";for=6.6.6.6",
        "Forwarded|for=_hidden",
        "Forwarded|for=unknown",
        "Forwarded|for=[2001:db8::1]",
        "Forwarded|for " + CLIENT,
        "Forwarded|for=" + CLIENT + " garbage",
    })
    void aMalformedHeaderFromATrustedProxyMeansTheSocketAddress(String header) {
        String[] parts = header.split("\\|", 2);
        assertThat(resolver.clientAddress(from(PROXY, parts[0], parts[1]))).isEqualTo(PROXY);
    }

    @Test
    void bothHeadersAtOnceMeanTheSocketAddressAsOneOfThemCameFromTheClient() {
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", CLIENT, "Forwarded", "for=6.6.6.6"))).isEqualTo(PROXY);
    }

    @Test
    void anOverlongChainIsNotWalked() {
        String hops = CLIENT + ", 10.0.0.1".repeat(ClientAddressResolver.MAX_HOPS);
        assertThat(resolver.clientAddress(from(PROXY, "X-Forwarded-For", hops))).isEqualTo(PROXY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "example.com", "10.0.0.0/x", "::ffff:10.0.0.0/104", "2001:db8::/129", "",
        "10.0.0.0/8/8", "10.0.0.300"})
    void aTrustedProxyEntryThatIsNoCidrIsRefusedByName(String entry) {
        assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("10.0.0.0/8", entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BOOKING_TRUSTED_PROXIES")
                .hasMessageContaining("'" + entry + "'");
    }

    @Test
    void singleAddressesAndBlocksOfBothFamiliesAreAccepted() {
        ClientAddressResolver mixed = ClientAddressResolver.trusting(List.of("192.0.2.7", "::1", "fd00::/8", "0.0.0.0/0"));
        assertThat(mixed.trustedProxies()).containsExactly("192.0.2.7", "::1", "fd00::/8", "0.0.0.0/0");
        assertThat(mixed.clientAddress(from("[::1]", "X-Forwarded-For", "2001:db8:2::9"))).isEqualTo("2001:db8:2:0:0:0:0:9");
    }

    private static MockHttpServletRequest behind(String peer, String scheme, String host, int port, String... headers) {
        MockHttpServletRequest request = from(peer, headers);
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        request.addHeader("Host", port == 80 ? host : host + ":" + port);
        return request;
    }

    @Test
    void theOwnOriginFollowsTheForwardedProtocolAndHostOfATrustedProxyOnly() {
        assertThat(resolver.ownOrigin(behind(PROXY, "http", "api.example.org", 80, "X-Forwarded-Proto", "https")))
                .isEqualTo("https://api.example.org");
        assertThat(resolver.ownOrigin(behind(PROXY, "http", "10.0.0.9", 8000,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example.org"))).isEqualTo("https://api.example.org");
        assertThat(resolver.ownOrigin(behind(PROXY, "http", "10.0.0.9", 8000,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example.org", "X-Forwarded-Port", "8443")))
                .isEqualTo("https://api.example.org:8443");
        assertThat(resolver.ownOrigin(behind(PROXY, "http", "10.0.0.9", 8000,
                "X-Forwarded-Proto", "http, https", "X-Forwarded-Host", "evil.example, api.example.org")))
                .as("the values our proxy appended, the right-most").isEqualTo("https://api.example.org");
        assertThat(resolver.ownOrigin(behind(PROXY, "http", "10.0.0.9", 8000,
                "Forwarded", "for=" + CLIENT + ";proto=https;host=\"api.example.org\""))).isEqualTo("https://api.example.org");

        assertThat(resolver.ownOrigin(behind("203.0.113.9", "http", "api.example.org", 8000,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"))).isEqualTo("http://api.example.org:8000");
        assertThat(resolver.ownOrigin(behind(PROXY, "http", "api.example.org", 8000))).isEqualTo("http://api.example.org:8000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Forwarded-Proto|javascript", "X-Forwarded-Host|evil.example/path",
        "X-Forwarded-Host|user@evil.example", "X-Forwarded-Host|api.example.org:99999", "Forwarded|for=" + CLIENT
            + ";proto=ftp", "Forwarded|for=\"" + CLIENT})
    void malformedForwardedProtocolOrHostIsIgnored(String header) {
        String[] parts = header.split("\\|", 2);
        assertThat(resolver.ownOrigin(behind(PROXY, "http", "api.example.org", 8000, parts[0], parts[1])))
                .isEqualTo("http://api.example.org:8000");
    }
}
