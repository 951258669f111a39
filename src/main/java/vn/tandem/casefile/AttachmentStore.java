package vn.tandem.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stores attachment bytes under a random key in a folder outside the web root (a case's files, a signal's photos).
 */
@Component
public class AttachmentStore {

    private final Path root;

    AttachmentStore(@Value("${tandem.storage.attachments-dir}") String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
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
