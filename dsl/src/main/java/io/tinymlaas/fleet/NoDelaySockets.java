package io.tinymlaas.fleet;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Sockets with Nagle's algorithm off. MQTT sends small packets and waits for their acknowledgements
 * (PUBACK); with Nagle on, each of them can sit out the peer's 40 ms delayed ACK, which made a
 * 200-board rollout take 20 s on one computer. Public for clients beside {@link Fleet} (benchmarks).
 */
public final class NoDelaySockets extends SocketFactory {

    /**
     * The same for TLS (Paho wants an SSLSocketFactory for ssl:// brokers): the plain overloads go
     * through a {@code NoDelaySockets} around {@code inner}; only the SSL ones are written here.
     */
    public static SSLSocketFactory tls(SSLSocketFactory inner) {
        NoDelaySockets plain = new NoDelaySockets(inner);
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return inner.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return inner.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                return noDelay(inner.createSocket(s, host, port, autoClose));
            }

            @Override
            public Socket createSocket() throws IOException {
                return plain.createSocket();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return plain.createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return plain.createSocket(host, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return plain.createSocket(host, port, localHost, localPort);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                return plain.createSocket(address, port, localAddress, localPort);
            }
        };
    }

    private final SocketFactory inner;

    public NoDelaySockets(SocketFactory inner) {
        this.inner = inner;
    }

    static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(inner.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(inner.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(inner.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(inner.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(inner.createSocket(address, port, localAddress, localPort));
    }
}
