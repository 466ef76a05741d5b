package io.tinymlaas.fleet;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/** TLS that trusts one CA certificate (PEM): how a client reaches a broker whose certificate a private CA signed. */
final class TrustedCa {
    private TrustedCa() {
    }

    static SSLSocketFactory socketFactory(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("tinyml-fleet-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLSv1.2");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the CA certificate " + caFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(caFile + " is not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }
}
