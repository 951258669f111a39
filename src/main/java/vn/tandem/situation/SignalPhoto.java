package vn.tandem.situation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A photo of a signal from the scene: its name, sniffed type, size and digest; the bytes are in the store. */
@Entity
@Table(name = "signal_photo")
public class SignalPhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long signalId;
    private String fileName;
    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    private String sha256;
    private String storageKey;
    private String uploadedBy;
    private Instant uploadedAt;

    protected SignalPhoto() {}

    SignalPhoto(
            Long signalId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String storageKey,
            String uploadedBy,
            Instant uploadedAt) {
        this.signalId = signalId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSignalId() {
        return signalId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    String getStorageKey() {
        return storageKey;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
