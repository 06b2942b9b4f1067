package org.ecabinet.platform.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ecabinet.platform.StartupRefused;

/**
 * A secret given either as a value or as a file holding it (a Docker or Kubernetes secret, mounted as a file so
 * that it shows in no environment listing): the value wins, then the file; neither is no secret.
 */
public final class SecretValue {

    private SecretValue() {
    }

    public static String of(String value, String file) {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new StartupRefused("the secret file " + file + " cannot be read: " + e.getMessage(), "Mount the secret, or unset the variable that names it.");
        }
    }
}
