package org.ecabinet.platform.secrets;

import java.nio.file.Path;

import org.ecabinet.platform.storage.StorageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    /** The key file defaults to {@code keys/master.key} beside the data directory: outside the store, in the same installation. */
    @Bean
    MasterKey masterKey(SecretsProperties secrets, StorageProperties storage) {
        Path file = secrets.keyFileOr(storage.dataDirectory().toAbsolutePath().normalize().resolveSibling("keys").resolve("master.key"));
        return MasterKeyFile.load(secrets.masterKey(), file);
    }
}
