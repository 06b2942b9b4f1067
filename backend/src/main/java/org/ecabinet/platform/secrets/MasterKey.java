package org.ecabinet.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one secret kept outside the database (a key file readable by its owner only, or the environment):
 * every other secret of the system is derived from it or kept in the database encrypted under it, so that
 * whoever can read or write the database alone can neither forge a token, nor use a private key, nor append
 * an event that passes for genuine.
 * <ul>
 * <li>{@link #derive} gives a key for one purpose (HMAC-SHA256 of the purpose): the token key, commit MACs.</li>
 * <li>{@link #seal}/{@link #open} encrypt with AES-256-GCM, the purpose bound as associated data, so a
 * sealed value copied to another purpose does not open.</li>
 * </ul>
 */
public final class MasterKey {

    static final int LENGTH = 32;
    private static final String SEALED_PREFIX = "v1.";
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    MasterKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("The master key has " + LENGTH + " bytes, not " + key.length + ".");
        }
        this.key = key.clone();
    }

    /** A new random key: for a new installation, and for tests. */
    public static MasterKey generate() {
        byte[] key = new byte[LENGTH];
        new SecureRandom().nextBytes(key);
        return new MasterKey(key);
    }

    byte[] encoded() {
        return key.clone();
    }

    /** A key of its own for {@code purpose}, the same on every node that holds this master key. */
    public byte[] derive(String purpose) {
        return hmac(key, "e-cabinet:" + purpose);
    }

    /** HMAC-SHA256 of {@code data} under the key derived for {@code purpose}, hex. */
    public String mac(String purpose, String data) {
        return HexFormat.of().formatHex(hmac(derive(purpose), data));
    }

    /** Whether {@code mac} is the MAC of {@code data} for {@code purpose}, compared in constant time. */
    public boolean verifies(String purpose, String data, String mac) {
        return mac != null && MessageDigest.isEqual(mac(purpose, data).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code plaintext} encrypted for {@code purpose}: text safe to keep in the database. */
    public String seal(String purpose, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, purpose, nonce);
            byte[] encrypted = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH + encrypted.length);
            System.arraycopy(encrypted, 0, out, NONCE_LENGTH, encrypted.length);
            return SEALED_PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext of a value sealed for {@code purpose}; refused when it was sealed under another key or purpose, or altered. */
    public byte[] open(String purpose, String sealed) {
        if (sealed == null || !sealed.startsWith(SEALED_PREFIX)) {
            throw new SecretUnreadable("'" + purpose + "' is not a sealed value.");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(SEALED_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadable("'" + purpose + "' is not a sealed value.");
        }
        if (in.length <= NONCE_LENGTH) {
            throw new SecretUnreadable("'" + purpose + "' is too short to be a sealed value.");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, purpose, Arrays.copyOf(in, NONCE_LENGTH)).doFinal(in, NONCE_LENGTH, in.length - NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new SecretUnreadable("'" + purpose + "' does not open with this master key (another key, or altered).");
        }
    }

    private Cipher cipher(int mode, String purpose, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(derive("seal"), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }

    /** A sealed value that does not open: the database was altered, or the master key is not the one it was sealed under. */
    public static final class SecretUnreadable extends RuntimeException {
        public SecretUnreadable(String message) {
            super(message);
        }
    }
}
