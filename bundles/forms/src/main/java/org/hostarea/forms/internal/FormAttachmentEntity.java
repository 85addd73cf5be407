package org.hostarea.forms.internal;

import java.time.Instant;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.hostarea.forms.AttachmentInfo;

/** A document of a request, stored in the database (no files to back up separately). */
@Entity
@Table(name = "HA_FORM_ATTACHMENT", indexes = @Index(name = "IX_FORM_ATTACHMENT_REQUEST", columnList = "REQUEST_ID"))
public class FormAttachmentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REQUEST_ID", length = 36, nullable = false)
    private String requestId;

    @Column(name = "FILE_NAME", length = 200, nullable = false)
    private String fileName;

    @Column(name = "CONTENT_TYPE", length = 40, nullable = false)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT", nullable = false)
    private byte[] content;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected FormAttachmentEntity() {
    }

    FormAttachmentEntity(String id, String requestId, String fileName, String contentType, byte[] content, Instant now) {
        this.id = id;
        this.requestId = requestId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.length;
        this.content = content;
        this.createdAt = now.toEpochMilli();
    }

    String requestId() {
        return requestId;
    }

    byte[] content() {
        return content;
    }

    AttachmentInfo toDto() {
        return new AttachmentInfo(id, fileName, contentType, size, Instant.ofEpochMilli(createdAt));
    }
}
