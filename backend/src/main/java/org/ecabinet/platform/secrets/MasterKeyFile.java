package org.ecabinet.platform.secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

import org.ecabinet.platform.StartupRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the master key from the environment or its file, or creates the file (base64, owner-only
 * permissions) when there is none yet. Whether a new key may be created at all is the store's to say:
 * a store that already holds sealed secrets refuses to start with another key ({@code KeptSecrets}).
 */
final class MasterKeyFile {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeyFile() {
    }

    static MasterKey load(String fromEnvironment, Path file) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return decode(fromEnvironment.strip(), "cabinet.secrets.master-key");
        }
        try {
            if (Files.exists(file)) {
                warnIfShared(file);
                return decode(Files.readString(file).strip(), file.toString());
            }
            return create(file);
        } catch (IOException e) {
            throw new StartupRefused("The master key file " + file + " cannot be read or created: " + e.getMessage());
        }
    }

    private static MasterKey create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MasterKey key = MasterKey.generate();
        String encoded = Base64.getEncoder().encodeToString(key.encoded());
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another node on the same disk was faster: use its key.
            return decode(Files.readString(file).strip(), file.toString());
        }
        Files.writeString(file, encoded + "\n");
        log.info("Created the master key {} (owner-only). Back it up apart from the database: without it the store's secrets do not open.", file);
        return key;
    }

    private static void warnIfShared(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The master key file {} is readable by others ({}): make it owner-only (chmod 600).", file,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    private static MasterKey decode(String base64, String source) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new StartupRefused("The master key in " + source + " is not base64 of " + MasterKey.LENGTH + " bytes.");
        }
    }
}
