package vn.tandem.common.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The answer that sends a stored file: its sniffed type and size, its own name, never sniffed again by a browser. */
public final class StoredFile {

    private StoredFile() {}

    /** A download ({@code inline}: shown in the page, as a photo; otherwise saved under its name). */
    public static ResponseEntity<InputStreamResource> response(
            String fileName, String contentType, long size, InputStream content, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName, StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }
}
