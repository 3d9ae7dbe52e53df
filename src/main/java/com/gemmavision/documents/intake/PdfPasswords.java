package com.gemmavision.documents.intake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.gemmavision.documents.DocumentProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * PDF passwords users type are never stored in plain text: they are sealed with AES-256-GCM (Spring Security's
 * {@code Encryptors.stronger}) under a key derived from {@code gemmavision.documents.password-secret}. Without
 * that setting the key is made at start and lives only in memory: a document still waiting for its password
 * when the server restarts asks for it again, which is the safe way to fail.
 */
@Component
public class PdfPasswords {

    private static final Logger log = LoggerFactory.getLogger(PdfPasswords.class);
    /** Salt of the key derivation; the secret is what must stay private. */
    private static final String SALT = "6a656d6d61766973696f6e2d706466";

    private final BytesEncryptor encryptor;

    public PdfPasswords(DocumentProperties properties) {
        String secret = properties.passwordSecret();
        if (secret == null || secret.isBlank()) {
            secret = KeyGenerators.string().generateKey()
                    + KeyGenerators.string().generateKey();
            log.info("gemmavision.documents.password-secret is not set: PDF passwords are sealed with a key that lasts"
                    + " until the server stops");
        }
        this.encryptor = Encryptors.stronger(secret, SALT);
    }

    public String seal(String password) {
        return Base64.getEncoder().encodeToString(encryptor.encrypt(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** The password, or empty when it was sealed under another key (the server restarted without a configured secret). */
    public Optional<String> open(String sealed) {
        try {
            return Optional.of(
                    new String(encryptor.decrypt(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
