package io.bookingservice.bootstrap.secrets;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Secrets from AWS Secrets Manager (SDK v2). Region and credentials come from the SDK's
 * default chains (AWS_REGION, profiles, instance roles …); the endpoint can point at a local
 * stand-in.
 */
public final class AwsSecretSource implements SecretSource, AutoCloseable {

    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    private static final Logger LOG = LoggerFactory.getLogger(AwsSecretSource.class);

    private final SecretsManagerClient client;
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> previous = new ConcurrentHashMap<>();

    public AwsSecretSource(SecretsManagerClient client) {
        this.client = client;
    }

    /** A client on the JDK's HTTP stack, with the default region and credential chains. */
    public static AwsSecretSource create(Optional<URI> endpoint) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(builder::endpointOverride);
        try {
            return new AwsSecretSource(builder.build());
        } catch (SdkClientException e) {
            // Typically no region: say which knobs exist rather than the SDK's long chain report.
            throw new SecretUnavailableException("cannot set up the Secrets Manager client (set AWS_REGION and credentials"
                    + " the usual AWS ways): " + e.getMessage(), e);
        }
    }

    @Override
    public String current(String name) {
        String cached = current.get(name);
        return cached != null ? cached : refreshOrFail(name);
    }

    @Override
    public Optional<String> previous(String name) {
        return previous.computeIfAbsent(name, n -> {
            try {
                return Optional.of(read(n, PREVIOUS));
            } catch (ResourceNotFoundException e) {
                // A secret that was never rotated has no previous version: that is normal.
                return Optional.empty();
            } catch (SdkException e) {
                throw unavailable(n, e);
            }
        });
    }

    @Override
    public String refresh(String name) {
        try {
            return refreshOrFail(name);
        } catch (SecretUnavailableException e) {
            String cached = current.get(name);
            if (cached == null) {
                throw e;
            }
            LOG.warn("Secrets Manager could not be read for secret {}; keeping the cached value: {}", name, e.getCause().getMessage());
            return cached;
        }
    }

    @Override
    public String readCurrent(String name) {
        return refreshOrFail(name);
    }

    @Override
    public Optional<String> readPrevious(String name) {
        Optional<String> value;
        try {
            value = Optional.of(read(name, PREVIOUS));
        } catch (ResourceNotFoundException e) {
            value = Optional.empty();
        } catch (SdkException e) {
            throw unavailable(name, e);
        }
        previous.put(name, value);
        return value;
    }

    @Override
    public void put(String name, String value) {
        try {
            try {
                client.putSecretValue(r -> r.secretId(name).secretString(value));
            } catch (ResourceNotFoundException e) {
                // First value for this name: the Python tool created secrets the same way.
                client.createSecret(r -> r.name(name).secretString(value));
            }
        } catch (SdkException e) {
            throw new SecretUnavailableException("cannot store secret " + name + ": " + e.getMessage(), e);
        }
        String old = current.put(name, value);
        previous.put(name, Optional.ofNullable(old));
    }

    @Override
    public void close() {
        client.close();
    }

    private String refreshOrFail(String name) {
        try {
            String value = read(name, CURRENT);
            String old = current.put(name, value);
            if (old != null && !old.equals(value)) {
                // The secret rotated: what was current is now the previous version.
                previous.remove(name);
                LOG.info("secret {} has a new current version", name);
            }
            return value;
        } catch (SdkException e) {
            throw unavailable(name, e);
        }
    }

    private String read(String name, String stage) {
        return client.getSecretValue(r -> r.secretId(name).versionStage(stage)).secretString();
    }

    private static SecretUnavailableException unavailable(String name, SdkException e) {
        String reason = e instanceof ResourceNotFoundException ? "it does not exist"
                : e instanceof SecretsManagerException sme ? sme.awsErrorDetails().errorCode() + ": " + sme.awsErrorDetails().errorMessage()
                : e.getMessage();
        return new SecretUnavailableException("cannot read secret " + name + " from Secrets Manager: " + reason, e);
    }
}
