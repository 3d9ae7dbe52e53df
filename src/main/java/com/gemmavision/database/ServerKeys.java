package com.gemmavision.database;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secret keys the server makes at its first start (256 random bits each) and keeps in the database
 * ({@code server_key}), so they survive restarts and every instance on the database shares them. Each use has its
 * own key, by name; {@link #sign} is an HMAC-SHA256 of a text under it.
 */
@Component
public class ServerKeys {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public ServerKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of that name, made and stored the first time any instance asks for it. */
    public byte[] key(String name) {
        return keys.computeIfAbsent(name, this::load);
    }

    private byte[] load(String name) {
        for (int attempt = 0; attempt < 3; attempt++) {
            var stored = jdbc.sql("SELECT secret FROM server_key WHERE name = ?")
                    .param(name)
                    .query(String.class)
                    .optional();
            if (stored.isPresent()) {
                return Base64.getDecoder().decode(stored.get());
            }
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try {
                jdbc.sql("INSERT INTO server_key (name, secret, created_at) VALUES (?, ?, ?)")
                        .params(name, Base64.getEncoder().encodeToString(fresh), Timestamp.from(Instant.now()))
                        .update();
                return fresh;
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                // read the one it stored
            }
        }
        throw new IllegalStateException("the server key " + name + " could not be stored or read");
    }

    /** The HMAC-SHA256 of {@code text} under the named key, in hex, cut to {@code hexChars}. */
    public String sign(String name, String text, int hexChars) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(name), "HmacSHA256"));
            String hex = HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, Math.min(hexChars, hex.length()));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
