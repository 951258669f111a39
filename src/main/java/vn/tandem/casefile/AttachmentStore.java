package vn.tandem.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.tandem.common.InvalidInputException;

/**
 * Stores attachment bytes under a random key in a folder outside the web root (a case's files, a signal's photos).
 */
@Component
public class AttachmentStore {

    private final Path root;
    private final long maxBytes;
    private final Tika tika = new Tika();

    AttachmentStore(
            @Value("${tandem.storage.attachments-dir}") String dir,
            @Value("${tandem.storage.max-attachment-bytes}") long maxBytes) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** A file accepted and stored: its cleaned name, sniffed type, size, SHA-256 and storage key. */
    public record Accepted(String name, String type, long size, String sha256, String key) {}

    /**
     * Checks an uploaded file (not empty, at most the configured size, a type among {@code types} by its content,
     * whatever its name says) and stores it; a refusal is a 400 on the field {@code file}.
     */
    public Accepted accept(String fileName, InputStream content, Set<String> types) throws IOException {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("file", "validation.file.tooLarge", maxBytes / (1024 * 1024));
        }
        String type = tika.detect(bytes, name);
        if (!types.contains(type)) {
            throw new InvalidInputException("file", "validation.file.type", type);
        }
        return new Accepted(name, type, bytes.length, sha256(bytes), store(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String store(byte[] bytes) {
        String key = UUID.randomUUID().toString();
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, "upload-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(String key) throws IOException {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("Invalid storage key");
        }
        return Files.newInputStream(file);
    }
}
